package org.shouwang.audit.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.chain.Texts;

/**
 * Chains and writes a batch in PostgreSQL's binary COPY format, streaming: each row is encoded once
 * into the COPY buffer, hashed from there ({@link CopyRows.Hasher}: the COPY framing of the text
 * fields is the canonical encoding's), and every {@link #FLUSH_BYTES} the buffer goes to the
 * server, which inserts those rows while the next ones are encoded and hashed here.
 */
final class ChainWriter {

  /** Bytes sent to the server at a time. */
  static final int FLUSH_BYTES = 64 * 1024;

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };

  private final CopyRows.Hasher hasher = new CopyRows.Hasher();
  private final int[] slots = new int[CopyRows.SLOTS];
  private byte[] buf = new byte[FLUSH_BYTES + 8192];
  private int n;

  /**
   * Chains the entries after {@code prevHash} from sequence {@code first}, appended at {@code
   * appendedAt}, and writes them to the COPY (which the caller ends).
   */
  List<AuditEntry> write(
      CopyIn copy, List<NewEntry> entries, long first, Instant appendedAt, String prevHash)
      throws SQLException {
    List<AuditEntry> chained = new ArrayList<>(entries.size());
    Instant appended = Texts.micros(appendedAt);
    long appendedMicros = micros(appended);
    n = 0;
    bytes(SIGNATURE);
    int32(0);
    int32(0);
    String prev = prevHash;
    long sequence = first;
    for (NewEntry e : entries) {
      int16((short) CopyRows.FIELDS);
      slots[0] = n;
      int32(8);
      int64(sequence);
      slots[1] = n;
      int32(8);
      int64(appendedMicros);
      slots[2] = n;
      if (e.occurredAt() == null) {
        int32(-1);
      } else {
        int32(8);
        int64(micros(e.occurredAt()));
      }
      slots[3] = n;
      text(e.kind());
      slots[4] = n;
      text(e.householdId());
      slots[5] = n;
      text(e.actor());
      slots[6] = n;
      text(e.sourceTopic());
      slots[7] = n;
      if (e.sourcePartition() == null) {
        int32(-1);
      } else {
        int32(4);
        int32(e.sourcePartition());
      }
      slots[8] = n;
      if (e.sourceOffset() == null) {
        int32(-1);
      } else {
        int32(8);
        int64(e.sourceOffset());
      }
      slots[9] = n;
      text(e.recordKey());
      slots[10] = n;
      text(e.detail());
      slots[11] = n;
      if (e.payload() == null) {
        int32(-1);
      } else {
        int32(e.payload().length);
        bytes(e.payload());
      }
      slots[12] = n;
      text(prev);
      slots[13] = n;
      int32(64);
      ensure(64);
      String hash;
      if (hasher.hash(buf, slots, 0, buf, n)) {
        hash = new String(buf, n, 64, StandardCharsets.ISO_8859_1);
      } else {
        // outside the fast path (no such entry is expected): the reference implementation
        hash = AuditEntry.chain(sequence, appended, e, prev).hash();
        System.arraycopy(hash.getBytes(StandardCharsets.US_ASCII), 0, buf, n, 64);
      }
      n += 64;
      slots[14] = n;
      chained.add(AuditEntry.of(sequence, appended, e, prev, hash));
      prev = hash;
      sequence++;
      if (n >= FLUSH_BYTES) {
        copy.writeToCopy(buf, 0, n);
        n = 0;
      }
    }
    int16((short) -1);
    copy.writeToCopy(buf, 0, n);
    return chained;
  }

  /** Microseconds since PostgreSQL's epoch. */
  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000)
        - CopyRows.POSTGRES_EPOCH_MICROS;
  }

  private void ensure(int more) {
    if (n + more > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }
  }

  private void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  private void int16(short v) {
    ensure(2);
    buf[n++] = (byte) (v >>> 8);
    buf[n++] = (byte) v;
  }

  private void int32(int v) {
    ensure(4);
    CopyRows.putInt(buf, n, v);
    n += 4;
  }

  private void int64(long v) {
    int32((int) (v >>> 32));
    int32((int) v);
  }

  /** A length-prefixed UTF-8 text; ASCII is copied char by char, anything else encoded. */
  private void text(String v) {
    if (v == null) {
      int32(-1);
      return;
    }
    int length = v.length();
    ensure(4 + length);
    int at = n + 4;
    for (int i = 0; i < length; i++) {
      char c = v.charAt(i);
      if (c >= 0x80) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        int32(b.length);
        bytes(b);
        return;
      }
      buf[at + i] = (byte) c;
    }
    CopyRows.putInt(buf, n, length);
    n = at + length;
  }
}
