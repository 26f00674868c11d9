package org.shouwang.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.events.Audience;

class RouterTests {

  private final Router router =
      new Router(
          properties(
              new AlertingProperties.Routing(
                  List.of("auditor", "cadre-0001"),
                  List.of("supervisor"),
                  Map.of("430421101", List.of("supervisor-101")),
                  Map.of())));

  @Test
  void sendsCadreAlertsToTheHouseholdsCadre() {
    assertThat(router.recipientsOfAlert(Audience.CADRE, "430421101", "cadre-0002"))
        .containsExactly("cadre-0002");
  }

  @Test
  void sendsAuditFindingsToTheAuditOfficeOnly() {
    assertThat(router.recipientsOfAlert(Audience.AUDITOR, "430421101", "cadre-0002"))
        .containsExactly("auditor", "cadre-0001")
        .doesNotContain("cadre-0002");
  }

  @Test
  void neverEscalatesAnAuditFindingToTheHouseholdsCadre() {
    assertThat(router.recipientsOfEscalation(Audience.AUDITOR, "430421101", "cadre-0001", 1))
        .containsExactly("auditor");
  }

  @Test
  void escalatesToTheTownshipThenTheCounty() {
    assertThat(router.recipientsOfEscalation(Audience.CADRE, "430421101", "cadre-0001", 1))
        .containsExactly("supervisor-101");
    assertThat(router.recipientsOfEscalation(Audience.CADRE, "430421101", "cadre-0001", 2))
        .containsExactly("supervisor");
  }

  @Test
  void escalatesStraightToTheCountyWhenTheTownshipHasNoSupervisor() {
    assertThat(router.recipientsOfEscalation(Audience.CADRE, "430421199", "cadre-0001", 1))
        .containsExactly("supervisor");
  }

  @Test
  void sendsAlertsOfAHouseholdWithoutCadreToTheSupervisors() {
    assertThat(router.recipientsOfAlert(Audience.CADRE, "430421101", null))
        .containsExactly("supervisor-101");
  }

  static AlertingProperties properties(AlertingProperties.Routing routing) {
    return new AlertingProperties(
        ZoneId.of("Asia/Shanghai"),
        null,
        routing,
        null,
        new AlertingProperties.Escalation(
            java.util.Arrays.stream(org.shouwang.events.Severity.values())
                .collect(
                    java.util.stream.Collectors.toMap(
                        severity -> severity, severity -> java.time.Duration.ofDays(1))),
            java.time.Duration.ofDays(30),
            null),
        null,
        null,
        null);
  }
}
