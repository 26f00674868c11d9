package org.shouwang.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.Entries;
import org.shouwang.audit.chain.NewEntry;

/**
 * The verification walk's hash straight from binary COPY rows agrees with {@link
 * CanonicalEncoding#hash} for every kind of value, and a row that does not hold is decoded back
 * into the entry it was.
 */
class CopyRowsTests {

  @Test
  void hashesRowsAsTheCanonicalEncodingDoes() {
    List<AuditEntry> entries = new ArrayList<>();
    String prev = CanonicalEncoding.GENESIS;
    Instant[] times = {
      Instant.parse("2026-03-02T01:30:00.123456Z"),
      Instant.parse("1999-12-31T23:59:59.999999Z"),
      Instant.parse("2000-01-01T00:00:00Z"),
      Instant.parse("0001-01-01T00:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.999999Z"),
      Instant.parse("1969-12-31T23:59:59.000001Z"),
      null
    };
    long sequence = 0;
    for (Instant t : times) {
      for (boolean fromKafka : new boolean[] {true, false}) {
        NewEntry e =
            new NewEntry(
                t,
                "CASE:ACKNOWLEDGED",
                fromKafka ? "430421-105-00123" : null,
                t == null ? "" : "衡阳县民政局",
                fromKafka ? "case.events" : null,
                fromKafka ? (int) sequence : null,
                fromKafka ? Long.MAX_VALUE - sequence : null,
                fromKafka ? "k" : null,
                t == null ? null : "{\"reason\":\"\\t\"}",
                t == null ? null : new byte[] {0, (byte) 0xff, 1, 2});
        AuditEntry entry =
            AuditEntry.chain(++sequence * 999_999_937L, t == null ? Instant.EPOCH : t, e, prev);
        entries.add(entry);
        prev = entry.hash();
      }
    }
    CopyRows rows = rows(entries, 3);
    CopyRows.Hasher hasher = new CopyRows.Hasher();

    assertThat(rows.rows).isEqualTo(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      assertThat(rows.hashHolds(i, hasher)).as("row %d", i).isTrue();
      assertThat(rows.sequence(i)).isEqualTo(entries.get(i).sequence());
      assertThat(rows.hash(i)).isEqualTo(entries.get(i).hash());
      assertThat(rows.prevHash(i)).isEqualTo(entries.get(i).prevHash());
      assertThat(rows.entry(i)).usingRecursiveComparison().isEqualTo(entries.get(i));
    }
  }

  @Test
  void aChangedFieldNoLongerHolds() {
    AuditEntry entry = Entries.chain(1).get(0);
    AuditEntry changed =
        new AuditEntry(
            entry.sequence(),
            entry.appendedAt(),
            entry.occurredAt(),
            entry.kind(),
            entry.householdId(),
            "forged",
            entry.sourceTopic(),
            entry.sourcePartition(),
            entry.sourceOffset(),
            entry.recordKey(),
            entry.detail(),
            entry.payload(),
            entry.prevHash(),
            entry.hash());
    CopyRows rows = rows(List.of(entry, changed, entry), 0);
    CopyRows.Hasher hasher = new CopyRows.Hasher();

    assertThat(rows.hashHolds(0, hasher)).isTrue();
    assertThat(rows.hashHolds(1, hasher)).isFalse();
    // the digest starts afresh for every row
    assertThat(rows.hashHolds(2, hasher)).isTrue();
  }

  @Test
  void framesOnlyCompleteRows() {
    List<AuditEntry> entries = Entries.chain(3);
    CopyRows all = rows(entries, 0);
    int cut = all.rowEnd(1) - 3;
    CopyRows part = new CopyRows(all.buf.length, 1);
    System.arraycopy(all.buf, 0, part.buf, 0, all.buf.length);

    assertThat(part.frame(0, cut)).isEqualTo(all.rowEnd(0));
    assertThat(part.rows).isEqualTo(1);
  }

  /** The rows as PostgreSQL's binary COPY writes them (without header), then the end marker. */
  private static CopyRows rows(List<AuditEntry> entries, int padding) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream data = new java.io.DataOutputStream(out);
    try {
      data.write(new byte[padding]);
      for (AuditEntry e : entries) {
        data.writeShort(14);
        data.writeInt(8);
        data.writeLong(e.sequence());
        time(data, e.appendedAt());
        time(data, e.occurredAt());
        for (String text : new String[] {e.kind(), e.householdId(), e.actor(), e.sourceTopic()}) {
          text(data, text);
        }
        if (e.sourcePartition() == null) {
          data.writeInt(-1);
        } else {
          data.writeInt(4);
          data.writeInt(e.sourcePartition());
        }
        if (e.sourceOffset() == null) {
          data.writeInt(-1);
        } else {
          data.writeInt(8);
          data.writeLong(e.sourceOffset());
        }
        text(data, e.recordKey());
        text(data, e.detail());
        if (e.payload() == null) {
          data.writeInt(-1);
        } else {
          data.writeInt(e.payload().length);
          data.write(e.payload());
        }
        text(data, e.prevHash());
        text(data, e.hash());
      }
      data.writeShort(-1);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    byte[] bytes = out.toByteArray();
    CopyRows rows = new CopyRows(bytes.length, 1);
    System.arraycopy(bytes, 0, rows.buf, 0, bytes.length);
    assertThat(rows.frame(padding, bytes.length)).isEqualTo(-1 - (bytes.length - 2));
    return rows;
  }

  private static void time(java.io.DataOutputStream data, Instant t) throws java.io.IOException {
    if (t == null) {
      data.writeInt(-1);
      return;
    }
    data.writeInt(8);
    data.writeLong(
        t.getEpochSecond() * 1_000_000L + t.getNano() / 1000 - CopyRows.POSTGRES_EPOCH_MICROS);
  }

  private static void text(java.io.DataOutputStream data, String value) throws java.io.IOException {
    if (value == null) {
      data.writeInt(-1);
      return;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    data.writeInt(b.length);
    data.write(b);
  }
}
