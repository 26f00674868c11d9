package org.shouwang.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalEncodingTests {

  private static final AuditEntry SAMPLE =
      new AuditEntry(
          7,
          Instant.parse("2026-03-02T01:30:00.123456Z"),
          Instant.parse("2026-03-02T01:29:59Z"),
          "CASE:ACKNOWLEDGED",
          "430421-105-00123",
          "cadre-0001",
          "case.events",
          3,
          42L,
          "430421-105-00123",
          null,
          "{\"note\":\"已核实\"}".getBytes(StandardCharsets.UTF_8),
          "ab".repeat(32),
          null);

  @Test
  void encodesLengthPrefixedFieldsInTheDocumentedOrder() {
    ByteBuffer expected = ByteBuffer.allocate(1024);
    for (String field :
        new String[] {
          "shouwang-audit-v1",
          "7",
          "2026-03-02T01:30:00.123456Z",
          "2026-03-02T01:29:59.000000Z",
          "CASE:ACKNOWLEDGED",
          "430421-105-00123",
          "cadre-0001",
          "case.events",
          "3",
          "42",
          "430421-105-00123",
          null,
          "{\"note\":\"已核实\"}",
          "ab".repeat(32)
        }) {
      if (field == null) {
        expected.putInt(-1);
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        expected.putInt(bytes.length).put(bytes);
      }
    }
    byte[] want = new byte[expected.position()];
    expected.flip().get(want);

    assertThat(CanonicalEncoding.encode(SAMPLE)).isEqualTo(want);
  }

  @Test
  void hashesToTheValueAnIndependentImplementationComputes() {
    // computed with the Python snippet in the module README from the specification alone
    assertThat(CanonicalEncoding.hash(SAMPLE))
        .isEqualTo("f22bdbc29ef74feed4a03787465ad79f779df118e798959de5dbfff773cb69b2");
  }

  @Test
  void ignoresTheEntrysOwnHash() {
    assertThat(CanonicalEncoding.hash(SAMPLE.withHash("ff".repeat(32))))
        .isEqualTo(CanonicalEncoding.hash(SAMPLE));
  }

  @Test
  void tellsAnAbsentFieldFromAnEmptyOne() {
    AuditEntry empty =
        new AuditEntry(
            7,
            SAMPLE.appendedAt(),
            SAMPLE.occurredAt(),
            SAMPLE.kind(),
            SAMPLE.householdId(),
            SAMPLE.actor(),
            SAMPLE.sourceTopic(),
            SAMPLE.sourcePartition(),
            SAMPLE.sourceOffset(),
            SAMPLE.recordKey(),
            "",
            SAMPLE.payload(),
            SAMPLE.prevHash(),
            null);

    assertThat(CanonicalEncoding.hash(empty)).isNotEqualTo(CanonicalEncoding.hash(SAMPLE));
  }

  @Test
  void tellsApartTextMovedBetweenNeighbouringFields() {
    AuditEntry a = withActorAndKey("ab", "c");
    AuditEntry b = withActorAndKey("a", "bc");

    assertThat(CanonicalEncoding.hash(a)).isNotEqualTo(CanonicalEncoding.hash(b));
  }

  @Test
  void changesWithThePreviousHash() {
    AuditEntry relinked =
        AuditEntry.chain(7, SAMPLE.appendedAt(), Entries.householdEvent("h", 1), "cd".repeat(32));
    AuditEntry original =
        AuditEntry.chain(7, SAMPLE.appendedAt(), Entries.householdEvent("h", 1), "ab".repeat(32));

    assertThat(relinked.hash()).isNotEqualTo(original.hash()).matches("[0-9a-f]{64}");
  }

  @Test
  void keepsTimesToTheMicrosecondPostgresStores() {
    NewEntry e =
        new NewEntry(
            Instant.parse("2026-03-02T01:30:00.123456789Z"),
            "ALERT:LOW_INCOME",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00.123456Z"));
    assertThat(CanonicalEncoding.time(e.occurredAt())).isEqualTo("2026-03-02T01:30:00.123456Z");
  }

  @Test
  void replacesWhatPostgresCannotStoreBeforeHashing() {
    NewEntry e =
        new NewEntry(
            null, "ALERT:LOW_INCOME", "h\u0000x\uD800", null, null, null, null, null, null, null);

    assertThat(e.householdId()).isEqualTo("h\uFFFDx\uFFFD");
  }

  private static AuditEntry withActorAndKey(String actor, String key) {
    return new AuditEntry(
        1,
        SAMPLE.appendedAt(),
        null,
        "K",
        null,
        actor,
        null,
        null,
        null,
        key,
        null,
        null,
        CanonicalEncoding.GENESIS,
        null);
  }
}
