package org.shouwang.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A risk the engine detected. {@code townshipCode}, {@code villageCode} and {@code cadreId} are
 * absent for a household that was never registered.
 *
 * @param alertId unique id
 * @param householdId the household at risk, the Kafka key
 * @param rule the rule that fired
 * @param ruleVersion the version of the rule's logic
 * @param riskType the risk type on the national form
 * @param severity how urgent
 * @param audience who it goes to; always the rule's audience
 * @param detectedAt when the engine detected it (event time)
 * @param evidence ids of the events and payments that fired it
 * @param message plain Chinese with the numbers that fired it
 * @param townshipCode the household's township
 * @param villageCode the household's village
 * @param cadreId the household's paired cadre
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
    String alertId,
    String householdId,
    Rule rule,
    int ruleVersion,
    RiskType riskType,
    Severity severity,
    Audience audience,
    OffsetDateTime detectedAt,
    List<String> evidence,
    String message,
    String townshipCode,
    String villageCode,
    String cadreId) {

  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(message, "message");
    if (riskType == null) {
      riskType = rule.defaultRiskType();
    }
    if (audience == null) {
      audience = rule.audience();
    } else if (audience != rule.audience()) {
      throw new IllegalArgumentException(
          "rule " + rule + " is for " + rule.audience() + ", not " + audience);
    }
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
