package org.shouwang.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Topics;
import org.shouwang.ingest.IngestIntegrationTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

class BatchIntegrationTests extends IngestIntegrationTestSupport {

  private MvcTestResult post(String path, String user, String body) {
    return mvc.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, basic(user))
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private static JsonNode tree(String json) {
    return ContractJson.mapper().readTree(json);
  }

  private List<ConsumerRecord<String, byte[]>> landed(
      org.shouwang.events.Topic<?, ?> topic, String idField, List<String> ids, int count) {
    return readUntil(
            topic,
            read -> read.stream().filter(r -> ids.contains(idOf(r, idField))).count() >= count)
        .stream()
        .filter(r -> ids.contains(idOf(r, idField)))
        .toList();
  }

  private static String idOf(ConsumerRecord<String, byte[]> record, String idField) {
    JsonNode id = ContractJson.mapper().readTree(record.value()).get(idField);
    return id == null ? null : id.stringValue();
  }

  @Test
  void storesEveryRecordOfAValidBatchExactlyAsSentKeyedByHousehold() {
    List<String> ids = List.of(newId(), newId(), newId());
    List<String> sent =
        List.of(
            medicalExpense(ids.get(0), "430421-105-00001"),
            medicalExpense(ids.get(1), "430421-105-00002"),
            medicalExpense(ids.get(2), "430421-105-00003"));

    assertThat(post("/api/v1/household-events", "ingest", array(sent)))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(3))
        .hasPathSatisfying("$.rejected", v -> v.assertThat().isEqualTo(0))
        .hasPathSatisfying("$.results[1].id", v -> v.assertThat().isEqualTo(ids.get(1)))
        .hasPathSatisfying("$.results[1].index", v -> v.assertThat().isEqualTo(1))
        .hasPathSatisfying("$.results[2].status", v -> v.assertThat().isEqualTo("ACCEPTED"));

