package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.Procedure.admitted;
import static org.shouwang.riskengine.rules.Procedure.identification;
import static org.shouwang.riskengine.rules.Procedure.refused;
import static org.shouwang.riskengine.rules.Procedure.selfDeclared;
import static org.shouwang.riskengine.rules.Procedure.tick;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.money;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.Audience;
import org.shouwang.events.EventData;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.streams.Engine;

/**
 * IDENTIFICATION_OVERDUE: a household not monitored whose first signal (a self-declaration, a home
 * visit, a risk alert) has no county decision 15 days later.
 */
class IdentificationOverdueTests {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");

  @Test
  void aHouseholdDeclaredVisitedReviewedPublicisedForFiveDaysAndAdmittedRaisesNoOverdue() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, selfDeclared());
      engine.send(T.plusDays(2), identification(ProcedureStep.HOME_VISIT));
      engine.send(T.plusDays(3), identification(ProcedureStep.VILLAGE_REVIEW));
      engine.send(T.plusDays(4), identification(ProcedureStep.PUBLICITY_STARTED));
      engine.send(T.plusDays(9), identification(ProcedureStep.TOWNSHIP_REVIEW));
      String decision = engine.send(T.plusDays(9).plusHours(2), admitted());
      tick(engine, T.plusDays(60));

      List<Alert> alerts = engine.alerts();
      assertThat(alerts)
          .extracting(Alert::rule)
          .doesNotContain(
              Rule.IDENTIFICATION_OVERDUE,
              Rule.PUBLICITY_TOO_SHORT,
              Rule.SELF_DECLARATION_UNANSWERED);
      // the admission had the effect of MONITORED: no measure 30 days after it
      assertThat(alerts)
          .filteredOn(a -> a.rule() == Rule.NO_MEASURE)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).containsExactly(decision);
                assertThat(a.detectedAt()).isEqualTo(T.plusDays(39).plusHours(2));
              });
    }
  }

  @Test
  void aHouseholdStuckForFifteenDaysRaisesExactlyOneOverdueThatALaterDecisionClears() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      String declaration = engine.send(T, selfDeclared());
      engine.send(T.plusDays(1), identification(ProcedureStep.HOME_VISIT));
      engine.send(T.plusDays(3), identification(ProcedureStep.VILLAGE_REVIEW));

      tick(engine, T.plusDays(15).minusSeconds(1));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE)).as("day 14").isEmpty();

      tick(engine, T.plusDays(15));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.audience()).isEqualTo(Audience.CADRE);
                assertThat(a.severity()).isEqualTo(Severity.HIGH);
                assertThat(a.cadreId()).isEqualTo(Engine.CADRE);
                assertThat(a.detectedAt()).isEqualTo(T.plusDays(15));
                assertThat(a.evidence()).containsExactly(declaration);
                assertThat(a.message()).isEqualTo("自 2026-03-02 农户自主申报起已满 15 天，尚未完成识别纳入（县级确认）");
              });

      tick(engine, T.plusDays(40));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE)).as("one per clock").isEmpty();

      engine.send(T.plusDays(41), identification(ProcedureStep.PUBLICITY_STARTED));
      engine.send(T.plusDays(47), refused());
      // cleared: the next signal starts a new clock, which fires again
      String again = engine.send(T.plusDays(50), identification(ProcedureStep.HOME_VISIT));
      tick(engine, T.plusDays(65));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).containsExactly(again);
                assertThat(a.detectedAt()).isEqualTo(T.plusDays(65));
              });
    }
  }

  @Test
  void aRiskAlertOnAHouseholdNotMonitoredStartsTheClock() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      String expense = engine.send(T, new EventData.MedicalExpense("m2", money("25000"), true));
      tick(engine, T.plusDays(16));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).containsExactly(expense);
                assertThat(a.message()).contains("出现风险预警“医疗支出负担重”");
              });
    }
  }

  @Test
  void aMonitoringStatusChangedMonitoredStopsTheClockLikeAnAdmission() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, new EventData.MedicalExpense("m2", money("25000"), true));
      engine.send(T.plusDays(10), monitoring(MonitoringStatus.MONITORED));
      tick(engine, T.plusDays(30));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE)).isEmpty();
    }
  }

  @Test
  void aMonitoredHouseholdHasNoClockAndItsHomeVisitsAreNoIdentification() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T.minusDays(1), monitoring(MonitoringStatus.MONITORED));
      engine.send(T, new EventData.MedicalExpense("m2", money("25000"), true));
      engine.send(T.plusDays(1), identification(ProcedureStep.HOME_VISIT));
      engine.send(T.plusDays(2), selfDeclared());
      tick(engine, T.plusDays(30));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE)).isEmpty();
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED)).isEmpty();
    }
  }

  @Test
  void aHouseholdWhoseRiskWasEliminatedIsIdentifiedAgain() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(9), monitoring(MonitoringStatus.MONITORED));
      engine.send(T.minusMonths(1), monitoring(MonitoringStatus.RISK_ELIMINATED));
      String visit = engine.send(T, identification(ProcedureStep.HOME_VISIT));
      tick(engine, T.plusDays(15));
      assertThat(engine.alerts(Rule.IDENTIFICATION_OVERDUE))
          .singleElement()
          .satisfies(a -> assertThat(a.evidence()).containsExactly(visit));
    }
  }
}
