package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.Procedure.approved;
import static org.shouwang.riskengine.rules.Procedure.elimination;
import static org.shouwang.riskengine.rules.Procedure.tick;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.employment;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.grant;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.money;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shouwang.events.Alert;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.SchoolLeavingReason;
import org.shouwang.riskengine.streams.Engine;

/**
 * The rules ADR 0005 made aware of a household's monitoring status and of what fits it:
 * MEDICAL_BURDEN, LOW_INCOME, INCOME_DROP, PREMATURE_ELIMINATION, NO_MEASURE, LABOUR_LOSS and
 * SCHOOL_DROPOUT.
 */
class StatusAwareRuleTests {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-06-01T09:00:00+08:00");

  // ---------------------------------------------------------------- MEDICAL_BURDEN

  @Test
  void aMonitoredHouseholdHasTheLowerMedicalThresholdEvenIfNeverPoor() {
    try (Engine engine = new Engine()) {
      engine.register(Engine.HOUSEHOLD, T.minusYears(1), false, 4, 2);
      engine.send(T.minusDays(10), monitoring(MonitoringStatus.MONITORED));
      engine.send(T, new EventData.MedicalExpense("m2", money("5000"), true));
      assertThat(engine.alerts(Rule.MEDICAL_BURDEN))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("近12个月合规自付医疗费用 5,000 元，超过预警线 5,000 元");
    }
  }

  @Test
  void aHouseholdNeverPoorAndNotMonitoredKeepsTheHigherMedicalThreshold() {
    try (Engine engine = new Engine()) {
      engine.register(Engine.HOUSEHOLD, T.minusYears(1), false, 4, 2);
      engine.send(T, new EventData.MedicalExpense("m2", money("19999.99"), true));
      assertThat(engine.alerts(Rule.MEDICAL_BURDEN)).isEmpty();
    }
  }

  // ---------------------------------------------------------------- LOW_INCOME

