package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Topics;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * JSON logs on demand ({@code logging.structured.format.console=ecs}): the lines of an alert's
 * consumption, of a case action and of a notification carry the household and the case they are
 * about as fields.
 */
@SpringBootTest(
    properties = {
      "logging.structured.format.console=ecs",
      // test-support's logback-test.xml prints a plain pattern; this one is Boot's structured
      // encoder, as a service jar without a logback file has it
      "logging.config=classpath:logback-structured-test.xml",
      "shouwang.alerting.notifications.group-window=200ms",
      "shouwang.alerting.notifications.poll-interval=100ms",
    })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

  static final String PREFIX = SharedKafka.uniqueTopic("logging") + ".";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    SharedPostgres.newDatabase("alerting_logging").register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    registry.add("shouwang.alerting.consumer.group-id", () -> "alerting-" + PREFIX);
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;

  private final TestAlerts alerts = new TestAlerts(PREFIX + Topics.RISK_ALERTS.name());

  @AfterEach
  void closeProducer() {
    alerts.close();
  }

  @Test
  void logsCaseWorkAsJsonWithTheHouseholdAndTheCase(CapturedOutput output) {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.MEDICAL_BURDEN, Severity.HIGH, "cadre-0001"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from cases where household_id = ?")
                        .param(household)
                        .query(Long.class)
                        .single()
                    == 1);
    String caseId =
        jdbc.sql("select case_id from cases where household_id = ?")
            .param(household)
            .query(UUID.class)
            .single()
            .toString();

    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk();

    JsonNode action = line(output, "Case " + caseId + ": ACKNOWLEDGED");
    assertThat(action.path("caseId").asString()).isEqualTo(caseId);
    assertThat(action.path("householdId").asString()).isEqualTo(household);
    assertThat(action.path("log").path("level").asString()).isEqualTo("INFO");

    JsonNode intake = line(output, "opened case " + caseId);
    assertThat(intake.path("householdId").asString()).isEqualTo(household);
    assertThat(intake.path("caseId").asString()).isEqualTo(caseId);
    assertThat(intake.path("alertId").asString()).isNotBlank();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lines(output))
                    .anySatisfy(
                        json -> {
                          assertThat(json.path("message").asString()).contains("in the inbox");
                          assertThat(json.path("caseId").asString()).isEqualTo(caseId);
                          assertThat(json.path("householdId").asString()).isEqualTo(household);
                          assertThat(json.path("notificationId").asString()).isNotBlank();
                        }));
  }

  /** The one JSON line whose message contains the text. */
  private static JsonNode line(CapturedOutput output, String text) {
    List<JsonNode> found =
        lines(output).stream().filter(j -> j.path("message").asString().contains(text)).toList();
    assertThat(found).as("log lines with '%s'", text).hasSize(1);
    return found.get(0);
  }

  /** Every line of the output that is a JSON object (the structured log lines). */
  private static List<JsonNode> lines(CapturedOutput output) {
    return output
        .getOut()
        .lines()
        .filter(l -> l.startsWith("{"))
        .map(l -> ContractJson.mapper().readTree(l))
        .toList();
  }
}
