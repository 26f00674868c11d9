package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/**
 * Notifications on the real broker and database: a signed webhook, an e-mail, several alerts
 * grouped into one message, exactly one delivery after the receiver comes back, and the fallback to
 * the next channel.
 */
class NotificationDeliveryIntegrationTests extends AlertingFlowIntegrationTestSupport {

  @Test
  void deliversANewAlertToTheCadresSignedWebhook() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.MEDICAL_BURDEN, Severity.HIGH, "cadre-0001"));

    String masked = masked(household);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));
    WebhookReceiver.Request request = receiver.requestsMentioning("/cadre-0001", masked).get(0);
    assertThat(request.body())
        .contains("医疗支出负担重")
        .contains("8,500 元")
        .contains("请在3天内入户核实并在系统中确认")
        .doesNotContain(household);
    String timestamp = request.header("X-Shouwang-Timestamp");
    assertThat(request.header("X-Shouwang-Signature"))
        .isEqualTo(hmacHex("webhook-secret", timestamp + "." + request.body()));
    assertThat(request.header("X-Shouwang-Delivery")).isNotBlank();
  }

  @Test
  void emailsACadreWhoseChannelIsEmail() throws Exception {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.UNSAFE_HOUSING, Severity.HIGH, "cadre-0002"));
    String masked = masked(household);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(mailMentioning("cadre-0002@example.org", masked)).hasSize(1));
    MimeMessage message = mailMentioning("cadre-0002@example.org", masked).get(0);
    assertThat(message.getSubject()).startsWith("守望预警");
    assertThat(message.getContent().toString()).contains("住房安全无保障").contains("入户核实");
  }

  @Test
  void foldsSeveralAlertsOfAHouseholdIntoOneCaseAndOneMessage() {
    String household = TestAlerts.household();
    alerts.send(
        TestAlerts.alert(household, Rule.MEDICAL_BURDEN, Severity.MEDIUM, "cadre-0001"),
        TestAlerts.alert(household, Rule.UNINSURED, Severity.HIGH, "cadre-0001"),
        TestAlerts.alert(household, Rule.LOW_INCOME, Severity.LOW, "cadre-0001"));
    String masked = masked(household);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));
    // one message with the three alerts (an earlier test's item for the same cadre may share it)
    assertThat(receiver.requestsMentioning("/cadre-0001", masked).get(0).body())
        .containsPattern("您有[3-9]条待办事项")
        .contains("医疗支出负担重", "未参加基本医疗保险", "收入低于监测线");
    assertThat(countCases(household)).isEqualTo(1);
    UUID caseId = caseOf(household);
    assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.severity").isEqualTo("HIGH");
              assertThat(json)
                  .extractingPath("$.summary.rules")
                  .asArray()
                  .containsExactlyInAnyOrder("LOW_INCOME", "MEDICAL_BURDEN", "UNINSURED");
              assertThat(json).extractingPath("$.alerts").asArray().hasSize(3);
            });
  }

  @Test
  void deliversExactlyOnceWhenTheReceiverComesBack() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.LABOUR_LOSS, Severity.HIGH, "cadre-0003"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from delivery_attempts d join notification_items i"
                                + " on i.notification_id = d.notification_id join cases c on"
                                + " c.case_id = i.case_id where c.household_id = ? and not"
                                + " d.success")
                        .param(household)
                        .query(Long.class)
                        .single()
                    >= 1);
    flaky.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(flaky.requests("/flaky")).hasSize(1));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(flaky.requests("/flaky")).hasSize(1));
    assertThat(
            jdbc.sql(
                    "select n.status || ':' || n.delivered_channel from notifications n where"
                        + " n.recipient = 'cadre-0003'")
                .query(String.class)
                .list())
        .containsExactly("SENT:WEBHOOK");
  }

  @Test
  void fallsBackToTheNextChannelWhenOneKeepsFailing() throws Exception {
    receiver.answer("/wecom-broken", 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.BUSINESS_FAILURE, Severity.HIGH, "cadre-0004"));
    String masked = masked(household);

    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select d.channel || ':' || d.success from delivery_attempts d join"
                                    + " notifications n on n.id = d.notification_id where"
                                    + " n.recipient = 'cadre-0004' order by d.id")
                            .query(String.class)
                            .list())
                    .containsExactly(
                        "WECOM:false", "WECOM:false", "WECOM:false", "WECOM:false", "EMAIL:true"));
    assertThat(mailMentioning("cadre-0004@example.org", masked)).hasSize(1);
    assertThat(receiver.requestsMentioning("/wecom-broken", masked)).hasSize(4);
  }
}
