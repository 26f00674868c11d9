package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.springframework.http.HttpStatus;

/**
 * Who receives and who sees what, on the real broker and database: audit findings away from the
 * household's cadre, another cadre's case refused, the inbox of each recipient.
 */
class RoutingAndVisibilityIntegrationTests extends AlertingFlowIntegrationTestSupport {

  @Test
  void routesAuditFindingsAwayFromTheHouseholdsCadre() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.DUPLICATE_PAYMENT, Severity.HIGH, "cadre-0001"));
    String masked = masked(household);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/dingtalk", masked)).hasSize(1));
    WebhookReceiver.Request ding = receiver.requestsMentioning("/dingtalk", masked).get(0);
    Map<String, String> query = query(ding.query());
    assertThat(query).containsEntry("access_token", "abc");
    String ts = query.get("timestamp");
    assertThat(query.get("sign"))
        .isEqualTo(
            java.util.Base64.getEncoder().encodeToString(hmac("SECdemo", ts + "\n" + "SECdemo")));
    assertThat(ding.body()).contains("核查该户补贴发放情况");

    UUID caseId = caseOf(household);
    assertThat(receiver.requestsMentioning("/cadre-0001", masked)).isEmpty();
    assertThat(mvc.get().uri("/api/v1/inbox").with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyText()
        .doesNotContain(masked);
    assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.get()
                .uri("/api/v1/alerts?householdId=" + household)
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$")
        .asArray()
        .isEmpty();
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?householdId=" + household)
                .with(httpBasic("supervisor", "shouwang")))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(
            mvc.get()
                .uri("/api/v1/alerts?householdId=" + household)
                .with(httpBasic("auditor", "shouwang")))
        .bodyJson()
        .extractingPath("$[0].rule")
        .isEqualTo("DUPLICATE_PAYMENT");
    assertThat(mvc.get().uri("/api/v1/inbox").with(httpBasic("auditor", "shouwang")))
        .bodyText()
        .contains(masked);
  }

  @Test
  void refusesACadreAnotherCadresCase() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.UNSAFE_WATER, Severity.MEDIUM, "cadre-0002"));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    UUID caseId = caseOf(household);

    assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyText()
        .contains("not yours");
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?householdId=" + household)
                .with(httpBasic("cadre-0001", "shouwang")))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0002", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.summary.state")
        .isEqualTo("ACKNOWLEDGED");
  }

  @Test
  void keepsEveryNotificationInTheRecipientsInbox() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.UNSAFE_WATER, Severity.LOW, "cadre-0002"));
    String masked = masked(household);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        mvc.get()
                            .uri("/api/v1/inbox?unreadOnly=true")
                            .with(httpBasic("cadre-0002", "shouwang")))
                    .bodyText()
                    .contains(masked)
                    .contains("饮水安全无保障"));
    long id =
        jdbc.sql("select id from inbox where recipient = 'cadre-0002' and body like ?")
            .param("%" + masked + "%")
            .query(Long.class)
            .single();

    assertThat(
            mvc.post()
                .uri("/api/v1/inbox/" + id + "/read")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.post()
                .uri("/api/v1/inbox/" + id + "/read")
                .with(httpBasic("cadre-0002", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.readAt")
        .isNotNull();
    assertThat(
            mvc.get()
                .uri("/api/v1/inbox?unreadOnly=true")
                .with(httpBasic("cadre-0002", "shouwang")))
        .bodyText()
        .doesNotContain(masked);
    assertThat(
            mvc.get()
                .uri("/api/v1/cases/" + caseOf(household))
                .with(httpBasic("cadre-0002", "shouwang")))
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.notifications[0].recipient")
                  .isEqualTo("cadre-0002");
              assertThat(json).extractingPath("$.notifications[0].status").isEqualTo("SENT");
              assertThat(json)
                  .extractingPath("$.notifications[0].attempts[0].channel")
                  .isEqualTo("EMAIL");
            });
  }
}
