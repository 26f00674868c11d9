package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Topic;
import org.shouwang.events.Topics;
import org.shouwang.ingest.IngestIntegrationTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

class CsvImportIntegrationTests extends IngestIntegrationTestSupport {

  private static final String EVENT_HEADER =
      "eventId,householdId,type,occurredAt,source,department,data.memberId,data.outOfPocket,"
          + "data.inpatient\n";

  private MvcTestResult upload(String path, String user, byte[] csv, String contentType) {
    return mvc.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, basic(user))
        .contentType(MediaType.parseMediaType(contentType))
        .content(csv)
        .exchange();
  }

  private MvcTestResult upload(String path, String csv) {
    return upload(path, "ingest", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
  }

  private List<String> landedIds(Topic<?, ?> topic, String idField, List<String> ids) {
    return readUntil(topic, read -> ids(read, idField).containsAll(ids)).stream()
        .map(r -> ContractJson.mapper().readTree(r.value()).get(idField).stringValue())
        .filter(ids::contains)
        .toList();
  }

  private static List<String> ids(List<ConsumerRecord<String, byte[]>> read, String idField) {
    return read.stream()
        .map(r -> ContractJson.mapper().readTree(r.value()).get(idField))
        .filter(n -> n != null)
        .map(JsonNode::stringValue)
        .toList();
  }

  @Test
  void importsTheShippedExampleFilesWithoutARejection() throws IOException {
    byte[] events = Files.readAllBytes(Path.of("examples/household-events.csv"));
    byte[] payments = Files.readAllBytes(Path.of("examples/subsidy-payments.csv"));

    assertThat(upload("/api/v1/imports/household-events", "ingest", events, "text/csv"))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(5))
        .hasPathSatisfying("$.results[0].row", v -> v.assertThat().isEqualTo(2));
    assertThat(upload("/api/v1/imports/subsidy-payments", "ingest", payments, "text/csv"))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(4));

    byte[] chinese = Files.readAllBytes(Path.of("examples/household-events-gb18030.csv"));
    assertThat(upload("/api/v1/imports/household-events", "ingest", chinese, "text/csv"))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(4));

    assertThat(
            landedIds(
                Topics.SUBSIDY_PAYMENTS,
                "paymentId",
                List.of("ex-pay-0001", "ex-pay-0002", "ex-pay-0003", "ex-pay-0004")))
        .hasSize(4);
    List<ConsumerRecord<String, byte[]>> read =
        readUntil(Topics.HOUSEHOLD_EVENTS, r -> ids(r, "eventId").contains("ex-evt-0001"));
    JsonNode registered =
        read.stream()
            .map(r -> ContractJson.mapper().readTree(r.value()))
            .filter(n -> n.get("eventId").stringValue().equals("ex-evt-0001"))
            .findFirst()
            .orElseThrow();
    assertThat(registered.get("occurredAt").stringValue()).isEqualTo("2026-01-05T09:00:00+08:00");
    assertThat(registered.get("data").get("villageName").stringValue()).isEqualTo("将军村, 三组");
    assertThat(registered.get("data").get("formerlyPoor").booleanValue()).isTrue();
  }

  @Test
  void storesTheGoodRowsAndReportsEachBadRowByItsSpreadsheetRowNumber() {
    String good1 = newId();
    String bad1 = newId();
    String bad2 = newId();
    String good2 = newId();
    String csv =
        EVENT_HEADER
            + good1
            + ",430421-105-00201,MEDICAL_EXPENSE,2026-03-02 09:30,DEPARTMENT,MEDICAL_INSURANCE,"
            + "\"m1\",6000,是\n"
            + bad1
            + ",430421-105-00202,MEDICAL_EXPENSE,2026-03-02 09:30,DEPARTMENT,MEDICAL_INSURANCE,"
            + "m1,六千,否\n"
            + "\n"
            + bad2
            + ",,MEDICAL_EXPENSE,2026-03-02 09:30,DEPARTMENT,MEDICAL_INSURANCE,m1,100,否\n"
            + good2
            + ",430421-105-00204,MEDICAL_EXPENSE,2026-03-03,DEPARTMENT,MEDICAL_INSURANCE,m3,"
            + "\"1,200.50\",否\n";

    assertThat(upload("/api/v1/imports/household-events", csv))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(2))
        .hasPathSatisfying("$.rejected", v -> v.assertThat().isEqualTo(2))
        .hasPathSatisfying(
            "$.results[*].row", v -> v.assertThat().asArray().containsExactly(2, 3, 5, 6))
        .hasPathSatisfying("$.results[1].status", v -> v.assertThat().isEqualTo("REJECTED"))
        .hasPathSatisfying(
            "$.results[1].violations[0].field", v -> v.assertThat().isEqualTo("data.outOfPocket"))
        .hasPathSatisfying(
            "$.results[1].violations[0].reason", v -> v.assertThat().asString().contains("六千"))
        .hasPathSatisfying(
            "$.results[2].violations[0].field", v -> v.assertThat().isEqualTo("householdId"));

    assertThat(landedIds(Topics.HOUSEHOLD_EVENTS, "eventId", List.of(good1, good2)))
        .containsExactlyInAnyOrder(good1, good2);
  }

  @Test
  void answersAFileWithoutAGoodRowWith422AndTheRowReport() {
    String csv =
        EVENT_HEADER
            + newId()
            + ",430421-105-00210,MEDICAL_EXPENS,2026-03-02,DEPARTMENT,MEDICAL_INSURANCE,m1,1,是\n";
    assertThat(upload("/api/v1/imports/household-events", csv))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .hasPathSatisfying("$.results[0].row", v -> v.assertThat().isEqualTo(2))
        .hasPathSatisfying(
            "$.results[0].violations[0].field", v -> v.assertThat().isEqualTo("type"))
        .hasPathSatisfying(
            "$.results[0].violations[0].code", v -> v.assertThat().isEqualTo("UNKNOWN_CODE"));
  }

  @Test
  void refusesAFileWithAnUnknownColumnNamingIt() {
    assertThat(upload("/api/v1/imports/subsidy-payments", "paymentId,householdId,金额\n1,2,3\n"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("MALFORMED_CSV"))
        .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("programme"));
  }

  @Test
  void refusesABrokenQuoteNamingTheRow() {
    assertThat(
            upload(
                "/api/v1/imports/subsidy-payments",
                "paymentId,householdId,programme,period,amount,paidAt\n\"p1,h,低保,2026-03,1,2026-03-01\n"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("row 2"));
  }

  @Test
  void refusesMoreRowsThanTheLimit() {
    StringBuilder csv = new StringBuilder("paymentId,householdId,programme,period,amount,paidAt\n");
    for (int i = 0; i < 21; i++) {
      csv.append(newId()).append(",h-1,低保,2026-03,720,2026-03-10\n");
    }
    assertThat(upload("/api/v1/imports/subsidy-payments", csv.toString()))
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void readsAGb18030FileWithOrWithoutACharsetButNotAgainstADeclaredOne() {
    String id = newId();
    String detected = newId();
    String csv =
        "paymentId,householdId,programme,period,amount,paidAt,payer\n"
            + "%s,430421-105-00220,低保,2026-03,720,2026-03-10,衡阳县民政局\n";
    Charset gbk = Charset.forName("GB18030");
    assertThat(
            upload(
                "/api/v1/imports/subsidy-payments",
                "ingest",
                csv.formatted(id).getBytes(gbk),
                "text/csv; charset=GB18030"))
        .hasStatus(HttpStatus.ACCEPTED);
    // no charset: not UTF-8, so GB18030
    assertThat(
            upload(
                "/api/v1/imports/subsidy-payments",
                "ingest",
                csv.formatted(detected).getBytes(gbk),
                "text/csv"))
        .hasStatus(HttpStatus.ACCEPTED);
    assertThat(
            upload(
                "/api/v1/imports/subsidy-payments",
                "ingest",
                csv.formatted(newId()).getBytes(gbk),
                "text/csv; charset=UTF-8"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("UTF-8"));
    List<ConsumerRecord<String, byte[]>> read =
        readUntil(
            Topics.SUBSIDY_PAYMENTS, r -> ids(r, "paymentId").containsAll(List.of(id, detected)));
    assertThat(
            read.stream()
                .map(r -> ContractJson.mapper().readTree(r.value()))
                .filter(n -> n.get("paymentId").stringValue().equals(detected))
                .map(n -> n.get("payer").stringValue()))
        .containsExactly("衡阳县民政局");
  }

  @Test
  void refusesJsonOnTheImportEndpointAndCadresAltogether() {
    assertThat(
            upload(
                "/api/v1/imports/subsidy-payments",
                "ingest",
                "{}".getBytes(StandardCharsets.UTF_8),
                "application/json"))
        .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(
            upload(
                "/api/v1/imports/subsidy-payments",
                "cadre-0002",
                "paymentId\n1\n".getBytes(StandardCharsets.UTF_8),
                "text/csv"))
        .hasStatus(HttpStatus.FORBIDDEN);
  }
}
