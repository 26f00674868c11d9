package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.Procedure.approved;
import static org.shouwang.riskengine.rules.Procedure.elimination;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.money;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.monitoring;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Audience;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.streams.Engine;

/**
 * RELAPSE_AFTER_ELIMINATION: a risk alert within 12 months after risk elimination. (Dates lie in
 * the past: the contract refuses events from the future.)
 */
class RelapseAfterEliminationTests {

  private static final OffsetDateTime ELIMINATED =
      OffsetDateTime.parse("2025-01-20T10:00:00+08:00");

  /** A household monitored for 8 months whose risk the county then eliminated; its id. */
  private static String eliminated(Engine engine) {
    engine.register(ELIMINATED.minusYears(1));
    engine.send(ELIMINATED.minusMonths(8), monitoring(MonitoringStatus.MONITORED));
    engine.send(ELIMINATED.minusDays(10), elimination(ProcedureStep.PUBLICITY_STARTED));
    String decision = engine.send(ELIMINATED, approved(EliminationType.ASSISTED));
    engine.alerts();
    return decision;
  }

  @Test
  void aRiskAlertElevenMonthsAfterEliminationIsARelapse() {
    try (Engine engine = new Engine()) {
      String decision = eliminated(engine);
      String expense =
          engine.send(
              ELIMINATED.plusMonths(11), new EventData.MedicalExpense("m2", money("9000"), true));
      var alerts = engine.alerts();
      assertThat(alerts).extracting(a -> a.rule()).contains(Rule.MEDICAL_BURDEN);
      assertThat(alerts)
          .filteredOn(a -> a.rule() == Rule.RELAPSE_AFTER_ELIMINATION)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.audience()).isEqualTo(Audience.CADRE);
                assertThat(a.severity()).isEqualTo(Severity.HIGH);
                assertThat(a.riskType()).as("from the signal").isEqualTo(RiskType.ILLNESS);
                assertThat(a.cadreId()).isEqualTo(Engine.CADRE);
                assertThat(a.evidence()).containsExactly(expense, decision);
                assertThat(a.detectedAt()).isEqualTo(ELIMINATED.plusMonths(11));
                assertThat(a.message())
                    .isEqualTo("于 2025-01-20 标注风险消除，第 334 天（12 个月内）再次出现风险：“医疗支出负担重”，应重新识别纳入监测");
              });
    }
  }

  @Test
  void aRiskAlertAfterTwelveMonthsIsNoRelapse() {
    try (Engine engine = new Engine()) {
      eliminated(engine);
      engine.send(
          ELIMINATED.plusMonths(12).plusDays(1), new EventData.HousingAssessed(HousingGrade.D));
      var alerts = engine.alerts();
      assertThat(alerts).extracting(a -> a.rule()).contains(Rule.UNSAFE_HOUSING);
      assertThat(alerts).extracting(a -> a.rule()).doesNotContain(Rule.RELAPSE_AFTER_ELIMINATION);
    }
  }

  @Test
  void aRiskAlertADayShortOfTwelveMonthsIsARelapse() {
    try (Engine engine = new Engine()) {
      eliminated(engine);
      engine.send(
          ELIMINATED.plusMonths(12).minusDays(1), new EventData.HousingAssessed(HousingGrade.D));
      assertThat(engine.alerts(Rule.RELAPSE_AFTER_ELIMINATION))
          .singleElement()
          .satisfies(a -> assertThat(a.riskType()).isEqualTo(RiskType.OTHER));
    }
  }

  @Test
  void firesOncePerEliminationAndAgainAfterTheNextOne() {
    try (Engine engine = new Engine()) {
      eliminated(engine);
      engine.send(ELIMINATED.plusMonths(1), new EventData.HousingAssessed(HousingGrade.C));
      engine.send(ELIMINATED.plusMonths(2), new EventData.MedicalInsuranceChanged("m3", false));
      assertThat(engine.alerts(Rule.RELAPSE_AFTER_ELIMINATION)).hasSize(1);

      engine.send(ELIMINATED.plusMonths(3), monitoring(MonitoringStatus.MONITORED));
      engine.send(ELIMINATED.plusMonths(4), new EventData.BusinessFailed(money("3000")));
      assertThat(engine.alerts(Rule.RELAPSE_AFTER_ELIMINATION)).as("monitored again").isEmpty();

      String again =
          engine.send(ELIMINATED.plusMonths(11), monitoring(MonitoringStatus.RISK_ELIMINATED));
      engine.send(
          ELIMINATED.plusMonths(12),
          new EventData.DisasterReported(org.shouwang.events.DisasterKind.FLOOD, money("8000")));
      assertThat(engine.alerts(Rule.RELAPSE_AFTER_ELIMINATION))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).endsWith(again);
                assertThat(a.riskType()).isEqualTo(RiskType.DISASTER);
              });
    }
  }

  @Test
  void aHouseholdNeverEliminatedHasNoRelapse() {
    try (Engine engine = new Engine()) {
      engine.register(ELIMINATED.minusYears(1));
      engine.send(ELIMINATED, new EventData.HousingAssessed(HousingGrade.D));
      assertThat(engine.alerts(Rule.RELAPSE_AFTER_ELIMINATION)).isEmpty();
    }
  }
}
