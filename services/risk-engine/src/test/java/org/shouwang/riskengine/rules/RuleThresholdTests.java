package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.grant;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.money;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.monitoring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shouwang.events.Alert;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.DisasterKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;
import org.shouwang.riskengine.streams.Engine;

/**
 * Every threshold: a rule fires at its threshold (with the severity the contract asks for) and not
 * just below it. All cases share one engine, each on its own household.
 */
class RuleThresholdTests {

  /** What a case sends for its household. */
  interface Steps {
    void run(Engine engine, String household, OffsetDateTime at);
  }

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");
  private static Engine engine;
  private static int households;

  @BeforeAll
  static void start() {
    engine = new Engine();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static Stream<Arguments> thresholds() {
    return Stream.of(
        threshold(
            "LOW_INCOME 2023 at 7,099.99 (line 7,100)",
            Rule.LOW_INCOME,
            Severity.HIGH,
            income(2023, "7099.99")),
        threshold("LOW_INCOME 2023 at 7,100", Rule.LOW_INCOME, null, income(2023, "7100")),
        threshold(
            "LOW_INCOME 2021 at 5,999.99 (line 6,000)",
            Rule.LOW_INCOME,
            Severity.HIGH,
            income(2021, "5999.99")),
        threshold(
            "LOW_INCOME 2026 at 8,999.99 (line 9,000)",
            Rule.LOW_INCOME,
            Severity.HIGH,
            income(2026, "8999.99")),
        threshold("LOW_INCOME 2026 at 9,000", Rule.LOW_INCOME, null, income(2026, "9000")),
        threshold(
            "INCOME_DROP 10,000 to 7,000 (30 %)", Rule.INCOME_DROP, Severity.MEDIUM, drop("7000")),
        threshold("INCOME_DROP 10,000 to 7,000.01", Rule.INCOME_DROP, null, drop("7000.01")),
        threshold(
            "MEDICAL_BURDEN formerly poor 5,000",
            Rule.MEDICAL_BURDEN,
            Severity.HIGH,
            medical(true, "5000")),
        threshold(
            "MEDICAL_BURDEN formerly poor 4,999.99",
            Rule.MEDICAL_BURDEN,
            null,
            medical(true, "4999.99")),
        threshold(
            "MEDICAL_BURDEN others 20,000",
            Rule.MEDICAL_BURDEN,
            Severity.HIGH,
            medical(false, "20000")),
        threshold(
            "MEDICAL_BURDEN others 19,999.99",
            Rule.MEDICAL_BURDEN,
            null,
            medical(false, "19999.99")),
        threshold(
            "MEDICAL_BURDEN 40 % of a 40,000 household income",
            Rule.MEDICAL_BURDEN, Severity.HIGH, medicalShare("16000")),
        threshold(
            "MEDICAL_BURDEN 15,999.99 of a 40,000 household income",
            Rule.MEDICAL_BURDEN,
            null,
            medicalShare("15999.99")),
        threshold(
            "SCHOOLING_BURDEN 10,000.01",
            Rule.SCHOOLING_BURDEN,
            Severity.MEDIUM,
            schooling("10000.01")),
        threshold("SCHOOLING_BURDEN 10,000", Rule.SCHOOLING_BURDEN, null, schooling("10000")),
        threshold("SCHOOL_DROPOUT aged 6", Rule.SCHOOL_DROPOUT, Severity.CRITICAL, dropout(6)),
        threshold("SCHOOL_DROPOUT aged 16", Rule.SCHOOL_DROPOUT, Severity.CRITICAL, dropout(16)),
        threshold("SCHOOL_DROPOUT aged 5", Rule.SCHOOL_DROPOUT, null, dropout(5)),
        threshold("SCHOOL_DROPOUT aged 17", Rule.SCHOOL_DROPOUT, null, dropout(17)),
        threshold(
            "UNSAFE_HOUSING grade C", Rule.UNSAFE_HOUSING, Severity.HIGH, housing(HousingGrade.C)),
        threshold(
            "UNSAFE_HOUSING grade D",
            Rule.UNSAFE_HOUSING,
            Severity.CRITICAL,
            housing(HousingGrade.D)),
        threshold("UNSAFE_HOUSING grade B", Rule.UNSAFE_HOUSING, null, housing(HousingGrade.B)),
        threshold("UNSAFE_WATER 37 days cut", Rule.UNSAFE_WATER, Severity.HIGH, water(true, 37)),
        threshold("UNSAFE_WATER 36 days cut", Rule.UNSAFE_WATER, null, water(true, 36)),
        threshold("UNSAFE_WATER unsafe", Rule.UNSAFE_WATER, Severity.HIGH, water(false, 0)),
        threshold(
            "UNINSURED",
            Rule.UNINSURED,
            Severity.HIGH,
            send(new EventData.MedicalInsuranceChanged("m1", false))),
        threshold(
            "DISASTER_LOSS 0.01",
            Rule.DISASTER_LOSS,
            Severity.HIGH,
            send(new EventData.DisasterReported(DisasterKind.EARTHQUAKE, money("0.01")))),
        threshold(
            "DISASTER_LOSS without loss",
            Rule.DISASTER_LOSS,
            null,
            send(new EventData.DisasterReported(DisasterKind.FLOOD, BigDecimal.ZERO))),
        threshold(
            "BUSINESS_FAILURE 0.01",
            Rule.BUSINESS_FAILURE,
            Severity.MEDIUM,
            send(new EventData.BusinessFailed(money("0.01")))),
        threshold(
            "BUSINESS_FAILURE without loss",
            Rule.BUSINESS_FAILURE,
            null,
            send(new EventData.BusinessFailed(BigDecimal.ZERO))),
        threshold(
            "LABOUR_LOSS severe disability (grade 2) of the last labourer",
            Rule.LABOUR_LOSS,
            Severity.HIGH,
            disability(2)),
        threshold("LABOUR_LOSS mild disability (grade 3)", Rule.LABOUR_LOSS, null, disability(3)),
        threshold("LOAN_OVERDUE 30 days", Rule.LOAN_OVERDUE, Severity.MEDIUM, loan(30)),
        threshold("LOAN_OVERDUE 29 days", Rule.LOAN_OVERDUE, null, loan(29)),
        threshold("LOAN_OVERDUE 90 days", Rule.LOAN_OVERDUE, Severity.HIGH, loan(90)),
        threshold(
            "PAYMENT_SHORTFALL 719.99 of 720",
            Rule.PAYMENT_SHORTFALL,
            Severity.HIGH,
            shortfall("719.99")),
        threshold("PAYMENT_SHORTFALL 720 of 720", Rule.PAYMENT_SHORTFALL, null, shortfall("720")),
        threshold(
            "PREMATURE_ELIMINATION a day short of 6 months",
            Rule.PREMATURE_ELIMINATION,
            Severity.HIGH,
            eliminated(6, -1)),
        threshold(
            "PREMATURE_ELIMINATION after 6 months",
            Rule.PREMATURE_ELIMINATION,
            null,
            eliminated(6, 0)));
  }

  @ParameterizedTest
  @MethodSource("thresholds")
  void firesAtTheThresholdAndNotJustBelow(Rule rule, Severity expected, Steps steps) {
    String household = "430421-105-" + String.format("%05d", ++households);
    engine.register(household, AT.minusYears(1), true, 4, 1);
    steps.run(engine, household, AT);
    List<Alert> alerts =
        engine.alerts().stream()
            .filter(a -> a.rule() == rule && a.householdId().equals(household))
            .toList();
    if (expected == null) {
      assertThat(alerts).isEmpty();
    } else {
      assertThat(alerts).singleElement().extracting(Alert::severity).isEqualTo(expected);
    }
  }

  @Test
  void namesTheNumbersThatFiredItInTheMessage() {
    String household = "430421-105-99001";
    engine.register(household, AT.minusYears(1), true, 4, 1);
    medical(true, "8500").run(engine, household, AT);
    assertThat(engine.alerts(Rule.MEDICAL_BURDEN))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.message()).isEqualTo("近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元");
              assertThat(a.ruleVersion()).isEqualTo(Detector.RULE_VERSION);
              assertThat(a.townshipCode()).isEqualTo(Engine.TOWNSHIP);
              assertThat(a.villageCode()).isEqualTo(Engine.VILLAGE);
              assertThat(a.cadreId()).isEqualTo(Engine.CADRE);
              assertThat(a.evidence()).hasSize(1);
            });
  }

  @Test
  void usesTheMonitoringLineTableOfTheDeployment() {
    RiskEngineProperties.Rules defaults = RiskEngineProperties.Rules.defaults();
    RiskEngineProperties.Rules hunan =
        new RiskEngineProperties.Rules(
            Map.of(2026, new BigDecimal("9500")),
            defaults.income(),
            defaults.medical(),
            defaults.schooling(),
            defaults.water(),
            defaults.incident(),
            defaults.labour(),
            defaults.loan(),
            defaults.payment(),
            defaults.monitoring(),
            defaults.identification(),
            defaults.idempotencyWindow());
    try (Engine custom = new Engine(RiskEngineProperties.defaults().withRules(hunan))) {
      custom.register(AT.minusYears(1));
      custom.send(AT, new EventData.IncomeAssessed(2026, money("9200")));
      assertThat(custom.alerts(Rule.LOW_INCOME))
          .singleElement()
          .extracting(Alert::message)
          .isEqualTo("2026 年家庭人均纯收入 9,200 元，低于当年监测线 9,500 元");
    }
  }

  // ---------------------------------------------------------------- cases

  private static Arguments threshold(String name, Rule rule, Severity severity, Steps steps) {
    return Arguments.argumentSet(name, rule, severity, steps);
  }

  private static Steps send(EventData data) {
    return (e, h, at) -> e.send(h, at, data);
  }

  private static Steps income(int year, String perCapita) {
    return send(new EventData.IncomeAssessed(year, money(perCapita)));
  }

  private static Steps drop(String to) {
    return (e, h, at) -> {
      e.send(h, at.minusDays(200), new EventData.IncomeAssessed(2025, money("10000")));
      e.send(h, at, new EventData.IncomeAssessed(2026, money(to)));
    };
  }

  private static Steps medical(boolean formerlyPoor, String total) {
    return (e, h, at) -> {
      e.register(h, at.minusDays(1), formerlyPoor, 4, 1);
      e.send(h, at.minusDays(100), new EventData.MedicalExpense("m2", money("0.00"), false));
      e.send(h, at, new EventData.MedicalExpense("m2", money(total), true));
    };
  }

  private static Steps medicalShare(String total) {
    return (e, h, at) -> {
      e.register(h, at.minusDays(1), false, 4, 1);
      e.send(h, at.minusDays(1), new EventData.IncomeAssessed(2026, money("10000")));
      BigDecimal earlier = money("8000");
      e.send(h, at.minusDays(300), new EventData.MedicalExpense("m2", earlier, false));
      e.send(h, at, new EventData.MedicalExpense("m3", money(total).subtract(earlier), true));
    };
  }

  private static Steps schooling(String total) {
    return (e, h, at) -> {
      e.send(h, at.minusMonths(5), new EventData.SchoolingCost("m3", money("4000")));
      e.send(h, at, new EventData.SchoolingCost("m4", money(total).subtract(money("4000"))));
    };
  }

  private static Steps dropout(int age) {
    return send(new EventData.SchoolEnrolmentChanged("m4", age, false));
  }

  private static Steps housing(HousingGrade grade) {
    return send(new EventData.HousingAssessed(grade));
  }

  private static Steps water(boolean safe, int days) {
    return send(new EventData.WaterAssessed(safe, days));
  }

  private static Steps disability(int grade) {
    return send(new EventData.DisabilityCertified("m1", grade));
  }

  private static Steps loan(int days) {
    return send(new EventData.LoanStatusChanged("L-9", money("50000"), LoanStatus.OVERDUE, days));
  }

  private static Steps shortfall(String amount) {
    return (e, h, at) -> {
      e.send(h, at.minusMonths(2), grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
      e.pay(h, Programme.MINIMUM_LIVING_ALLOWANCE, "2026-03", amount, at);
    };
  }

  private static Steps eliminated(int months, int days) {
    return (e, h, at) -> {
      OffsetDateTime since = at.minusMonths(months).minusDays(days);
      e.send(h, since, monitoring(MonitoringStatus.MONITORED));
      e.send(h, since, new EventData.AssistanceRecorded(AssistanceMeasure.EMPLOYMENT, null));
      // income stably above the line: two assessments
      e.send(h, since.minusMonths(1), new EventData.IncomeAssessed(2025, money("11000")));
      e.send(h, since, new EventData.IncomeAssessed(2026, money("12000")));
      e.send(h, at, monitoring(MonitoringStatus.RISK_ELIMINATED));
    };
  }
}