  @Test
  void lowIncomeOnAMonitoredHouseholdRaisesNothingButIsKeptAsEvidence() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(8), monitoring(MonitoringStatus.MONITORED));
      engine.send(
          T.minusMonths(7), new EventData.AssistanceRecorded(AssistanceMeasure.INDUSTRY, null));
      engine.send(T.minusMonths(7), new EventData.IncomeAssessed(2025, money("8000")));
      engine.send(T.minusDays(3), new EventData.IncomeAssessed(2026, money("8500")));
      assertThat(engine.alerts(Rule.LOW_INCOME)).isEmpty();

      engine.send(T, monitoring(MonitoringStatus.RISK_ELIMINATED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("风险消除不符合条件：2026 年家庭人均纯收入 8,500 元仍低于监测线 9,000 元");

      // no longer monitored: a low income is an alert again
      engine.send(T.plusMonths(2), new EventData.IncomeAssessed(2026, money("8600")));
      assertThat(engine.alerts(Rule.LOW_INCOME)).hasSize(1);
    }
  }

  // ---------------------------------------------------------------- INCOME_DROP

  @Test
  void aDropThatLeavesIncomeWellAboveTheLineIsNoRisk() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(6), new EventData.IncomeAssessed(2025, money("20000")));
      // 30 % down, but 14,000 ≥ 1.5 × 9,000
      engine.send(T, new EventData.IncomeAssessed(2026, money("14000")));
      assertThat(engine.alerts(Rule.INCOME_DROP)).isEmpty();
    }
  }

  @Test
  void aDropIsARiskWhenTheRigidExpensesOfTheSameYearBringItUnderTheMargin() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(2)); // 4 members
      engine.send(T.minusMonths(6), new EventData.IncomeAssessed(2025, money("20000")));
      // older than 12 months: not counted
      engine.send(T.minusDays(400), new EventData.MedicalExpense("m2", money("40000"), true));
      engine.send(T.minusMonths(3), new EventData.MedicalExpense("m2", money("1200"), false));
      engine.send(T.minusMonths(2), new EventData.SchoolingCost("m3", money("800")));
      engine.send(T, new EventData.IncomeAssessed(2026, money("14000")));
      // (1,200 + 800) / 4 = 500 a person: 13,500 is not under 13,500
      assertThat(engine.alerts(Rule.INCOME_DROP)).isEmpty();

      engine.send(T.plusDays(1), new EventData.IncomeAssessed(2026, money("20000")));
      engine.send(T.plusDays(2), new EventData.MedicalExpense("m2", money("0.04"), false));
      engine.send(T.plusDays(3), new EventData.IncomeAssessed(2026, money("14000")));
      assertThat(engine.alerts(Rule.INCOME_DROP))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo(
              "家庭人均纯收入由 20,000 元降至 14,000 元，下降 30%，达到预警幅度 30%；"
                  + "扣除近12个月人均刚性支出（医疗、教育自付） 500.01 元后为 13,499.99 元，低于监测线 9,000 元的 1.5 倍");
    }
  }

  // ---------------------------------------------------------------- PREMATURE_ELIMINATION

  /** A household eliminated rightly: 7 months monitored, income above the line twice, a measure. */
  private static void wellPrepared(Engine engine, int labourers) {
    engine.register(Engine.HOUSEHOLD, T.minusYears(1), true, 4, labourers);
    engine.send(T.minusMonths(7), monitoring(MonitoringStatus.MONITORED));
    engine.send(
        T.minusMonths(6), new EventData.AssistanceRecorded(AssistanceMeasure.INDUSTRY, null));
    engine.send(T.minusMonths(6), new EventData.IncomeAssessed(2025, money("10000")));
    engine.send(T.minusMonths(1), new EventData.IncomeAssessed(2026, money("11000")));
    engine.send(T.minusDays(8), elimination(ProcedureStep.PUBLICITY_STARTED));
  }

  @Test
  void anEliminationThatMeetsEveryConditionIsInOrder() {
    try (Engine engine = new Engine()) {
      wellPrepared(engine, 2);
      engine.send(T, approved(EliminationType.ASSISTED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION)).isEmpty();
    }
  }

  @Test
  void anEliminationWithOpenGuaranteesIsPremature() {
    try (Engine engine = new Engine()) {
      wellPrepared(engine, 2);
      engine.send(T.minusDays(5), new EventData.HousingAssessed(HousingGrade.C));
      engine.send(T.minusDays(5), new EventData.MedicalInsuranceChanged("m4", false));
      String decision = engine.send(T, approved(EliminationType.ASSISTED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).first().isEqualTo(decision);
                assertThat(a.message()).isEqualTo("风险消除不符合条件：仍有未解决的问题：住房安全无保障、未参加基本医疗保险");
              });
    }
  }

  @Test
  void anEliminationOfAHouseholdWithNobodyAbleToWorkNeedsWelfareInstead() {
    try (Engine engine = new Engine()) {
      wellPrepared(engine, 0);
      engine.send(T, approved(EliminationType.ASSISTED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("风险消除不符合条件：家庭无劳动力且未纳入低保或特困供养兜底保障，应兜底保障而非标注风险消除");
    }
    try (Engine engine = new Engine()) {
      wellPrepared(engine, 0);
      engine.send(T.minusMonths(3), grant(Programme.EXTREME_POVERTY_SUPPORT, "468"));
      engine.send(T, approved(EliminationType.ASSISTED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION)).as("covered by 特困").isEmpty();
    }
  }

  @Test
  void anAssistedEliminationWithoutAMeasureThisPeriodIsPremature() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(20), monitoring(MonitoringStatus.MONITORED));
      engine.send(
          T.minusMonths(19), new EventData.AssistanceRecorded(AssistanceMeasure.INDUSTRY, null));
      engine.send(T.minusMonths(12), monitoring(MonitoringStatus.RISK_ELIMINATED));
      // a new monitoring period: the measure of the last one does not count
      engine.send(T.minusMonths(7), monitoring(MonitoringStatus.MONITORED));
      engine.send(T.minusMonths(6), new EventData.IncomeAssessed(2025, money("10000")));
      engine.send(T.minusMonths(1), new EventData.IncomeAssessed(2026, money("11000")));
      engine.alerts();
      engine.send(T, approved(EliminationType.ASSISTED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("风险消除不符合条件：标注为帮扶消除，但本监测期内未记录任何帮扶措施");
    }
  }

  @Test
  void anEliminationOnOneIncomeAssessmentIsPrematureAndEveryReasonIsListed() {
    try (Engine engine = new Engine()) {
      engine.register(Engine.HOUSEHOLD, T.minusYears(1), true, 3, 0);
      engine.send(T.minusMonths(2), monitoring(MonitoringStatus.MONITORED));
      engine.send(T.minusMonths(1), new EventData.IncomeAssessed(2026, money("8000")));
      engine.send(T.minusDays(20), new EventData.WaterAssessed(false, 0));
      engine.send(T.minusDays(20), new EventData.SchoolEnrolmentChanged("m3", 13, false));
      engine.send(T, approved(EliminationType.ASSISTED));
      assertThat(engine.alerts(Rule.PREMATURE_ELIMINATION))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo(
              "风险消除不符合条件：纳入监测仅 61 天即标注风险消除，不足 6 个月；"
                  + "2026 年家庭人均纯收入 8,000 元仍低于监测线 9,000 元；"
                  + "仅有 1 次收入评估，不足 2 次，无法证明收入稳定超过监测线；"
                  + "仍有未解决的问题：饮水安全无保障、义务教育阶段辍学；"
                  + "家庭无劳动力且未纳入低保或特困供养兜底保障，应兜底保障而非标注风险消除；"
                  + "标注为帮扶消除，但本监测期内未记录任何帮扶措施");
    }
  }

  // ---------------------------------------------------------------- NO_MEASURE

  @Test
  void aHouseholdWithLabourersNeedsADevelopmentalMeasure() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T, monitoring(MonitoringStatus.MONITORED));
      engine.send(T.plusDays(3), new EventData.AssistanceRecorded(AssistanceMeasure.HEALTH, null));
      tick(engine, T.plusDays(31));
      assertThat(engine.alerts(Rule.NO_MEASURE))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("纳入监测已满 30 天（自 2026-06-01 起），家庭有劳动力 2 人，尚未落实产业、就业或公益性岗位等开发式帮扶措施");
    }
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T, monitoring(MonitoringStatus.MONITORED));
      engine.send(
          T.plusDays(3),
          new EventData.AssistanceRecorded(AssistanceMeasure.PUBLIC_WELFARE_JOB, null));
      tick(engine, T.plusDays(31));
      assertThat(engine.alerts(Rule.NO_MEASURE)).isEmpty();
    }
  }

  @Test
  void aHouseholdWithoutLabourersNeedsWelfare() {
    try (Engine engine = new Engine()) {
      engine.register(Engine.HOUSEHOLD, T.minusYears(1), true, 2, 0);
      engine.send(T, monitoring(MonitoringStatus.MONITORED));
      engine.send(
          T.plusDays(3), new EventData.AssistanceRecorded(AssistanceMeasure.INDUSTRY, null));
      tick(engine, T.plusDays(31));
      assertThat(engine.alerts(Rule.NO_MEASURE))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("纳入监测已满 30 天（自 2026-06-01 起），家庭无劳动力，尚未纳入低保、特困供养或落实兜底保障措施");
    }
    try (Engine engine = new Engine()) {
      engine.register(Engine.HOUSEHOLD, T.minusYears(1), true, 2, 0);
      engine.send(T, monitoring(MonitoringStatus.MONITORED));
      engine.send(T.plusDays(3), new EventData.AssistanceRecorded(AssistanceMeasure.WELFARE, null));
      tick(engine, T.plusDays(31));
      assertThat(engine.alerts(Rule.NO_MEASURE)).isEmpty();
    }
  }

  // ---------------------------------------------------------------- LABOUR_LOSS

  @Test
  void theLastJobLostIsALabourLossOnlyAfterThreeMonthsWithoutWork() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(6), employment("m1", true));
      String lost = engine.send(T, employment("m1", false));
      tick(engine, T.plusMonths(3).minusSeconds(1));
      assertThat(engine.alerts(Rule.LABOUR_LOSS)).isEmpty();

      tick(engine, T.plusMonths(3));
      assertThat(engine.alerts(Rule.LABOUR_LOSS))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.detectedAt()).isEqualTo(T.plusMonths(3));
                assertThat(a.evidence()).containsExactly(lost);
                assertThat(a.riskType()).isEqualTo(RiskType.EMPLOYMENT);
                assertThat(a.message())
                    .isEqualTo("家庭最后一名就业成员于 2026-06-01 失去工作，3 个月来家庭 2 名劳动力均未再就业");
              });
    }
  }

  @Test
  void aJobFoundWithinThreeMonthsIsNoLabourLoss() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(6), employment("m1", true));
      engine.send(T, employment("m1", false));
      engine.send(T.plusMonths(2), employment("m2", true));
      tick(engine, T.plusMonths(5));
      assertThat(engine.alerts(Rule.LABOUR_LOSS)).isEmpty();
    }
  }

  @Test
  void theDeathOfTheLastLabourerIsALabourLossAtOnce() {
    try (Engine engine = new Engine()) {
      engine.register(Engine.HOUSEHOLD, T.minusYears(1), true, 3, 1);
      engine.send(T, new EventData.MembersChanged(2, 0, MemberChangeReason.DEATH));
      assertThat(engine.alerts(Rule.LABOUR_LOSS))
          .singleElement()
          .extracting(Alert::detectedAt)
          .isEqualTo(T);
    }
  }

  // ---------------------------------------------------------------- SCHOOL_DROPOUT

  @ParameterizedTest
  @EnumSource(SchoolLeavingReason.class)
  void aChildLeavingSchoolIsADropoutUnlessItFinishedOrMoved(SchoolLeavingReason reason) {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T, new EventData.SchoolEnrolmentChanged("m4", 16, false, reason));
      List<Alert> dropouts = engine.alerts(Rule.SCHOOL_DROPOUT);
      boolean dropout =
          reason != SchoolLeavingReason.EDUCATION_COMPLETED
              && reason != SchoolLeavingReason.TRANSFERRED;
      assertThat(dropouts).hasSize(dropout ? 1 : 0);
    }
  }
}
