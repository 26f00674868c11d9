package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Topics;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Deadlines and escalation on a clock the test moves forward. */
@SpringBootTest(
    properties = {
      "shouwang.alerting.escalation.check-interval=200ms",
      "shouwang.alerting.notifications.group-window=300ms",
      "shouwang.alerting.notifications.poll-interval=100ms",
      "shouwang.alerting.metrics.refresh-interval=300ms",
      "shouwang.alerting.publishing-interval=200ms",
      "shouwang.alerting.notifications.delivery-threads=2",
      // a slow receiver answers within the test rather than timing out first
      "shouwang.alerting.notifications.request-timeout=5m",
    })
@AutoConfigureMockMvc
class EscalationIntegrationTests {

  static final String PREFIX = SharedKafka.uniqueTopic("escalation") + ".";
  static final WebhookReceiver receiver = WebhookReceiver.started();
  static final BlockingWebhook slow = new BlockingWebhook();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    SharedPostgres.newDatabase("alerting_escalation").register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    // a list binds from one property source only: every channel property goes here
    registry.add(
        "shouwang.alerting.routing.recipients.supervisor-101.channels[0].type", () -> "WEBHOOK");
    registry.add(
        "shouwang.alerting.routing.recipients.supervisor.channels[0].type", () -> "WEBHOOK");
    registry.add("shouwang.alerting.consumer.group-id", () -> "alerting-" + PREFIX);
    registry.add(
        "shouwang.alerting.routing.recipients.supervisor-101.channels[0].url",
        () -> receiver.url("/supervisor-101"));
    registry.add(
        "shouwang.alerting.routing.recipients.supervisor.channels[0].url",
        () -> receiver.url("/supervisor"));
    for (String cadre : List.of("cadre-slow-1", "cadre-slow-2")) {
      registry.add(
          "shouwang.alerting.routing.recipients." + cadre + ".channels[0].type", () -> "WEBHOOK");
      registry.add(
          "shouwang.alerting.routing.recipients." + cadre + ".channels[0].url",
          () -> slow.url("/" + cadre));
    }
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Clock.system(ZoneId.of("Asia/Shanghai")));
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  private final TestAlerts alerts = new TestAlerts(PREFIX + Topics.RISK_ALERTS.name());

  @AfterEach
  void closeProducer() {
    alerts.close();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
    slow.close();
  }

  @Test
  void escalatesAnUnacknowledgedCaseToTheTownshipThenTheCounty() {
    String household = TestAlerts.household();
    String masked = household.substring(0, 11) + "***" + household.substring(14);
    alerts.send(TestAlerts.alert(household, Rule.SCHOOL_DROPOUT, Severity.CRITICAL, "cadre-0001"));
    UUID caseId = awaitCase(household);
    get(caseId, "supervisor-101")
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.overdue").isEqualTo(false);
              assertThat(json).extractingPath("$.summary.deadlineKind").isEqualTo("ACKNOWLEDGE");
              assertThat(json).extractingPath("$.summary.escalationLevel").isEqualTo(0);
            });

    clock.advance(Duration.ofHours(25));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/supervisor-101", masked)).hasSize(1));
    String localDeadline =
        jdbc.sql("select deadline from cases where case_id = ?")
            .param(caseId)
            .query(java.time.OffsetDateTime.class)
            .single()
            .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    assertThat(receiver.requestsMentioning("/supervisor-101", masked).get(0).body())
        .contains("超过确认时限（" + localDeadline + "）")
        .contains("【督办】")
        .contains("仍未确认")
        .contains("cadre-0001");
    assertThat(receiver.requestsMentioning("/supervisor", masked)).isEmpty();
    get(caseId, "supervisor-101")
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.overdue").isEqualTo(true);
              assertThat(json).extractingPath("$.summary.escalationLevel").isEqualTo(1);
              assertThat(json)
                  .extractingPath("$.history[*].action")
                  .asArray()
                  .contains("OPENED", "ESCALATED", "REMINDED");
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/api/v1/inbox").with(httpBasic("cadre-0001", "shouwang")))
                    .bodyText()
                    .contains("【提醒】")
                    .contains(masked));

    clock.advance(Duration.ofHours(25));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/supervisor", masked)).hasSize(1));
    get(caseId, "supervisor").extractingPath("$.summary.escalationLevel").isEqualTo(2);
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?overdue=true&householdId=" + household)
                .with(httpBasic("supervisor", "shouwang")))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/actuator/prometheus"))
                    .bodyText()
                    .contains("shouwang_cases_escalations_total{")
                    .contains("shouwang_cases_overdue{")
                    .contains("shouwang_cases_escalated{"));
  }

  @Test
  void flagsAnAcknowledgedCaseWithoutAMeasureAfterTheDeadline() {
    String household = TestAlerts.household();
    String masked = household.substring(0, 11) + "***" + household.substring(14);
    alerts.send(TestAlerts.alert(household, Rule.LABOUR_LOSS, Severity.HIGH, "cadre-0001"));
    UUID caseId = awaitCase(household);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.summary.deadlineKind")
        .isEqualTo("MEASURE");

    clock.advance(Duration.ofDays(29));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/supervisor-101", masked)).isEmpty());

    clock.advance(Duration.ofDays(2));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(receiver.requestsMentioning("/supervisor-101", masked))
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("仍未落实帮扶措施")));
    get(caseId, "cadre-0001")
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.overdue").isEqualTo(true);
              assertThat(json).extractingPath("$.summary.escalationLevel").isEqualTo(1);
            });
  }

  @Test
  void escalatesAnOverdueIdentificationLikeEveryHighCadreCase() {
    String household = TestAlerts.household();
    String masked = household.substring(0, 11) + "***" + household.substring(14);
    alerts.send(
        TestAlerts.alert(household, Rule.IDENTIFICATION_OVERDUE, Severity.HIGH, "cadre-0001"));
    UUID caseId = awaitCase(household);
    get(caseId, "cadre-0001")
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.audience").isEqualTo("CADRE");
              assertThat(json).extractingPath("$.summary.severity").isEqualTo("HIGH");
              assertThat(json).extractingPath("$.summary.deadlineKind").isEqualTo("ACKNOWLEDGE");
            });

    // HIGH: 72 hours to acknowledge (shouwang.alerting.escalation.acknowledge.HIGH)
    clock.advance(Duration.ofHours(71));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/supervisor-101", masked)).isEmpty());

    clock.advance(Duration.ofHours(2));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(receiver.requestsMentioning("/supervisor-101", masked))
                    .singleElement()
                    .satisfies(
                        r ->
                            assertThat(r.body())
                                .contains("【督办】")
                                .contains(Rule.IDENTIFICATION_OVERDUE.title())
                                .contains("cadre-0001")));
    get(caseId, "supervisor-101").extractingPath("$.summary.escalationLevel").isEqualTo(1);
  }

  @Test
  void escalatesAndRelaysOnTimeWhileEveryDeliveryThreadWaitsOnASlowWebhook() {
    try {
      // two cadres whose webhook does not answer: both delivery threads wait in their HTTP calls
      for (String cadre : List.of("cadre-slow-1", "cadre-slow-2")) {
        alerts.send(TestAlerts.alert(TestAlerts.household(), Rule.UNINSURED, Severity.LOW, cadre));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> slow.waiting() == 2);

      String household = TestAlerts.household();
      alerts.send(
          TestAlerts.alert(household, Rule.SCHOOL_DROPOUT, Severity.CRITICAL, "cadre-0001"));
      UUID caseId = awaitCase(household);
      clock.advance(Duration.ofHours(25));

      try (TestAlerts.TopicReader reader =
          new TestAlerts.TopicReader(PREFIX + Topics.CASE_EVENTS.name())) {
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () ->
                    assertThat(
                            reader.records().stream()
                                .filter(r -> r.key().equals(household))
                                .map(
                                    r ->
                                        ContractJson.mapper()
                                            .readValue(r.value(), CaseEvent.class)
                                            .action())
                                .toList())
                        .contains(CaseAction.OPENED, CaseAction.ESCALATED));
      }
      assertThat(
              jdbc.sql("select escalation_level from cases where case_id = ?")
                  .param(caseId)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
      // all of it happened while both deliveries were still waiting for an answer
      assertThat(slow.waiting()).isEqualTo(2);
      assertThat(slow.answered()).isZero();
    } finally {
      slow.release();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> slow.answered() == 2);
  }

  private UUID awaitCase(String household) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from cases where household_id = ?")
                        .param(household)
                        .query(Long.class)
                        .single()
                    == 1);
    return jdbc.sql("select case_id from cases where household_id = ?")
        .param(household)
        .query(UUID.class)
        .single();
  }

  private org.springframework.test.json.AbstractJsonContentAssert<?> get(UUID caseId, String user) {
    return assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic(user, "shouwang")))
        .hasStatusOk()
        .bodyJson();
  }
}
