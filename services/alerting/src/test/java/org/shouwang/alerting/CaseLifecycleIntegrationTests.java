package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Topics;
import org.springframework.http.HttpStatus;

/**
 * A case worked through the API to its end on the real database, every step published on {@code
 * case.events}; refusals of a wrong state (409) and a bad parameter (400).
 */
class CaseLifecycleIntegrationTests extends AlertingFlowIntegrationTestSupport {

  @Test
  void worksACaseToItsEndAndPublishesEveryStep() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.DISASTER_LOSS, Severity.CRITICAL, "cadre-0001"));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    UUID caseId = caseOf(household);
    String cadre = "cadre-0001";

    assertThat(post(caseId, "resolve", cadre, "{\"outcome\":\"已解决\"}"))
        .hasStatus(HttpStatus.CONFLICT)
        .bodyText()
        .contains("The case is OPEN");
    assertThat(post(caseId, "acknowledge", cadre, "{\"note\":\"已电话联系\"}")).hasStatusOk();
    assertThat(post(caseId, "verify", cadre, "{\"confirmed\":true,\"reason\":\"入户核实属实\"}"))
        .hasStatusOk();
    assertThat(post(caseId, "measures", cadre, "{\"kind\":\"NOPE\",\"description\":\"x\"}"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("kind");
    assertThat(
            post(
                caseId,
                "measures",
                cadre,
                "{\"kind\":\"WELFARE\",\"description\":\"申请临时救助\",\"amount\":3000.00}"))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.state").isEqualTo("ASSISTING");
              assertThat(json).extractingPath("$.measures[0].kindName").isEqualTo("兜底保障");
            });
    assertThat(post(caseId, "resolve", cadre, "{\"outcome\":\"临时救助已到位，房屋已修复\"}"))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.state").isEqualTo("RESOLVED");
              assertThat(json).extractingPath("$.summary.overdue").isEqualTo(false);
              assertThat(json).extractingPath("$.history[1].actor").isEqualTo(cadre);
              assertThat(json).extractingPath("$.history[1].reason").isEqualTo("已电话联系");
            });

    try (TestAlerts.TopicReader reader =
        new TestAlerts.TopicReader(topics.name(Topics.CASE_EVENTS))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          reader.records().stream()
                              .filter(r -> r.key().equals(household))
                              .map(r -> caseEvent(r).action().name())
                              .filter(a -> !a.startsWith("NOTIFICATION"))
                              .toList())
                      .containsExactly(
                          "OPENED", "ACKNOWLEDGED", "VERIFIED", "MEASURE_RECORDED", "RESOLVED"));
    }

    alerts.send(TestAlerts.alert(household, Rule.DISASTER_LOSS, Severity.HIGH, "cadre-0001"));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 2);
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?state=OPEN&householdId=" + household)
                .with(httpBasic(cadre, "shouwang")))
        .bodyJson()
        .extractingPath("$.items[0].previousCaseId")
        .isEqualTo(caseId.toString());
  }

  @Test
  void namesTheBadParameterOfARequest() {
    assertThat(mvc.get().uri("/api/v1/cases?state=DONE").with(httpBasic("supervisor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("state")
        .contains("RESOLVED");
  }
}
