package org.shouwang.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.ChainBreak.Problem;
import org.shouwang.audit.chain.Entries;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.chain.VerificationResult;

class AuditLogIntegrationTests {

  private AuditDatabase db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = new AuditDatabase("auditlog", 100);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void appendsAKafkaRecordOnceHoweverOftenItIsDelivered() throws SQLException {
    List<NewEntry> batch = batch("h", 0, 10);
    List<NewEntry> overlapping = new ArrayList<>(batch("h", 5, 10));
    overlapping.add(overlapping.get(0));

    db.log().append(batch);
    List<AuditEntry> second = db.log().append(overlapping);

    assertThat(second)
        .extracting(AuditEntry::sourceOffset)
        .containsExactly(10L, 11L, 12L, 13L, 14L);
    assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(15);
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT source_offset FROM audit_log"
                    + " GROUP BY source_topic, source_partition, source_offset HAVING count(*) > 1) d"))
        .isZero();
  }

  @Test
  void chainsEveryAppendToTheOneBeforeIt() {
    db.log().append(batch("a", 0, 3));
    db.log().append(batch("b", 3, 3));

    VerificationResult result = db.log().verify(null, null, Map.of());

    assertThat(result.ok()).isTrue();
    assertThat(result.checkedEntries()).isEqualTo(6);
    assertThat(result.headHash()).isEqualTo(db.log().head().orElseThrow().hash());
  }

  @Test
  void refusesUpdateDeleteAndTruncateEvenToTheSuperuser() throws SQLException {
    db.log().append(batch("h", 0, 3));

    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE audit_log SET actor = 'x' WHERE seq = 2",
              "DELETE FROM audit_log WHERE seq = 2",
              "TRUNCATE audit_log")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("audit_log is append-only");
      }
    }
    assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(3);
  }

  @Test
  void runsTheServiceAsARoleWithoutUpdateOrDeletePrivileges() throws SQLException {
    db.log().append(batch("h", 0, 1));
    String role = DatabaseRole.detect(db.dataSource()).name();

    assertThat(role).endsWith("_audit_app");
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      s.execute("SET ROLE \"" + role + "\"");
      assertThatThrownBy(() -> s.execute("UPDATE audit_log SET actor = 'x'"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.execute("DELETE FROM audit_log"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.execute("SET session_replication_role = replica"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void findsAPayloadChangedInTheDatabaseAtThatEntry() throws SQLException {
    db.log().append(batch("h", 0, 10));

    db.tamper("UPDATE audit_log SET payload = convert_to('{\"forged\":1}', 'UTF8') WHERE seq = 6");

    VerificationResult result = db.log().verify(null, null, Map.of());
    assertThat(result.ok()).isFalse();
    assertThat(result.firstBreak().sequence()).isEqualTo(6);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.HASH_MISMATCH);
  }

  @Test
  void findsADeletedRowAsAGapAtItsSequence() throws SQLException {
    db.log().append(batch("h", 0, 10));

    db.tamper("DELETE FROM audit_log WHERE seq = 4");

    VerificationResult result = db.log().verify(null, null, Map.of());
    assertThat(result.firstBreak().sequence()).isEqualTo(4);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.SEQUENCE_GAP);
  }

  @Test
  void findsTwoSwappedRows() throws SQLException {
    db.log().append(batch("h", 0, 10));

    db.tamper(
        "UPDATE audit_log SET seq = 1000007 WHERE seq = 7",
        "UPDATE audit_log SET seq = 7 WHERE seq = 8",
        "UPDATE audit_log SET seq = 8 WHERE seq = 1000007");

    VerificationResult result = db.log().verify(null, null, Map.of());
    assertThat(result.firstBreak().sequence()).isEqualTo(7);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
  }

  @Test
  void findsAWholeRewriteThroughTheCheckpointsOutsideTheDatabase() throws SQLException {
    List<AuditEntry> original = db.log().append(batch("h", 0, 10));
    Map<Long, String> checkpoints = Map.of(8L, original.get(7).hash());
    // rewrite entry 5 and re-hash everything after it: the chain is consistent again
    List<AuditEntry> forged = new ArrayList<>(original.subList(0, 4));
    String prev = original.get(3).hash();
    for (AuditEntry e : original.subList(4, 10)) {
      AuditEntry f =
          AuditEntry.chain(
              e.sequence(),
              e.appendedAt(),
              new NewEntry(
                  e.occurredAt(),
                  e.kind(),
                  e.sequence() == 5 ? "someone-else" : e.householdId(),
                  e.actor(),
                  e.sourceTopic(),
                  e.sourcePartition(),
                  e.sourceOffset(),
                  e.recordKey(),
                  e.detail(),
                  e.payload()),
              prev);
      forged.add(f);
      prev = f.hash();
    }
    List<String> sql = new ArrayList<>();
    for (AuditEntry f : forged.subList(4, 10)) {
      sql.add(
          "UPDATE audit_log SET household_id = '"
              + f.householdId()
              + "', prev_hash = '"
              + f.prevHash()
              + "', hash = '"
              + f.hash()
              + "' WHERE seq = "
              + f.sequence());
    }
    db.tamper(sql.toArray(String[]::new));

    assertThat(db.log().verify(null, null, Map.of()).ok()).isTrue();
    VerificationResult result = db.log().verify(null, null, checkpoints);
    assertThat(result.firstBreak().sequence()).isEqualTo(8);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
  }

  @Test
  void findsEntriesCutFromTheEndThroughTheCheckpoints() throws SQLException {
    List<AuditEntry> original = db.log().append(batch("h", 0, 10));

    db.tamper("DELETE FROM audit_log WHERE seq > 7");

    VerificationResult result = db.log().verify(null, null, Map.of(10L, original.get(9).hash()));
    assertThat(result.firstBreak().sequence()).isEqualTo(8);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.CHECKPOINT_BEYOND_HEAD);
  }

  @Test
  void verifiesARangeFromThePreviousEntrysHash() throws SQLException {
    db.log().append(batch("h", 0, 10));
    db.tamper("UPDATE audit_log SET actor = 'forged' WHERE seq = 2");

    assertThat(db.log().verify(4L, 9L, Map.of()).ok()).isTrue();
    assertThat(db.log().verify(4L, 9L, Map.of()).checkedEntries()).isEqualTo(6);
    assertThat(db.log().verify(1L, 9L, Map.of()).firstBreak().sequence()).isEqualTo(2);
  }

  @Test
  void findsABreakEarlyInALongLogAndStopsReadingThere() throws SQLException {
    for (int i = 0; i < 10; i++) {
      db.log().append(batch("h", i * 1000, 1000));
    }
    db.tamper("UPDATE audit_log SET household_id = 'forged' WHERE seq = 5");
    db.log().useVerifySegments(4000);

    VerificationResult broken = db.log().verify(null, null, Map.of());
    assertThat(broken.firstBreak().sequence()).isEqualTo(5);
    assertThat(broken.firstBreak().problem()).isEqualTo(Problem.HASH_MISMATCH);
    assertThat(broken.checkedEntries()).isEqualTo(4);
    // the walk stopped its COPY half way: the connections are fine for the next walk
    for (int i = 0; i < 5; i++) {
      VerificationResult rest = db.log().verify(6L, null, Map.of());
      assertThat(rest.ok()).isTrue();
      assertThat(rest.checkedEntries()).isEqualTo(9995);
      assertThat(rest.headSequence()).isEqualTo(10_000);
    }
  }

  @Test
  void findsBreaksAcrossTheWalksBufferBoundaries() throws SQLException {
    for (int i = 0; i < 10; i++) {
      db.log().append(batch("h", i * 1000, 1000));
    }
    assertThat(db.log().verify(null, null, Map.of()).checkedEntries()).isEqualTo(10_000);
    // COPY segments of 3000 sequence numbers, buffers of 2048 rows: breaks at 2049 and 9000
    db.log().useVerifySegments(3000);
    assertThat(db.log().verify(null, null, Map.of()).headSequence()).isEqualTo(10_000);

    db.tamper("DELETE FROM audit_log WHERE seq = 2049", "DELETE FROM audit_log WHERE seq = 9000");
    VerificationResult gap = db.log().verify(null, null, Map.of());
    assertThat(gap.firstBreak().problem()).isEqualTo(Problem.SEQUENCE_GAP);
    assertThat(gap.firstBreak().sequence()).isEqualTo(2049);
    assertThat(gap.checkedEntries()).isEqualTo(2048);

    VerificationResult later = db.log().verify(2050L, null, Map.of(9999L, "0".repeat(64)));
    assertThat(later.firstBreak().sequence()).isEqualTo(9000);
    assertThat(later.firstBreak().problem()).isEqualTo(Problem.SEQUENCE_GAP);

    VerificationResult checkpoint = db.log().verify(9001L, null, Map.of(9999L, "0".repeat(64)));
    assertThat(checkpoint.firstBreak().sequence()).isEqualTo(9999);
    assertThat(checkpoint.firstBreak().problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
  }

  @Test
  void storesAndReturnsAwkwardValuesExactlyInTheBinaryCopyFormat() {
    db.log().append(List.of(awkward()));

    assertThat(db.log().verify(null, null, Map.of()).ok()).isTrue();
  }

  @Test
  void storesAndReturnsAwkwardValuesExactlyInTheTextCopyFormat() {
    db.log().useTextCopy();
    db.log().append(List.of(awkward()));

    assertThat(db.log().verify(null, null, Map.of()).ok()).isTrue();
  }

  private static NewEntry awkward() {
    return new NewEntry(
        Instant.parse("1999-12-31T23:59:59.999999Z"),
        "DEAD_LETTER:household.events",
        "tab\there\\back\nslash\r",
        "",
        "t.household.events.dlt",
        0,
        1L,
        null,
        "\"quoted\" 衡阳县民政局",
        new byte[] {0, (byte) 0xff, '\\', '\t', '\n'});
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<NewEntry> batch(String household, int firstOffset, int n) {
    List<NewEntry> entries = new ArrayList<>();
    for (int i = firstOffset; i < firstOffset + n; i++) {
      entries.add(Entries.householdEvent(household, i));
    }
    return entries;
  }
}
