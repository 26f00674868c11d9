package org.shouwang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.audit.chain.ChainHead;
import org.shouwang.audit.verify.CheckpointWriter;
import org.shouwang.audit.verify.OfflineVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditApiIntegrationTests extends AuditIntegrationTestSupport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired MockMvcTester mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired CheckpointWriter checkpoints;

  @TempDir Path dir;

  @Test
  void returnsAHouseholdsWholeTimelineOldestFirstPageByPage() {
    String household = appended(12);

    List<Long> sequences = new ArrayList<>();
    Long after = 0L;
    int pages = 0;
    while (after != null) {
      JsonNode page =
          json(
              mvc.get()
                  .uri("/api/v1/audit/events")
                  .param("householdId", household)
                  .param("afterSequence", after.toString())
                  .param("limit", "5")
                  .with(httpBasic("auditor", "shouwang"))
                  .exchange());
      page.get("entries").forEach(e -> sequences.add(e.get("sequence").asLong()));
      after =
          page.get("nextAfterSequence").isNull() ? null : page.get("nextAfterSequence").asLong();
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(sequences).hasSize(12).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void filtersByTheContractsTypeAndByActor() {
    String household = appended(9);

    JsonNode alerts =
        json(
            mvc.get()
                .uri("/api/v1/audit/events")
                .param("householdId", household)
                .param("type", "ALERT")
                .with(httpBasic("auditor", "shouwang"))
                .exchange());
    JsonNode byCadre =
        json(
            mvc.get()
                .uri("/api/v1/audit/events")
                .param("householdId", household)
                .param("actor", "cadre-0001")
                .with(httpBasic("auditor", "shouwang"))
                .exchange());

    assertThat(alerts.get("entries")).hasSize(1);
    assertThat(alerts.get("entries").get(0).get("kind").asString())
        .isEqualTo("ALERT:MEDICAL_BURDEN");
    assertThat(alerts.get("entries").get(0).get("payloadJson").get("rule").asString())
        .isEqualTo("MEDICAL_BURDEN");
    List<String> cadreKinds = new ArrayList<>();
    byCadre.get("entries").forEach(e -> cadreKinds.add(e.get("kind").asString()));
    // records of different topics are appended in the order they are consumed, not sent
    assertThat(cadreKinds)
        .containsExactlyInAnyOrder("CASE:ACKNOWLEDGED", "DEAD_LETTER:case.events");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "csv"})
  void exportsASearchThatReVerifiesOffline(String format) throws Exception {
    String household = appended(9);

    MvcTestResult export =
        mvc.get()
            .uri("/api/v1/audit/export")
            .param("householdId", household)
            .param("format", format)
            .with(httpBasic("auditor", "shouwang"))
            .exchange();
    Path file = dir.resolve("export." + format);
    Files.write(file, export.getResponse().getContentAsByteArray());

    assertThat(export).hasStatusOk();
    assertThat(export.getResponse().getHeader("Content-Disposition")).contains("." + format);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(household);
    assertThat(offline(file.toString())).startsWith("OK: 9 entries");
  }

  @Test
  void exportsTheWholeLogAsAContiguousChainAndAnyEditBreaksIt() throws Exception {
    appended(9);
    checkpoints.writeIfMoved();

    MvcTestResult export =
        mvc.get()
            .uri("/api/v1/audit/export")
            .header("Accept", "text/csv")
            .with(httpBasic("admin", "shouwang"))
            .exchange();
    String csv = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
    Path file = dir.resolve("all.csv");
    Files.writeString(file, csv);
    Path forged = dir.resolve("forged.csv");
    Files.writeString(forged, csv.replaceFirst("8500\\.00", "850.00"));

    assertThat(export.getResponse().getContentType()).startsWith("text/csv");
    assertThat(offline(file.toString(), "--checkpoints", CHECKPOINTS.toString()))
        .contains("(contiguous)")
        .doesNotContain("checkpoints matched: 0");
    assertThat(offline(forged.toString())).startsWith("BROKEN at entry").contains("HASH_MISMATCH");
  }

  @Test
  void verifiesTheChainAgainstTheCheckpointsAndReportsTheHead() {
    appended(3);
    ChainHead head =
        checkpoints.writeIfMoved().map(c -> new ChainHead(c.sequence(), c.hash())).orElseThrow();

    JsonNode verify =
        json(
            mvc.get()
                .uri("/api/v1/audit/verify")
                .with(httpBasic("auditor", "shouwang"))
                .exchange());

    assertThat(verify.get("status").asString()).isEqualTo("OK");
    assertThat(verify.get("headSequence").asLong()).isGreaterThanOrEqualTo(head.sequence());
    assertThat(verify.get("checkedEntries").asLong())
        .isEqualTo(verify.get("headSequence").asLong());
    assertThat(verify.get("checkpointsMatched").asLong()).isPositive();
    assertThat(verify.has("firstBreak")).isFalse();
  }

  @Test
  void verifiesARange() {
    appended(9);

    JsonNode verify =
        json(
            mvc.get()
                .uri("/api/v1/audit/verify")
                .param("from", "2")
                .param("to", "6")
                .with(httpBasic("admin", "shouwang"))
                .exchange());

    assertThat(verify.get("status").asString()).isEqualTo("OK");
    assertThat(verify.get("fromSequence").asLong()).isEqualTo(2);
    assertThat(verify.get("headSequence").asLong()).isEqualTo(6);
    assertThat(verify.get("checkedEntries").asLong()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "ingest", "supervisor"})
  void refusesEveryoneButAuditorsAndAdministrators(String user) {
    for (String path :
        List.of("/api/v1/audit/events", "/api/v1/audit/export", "/api/v1/audit/verify")) {
      assertThat(mvc.get().uri(path).with(httpBasic(user, "shouwang")))
          .hasStatus(HttpStatus.FORBIDDEN);
    }
    assertThat(mvc.get().uri("/api/v1/audit/events")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void recordsEveryReadInTheLogItself() {
    String household = "hh-read-" + UUID.randomUUID().toString().substring(0, 8);

    mvc.get()
        .uri("/api/v1/audit/events")
        .param("householdId", household)
        .with(httpBasic("auditor", "shouwang"))
        .exchange();
    mvc.get()
        .uri("/api/v1/audit/export")
        .param("householdId", household)
        .param("format", "csv")
        .with(httpBasic("admin", "shouwang"))
        .exchange();
    mvc.get().uri("/api/v1/audit/verify").with(httpBasic("auditor", "shouwang")).exchange();

    assertThat(
            jdbc.queryForList(
                "SELECT kind || ' ' || actor FROM audit_log WHERE kind LIKE 'AUDIT_READ:%'"
                    + " AND convert_from(payload, 'UTF8') LIKE ? ORDER BY seq",
                String.class, "%" + household + "%"))
        .containsExactly("AUDIT_READ:SEARCH auditor", "AUDIT_READ:EXPORT admin");
    assertThat(
            jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM audit_log"
                    + " WHERE kind = 'AUDIT_READ:VERIFY' ORDER BY seq DESC LIMIT 1",
                String.class))
        .contains("\"user\":\"auditor\"")
        .contains("\"status\":\"OK\"");
  }

  @Test
  void namesTheParameterOfABadQuery() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/events")
                .param("from", "last tuesday")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("parameter 'from'");
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/export")
                .param("format", "xlsx")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("parameter 'format'");
  }

  @Test
  void exposesEveryMetricFamilyToPrometheus() {
    appended(9);
    mvc.get().uri("/api/v1/audit/verify").with(httpBasic("auditor", "shouwang")).exchange();
    checkpoints.writeIfMoved();

    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .contains("shouwang_audit_entries_appended_total{application=\"audit\",family=\"ALERT\"}")
        .contains("family=\"DEAD_LETTER\"")
        .contains("family=\"AUDIT_READ\"")
        .contains("shouwang_audit_append_lag_records")
        .contains("shouwang_audit_append_lag_seconds")
        .contains("shouwang_audit_append_batch_seconds_count")
        .contains("shouwang_audit_chain_head")
        .contains("shouwang_audit_verification_ok{application=\"audit\"} 1.0")
        .contains("shouwang_audit_verification_duration_seconds_count")
        .contains("shouwang_audit_verification_entries_total")
        .contains("shouwang_audit_verification_rate")
        .contains("shouwang_audit_checkpoints_written_total");
  }

  /** Sends {@code n} records of every kind for a new household and waits until all are in. */
  private String appended(int n) {
    String household = "hh-api-" + UUID.randomUUID().toString().substring(0, 8);
    TestRecords.send(TestRecords.records(PREFIX, household, n));
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM audit_log WHERE household_id = ?",
                        Long.class,
                        household)
                    == n);
    return household;
  }

  private static JsonNode json(MvcTestResult result) {
    assertThat(result).hasStatusOk();
    return JSON.readTree(result.getResponse().getContentAsByteArray());
  }

  private static String offline(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
