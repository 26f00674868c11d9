package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/**
 * The rules of identification and risk elimination (ADR 0005) flow through alerting like every
 * rule: a case for the rule's audience, with its severity, notified to the household's cadre or to
 * the audit office and never to the cadre for an audit finding.
 */
class IdentificationRulesIntegrationTests extends AlertingFlowIntegrationTestSupport {

  @ParameterizedTest(name = "{0} → {1} case, {2}, notified to {3}")
  @CsvSource({
    "IDENTIFICATION_OVERDUE, CADRE, HIGH, cadre-0001",
    "PUBLICITY_TOO_SHORT, AUDITOR, HIGH, auditor",
    "SELF_DECLARATION_UNANSWERED, CADRE, MEDIUM, cadre-0001",
    "RELAPSE_AFTER_ELIMINATION, CADRE, HIGH, cadre-0001",
  })
  void opensACaseForTheRulesAudience(
      Rule rule, String audience, Severity severity, String recipient) {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, rule, severity, "cadre-0001"));

    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    UUID caseId = caseOf(household);
    assertThat(
            jdbc.sql("select audience, severity, state from cases where case_id = ?")
                .param(caseId)
                .query((row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3)))
                .single())
        .containsExactly(audience, severity.name(), "OPEN");
    assertThat(
            jdbc.sql(
                    "select distinct n.recipient from notifications n join notification_items i"
                        + " on i.notification_id = n.id where i.case_id = ?")
                .param(caseId)
                .query(String.class)
                .list())
        .containsExactly(recipient);
    String path = recipient.equals("auditor") ? "/dingtalk" : "/cadre-0001";
    String other = recipient.equals("auditor") ? "/cadre-0001" : "/dingtalk";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(receiver.requestsMentioning(path, masked(household)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains(rule.title())));
    assertThat(receiver.requestsMentioning(other, masked(household))).isEmpty();
  }
}