    Map<String, ConsumerRecord<String, byte[]>> byId =
        landed(Topics.HOUSEHOLD_EVENTS, "eventId", ids, 3).stream()
            .collect(Collectors.toMap(r -> idOf(r, "eventId"), Function.identity()));
    assertThat(byId).hasSize(3);
    for (String json : sent) {
      JsonNode expected = tree(json);
      ConsumerRecord<String, byte[]> record = byId.get(expected.get("eventId").stringValue());
      assertThat(record.key()).isEqualTo(expected.get("householdId").stringValue());
      assertThat(value(record)).isEqualTo(json);
    }
  }

  @Test
  void acceptsASingleRecordSentAsAnObject() {
    String id = newId();
    assertThat(post("/api/v1/subsidy-payments", "civil-affairs", payment(id, "430421-105-00009")))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.kind", v -> v.assertThat().isEqualTo("subsidy-payment"))
        .hasPathSatisfying("$.results[0].id", v -> v.assertThat().isEqualTo(id))
        .hasPathSatisfying("$.results[0].status", v -> v.assertThat().isEqualTo("ACCEPTED"));
    ConsumerRecord<String, byte[]> record =
        landed(Topics.SUBSIDY_PAYMENTS, "paymentId", List.of(id), 1).get(0);
    assertThat(ContractJson.mapper().readTree(record.value()))
        .isEqualTo(tree(payment(id, "430421-105-00009")));
  }

  @Test
  void refusesABatchWithoutAValidRecordWith422NamingEveryFieldAndReason() {
    String noAmount =
        """
        {"paymentId":"%s","householdId":"430421-105-00010","programme":"MINIMUM_LIVING_ALLOWANCE",\
        "period":"2026-03","paidAt":"2026-03-10T10:00:00+08:00"}"""
            .formatted(newId());
    String badProgramme =
        payment(newId(), "430421-105-00011").replace("MINIMUM_LIVING_ALLOWANCE", "DIBAO");

    assertThat(post("/api/v1/subsidy-payments", "ingest", array(List.of(noAmount, badProgramme))))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .hasPathSatisfying("$.rejected", v -> v.assertThat().isEqualTo(2))
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(0))
        .hasPathSatisfying("$.results[0].status", v -> v.assertThat().isEqualTo("REJECTED"))
        .hasPathSatisfying(
            "$.results[0].violations[0].field", v -> v.assertThat().isEqualTo("amount"))
        .hasPathSatisfying(
            "$.results[0].violations[0].code", v -> v.assertThat().isEqualTo("REQUIRED"))
        .hasPathSatisfying(
            "$.results[1].violations[0].field", v -> v.assertThat().isEqualTo("programme"))
        .hasPathSatisfying(
            "$.results[1].violations[0].code", v -> v.assertThat().isEqualTo("UNKNOWN_CODE"))
        .hasPathSatisfying(
            "$.results[1].violations[0].reason", v -> v.assertThat().asString().contains("DIBAO"));
  }

  @Test
  void storesTheValidRecordsOfAMixedBatchAndListsTheInvalidOnes() {
    String good1 = newId();
    String bad = newId();
    String good2 = newId();
    String invalid =
        medicalExpense(bad, "430421-105-00021")
            .replace("\"outOfPocket\":8500.00", "\"outOfPocket\":-5")
            .replace("\"source\":\"DEPARTMENT\",", "\"source\":\"DEPARTMENT\",\"x\":1,")
            .replace("\"department\":\"MEDICAL_INSURANCE\",", "");
    List<String> sent =
        List.of(
            medicalExpense(good1, "430421-105-00020"),
            invalid,
            medicalExpense(good2, "430421-105-00022"));

    assertThat(post("/api/v1/household-events", "ingest", array(sent)))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(2))
        .hasPathSatisfying("$.rejected", v -> v.assertThat().isEqualTo(1))
        .hasPathSatisfying("$.results[1].id", v -> v.assertThat().isEqualTo(bad))
        .hasPathSatisfying("$.results[1].status", v -> v.assertThat().isEqualTo("REJECTED"))
        .hasPathSatisfying(
            "$.results[1].violations[*].field",
            v ->
                v.assertThat()
                    .asArray()
                    .containsExactlyInAnyOrder("department", "data.outOfPocket"));

    List<String> ids = new ArrayList<>(List.of(good1, good2, bad));
    // the invalid record is on another partition; the two valid ones prove the batch was written
    List<ConsumerRecord<String, byte[]>> landed =
        landed(Topics.HOUSEHOLD_EVENTS, "eventId", ids, 2);
    assertThat(landed).extracting(r -> idOf(r, "eventId")).containsExactlyInAnyOrder(good1, good2);
  }

  @Test
  void answersMalformedJsonWithAProblemNamingWhere() {
    assertThat(post("/api/v1/household-events", "ingest", "[{\"eventId\": \"x\",]"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("MALFORMED_JSON"))
        .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("line 1"));
  }

  @Test
  void refusesMoreRecordsThanTheLimitWithAProblem() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(medicalExpense(newId(), "430421-105-00030"));
    }
    assertThat(post("/api/v1/household-events", "ingest", array(many)))
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .hasPathSatisfying(
            "$.detail", v -> v.assertThat().asString().contains("more than 50 records"));
  }

  @Test
  void refusesABodyLargerThanTheLimitWithAProblem() {
    String padded =
        medicalExpense(newId(), "430421-105-00031")
            .replace("\"source\"", "\"padding\":\"" + "x".repeat(70 * 1024) + "\",\"source\"");
    assertThat(post("/api/v1/household-events", "ingest", padded))
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .hasPathSatisfying("$.code", v -> v.assertThat().isEqualTo("TOO_LARGE"));
  }

  @Test
  void refusesAWrongContentTypeWithAProblem() {
    assertThat(
            mvc.post()
                .uri("/api/v1/household-events")
                .header(HttpHeaders.AUTHORIZATION, basic("ingest"))
                .contentType(MediaType.TEXT_PLAIN)
                .content(medicalExpense(newId(), "430421-105-00032")))
        .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void sendsARepeatedIdOnceAndReportsTheRepeatAsDuplicate() {
    String household = "430421-105-00040";
    String id = newId();
    String again = medicalExpense(id, household);
    assertThat(post("/api/v1/household-events", "ingest", array(List.of(again, again))))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.accepted", v -> v.assertThat().isEqualTo(1))
        .hasPathSatisfying("$.results[1].status", v -> v.assertThat().isEqualTo("DUPLICATE"));
    assertThat(post("/api/v1/household-events", "ingest", again))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .hasPathSatisfying("$.duplicates", v -> v.assertThat().isEqualTo(1))
        .hasPathSatisfying("$.results[0].status", v -> v.assertThat().isEqualTo("DUPLICATE"));
    // a later record of the same household shares the partition: once it is there, so is all before
    String marker = newId();
    assertThat(post("/api/v1/household-events", "ingest", medicalExpense(marker, household)))
        .hasStatus(HttpStatus.ACCEPTED);
    List<ConsumerRecord<String, byte[]>> landed =
        landed(Topics.HOUSEHOLD_EVENTS, "eventId", List.of(id, marker), 2);
    assertThat(landed).extracting(r -> idOf(r, "eventId")).containsExactly(id, marker);
  }

  @Test
  void refusesADepartmentCredentialSendingForAnotherDepartment() {
    String other =
        medicalExpense(newId(), "430421-105-00050").replace("MEDICAL_INSURANCE", "EDUCATION");
    assertThat(post("/api/v1/household-events", "medical-insurance", other))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .bodyJson()
        .hasPathSatisfying(
            "$.results[0].violations[0].field", v -> v.assertThat().isEqualTo("department"))
        .hasPathSatisfying(
            "$.results[0].violations[0].code", v -> v.assertThat().isEqualTo("INCONSISTENT"));
    assertThat(
            post(
                "/api/v1/household-events",
                "medical-insurance",
                medicalExpense(newId(), "430421-105-00050")))
        .hasStatus(HttpStatus.ACCEPTED);
  }

  @Test
  void refusesCallersWithoutCredentialsOrWithAnotherRole() {
    assertThat(
            mvc.post()
                .uri("/api/v1/household-events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(medicalExpense(newId(), "430421-105-00060")))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(
            post(
                "/api/v1/household-events",
                "cadre-0001",
                medicalExpense(newId(), "430421-105-00060")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(post("/api/v1/subsidy-payments", "auditor", payment(newId(), "430421-105-00060")))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(post("/api/v1/subsidy-payments", "admin", payment(newId(), "430421-105-00060")))
        .hasStatus(HttpStatus.ACCEPTED);
  }
}
