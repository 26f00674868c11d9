package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shouwang.events.Alert;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.DisasterKind;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.riskengine.streams.Engine;

/**
 * Each rule over the life of its condition: it fires when the condition opens, not again while it
 * stays, and again once it has cleared and come back.
 */
public class RuleLifecycleTests {

  /** A step of a case: what to send at a time. */
  interface Step {
    void run(Engine engine, OffsetDateTime at);
  }

  static final Step NOTHING = (e, at) -> {};

  static Stream<Arguments> rules() {
    return Stream.of(
        lifecycle(
            Rule.LOW_INCOME,
            (e, at) -> e.send(at, new EventData.IncomeAssessed(2026, money("8999.99"))),
            (e, at) -> e.send(at, new EventData.IncomeAssessed(2026, money("9000")))),
        Arguments.argumentSet(
            "INCOME_DROP",
            Rule.INCOME_DROP,
            (Step)
                (e, at) -> {
                  e.register(at);
                  e.send(at, new EventData.IncomeAssessed(2026, money("20000")));
                },
            // 35 % down, and under 1.5 times the 2026 line (13,500)
            (Step) (e, at) -> e.send(at, new EventData.IncomeAssessed(2026, money("13000"))),
            (Step) (e, at) -> e.send(at, new EventData.IncomeAssessed(2026, money("20000")))),
        lifecycle(
            Rule.MEDICAL_BURDEN,
            (e, at) -> e.send(at, new EventData.MedicalExpense("m2", money("5000"), true)),
            // costs older than 12 months leave the window
            (e, at) -> e.send(at, new EventData.MedicalExpense("m2", money("0.01"), false))),
        lifecycle(
            Rule.SCHOOLING_BURDEN,
            (e, at) -> e.send(at, new EventData.SchoolingCost("m3", money("10000.01"))),
            // a new school year starts from zero
            (e, at) -> e.send(at, new EventData.SchoolingCost("m3", money("1")))),
        lifecycle(
            Rule.SCHOOL_DROPOUT,
            (e, at) -> e.send(at, new EventData.SchoolEnrolmentChanged("m4", 14, false)),
            (e, at) -> e.send(at, new EventData.SchoolEnrolmentChanged("m4", 14, true))),
        lifecycle(
            Rule.UNSAFE_HOUSING,
            (e, at) -> e.send(at, new EventData.HousingAssessed(HousingGrade.C)),
            (e, at) -> e.send(at, new EventData.HousingAssessed(HousingGrade.B))),
        lifecycle(
            Rule.UNSAFE_WATER,
            (e, at) -> e.send(at, new EventData.WaterAssessed(true, 37)),
            (e, at) -> e.send(at, new EventData.WaterAssessed(true, 36))),
        lifecycle(
            Rule.UNINSURED,
            (e, at) -> e.send(at, new EventData.MedicalInsuranceChanged("m2", false)),
            (e, at) -> e.send(at, new EventData.MedicalInsuranceChanged("m2", true))),
        lifecycle(
            Rule.DISASTER_LOSS,
            (e, at) ->
                e.send(at, new EventData.DisasterReported(DisasterKind.FLOOD, money("0.01"))),
            // the same disaster reported again within the incident window is the same condition
            NOTHING),
        lifecycle(
            Rule.BUSINESS_FAILURE,
            (e, at) -> e.send(at, new EventData.BusinessFailed(money("22000"))),
            NOTHING),
        Arguments.argumentSet(
            "LABOUR_LOSS (the last labourer lost in an accident)",
            Rule.LABOUR_LOSS,
            (Step) (e, at) -> e.register(Engine.HOUSEHOLD, at, true, 3, 1),
            (Step)
                (e, at) -> e.send(at, new EventData.AccidentReported("m1", money("15000"), true)),
            (Step)
                (e, at) ->
                    e.send(at, new EventData.MembersChanged(3, 1, MemberChangeReason.OTHER))),
        Arguments.argumentSet(
            "LABOUR_LOSS (no labourer employed again 3 months after the last job was lost)",
            Rule.LABOUR_LOSS,
            (Step)
                (e, at) -> {
                  e.register(at);
                  e.send(at, employment("m1", true));
                },
            (Step)
                (e, at) -> {
                  e.send(at, employment("m1", false));
                  tick(e, at.plusMonths(3));
                },
            (Step) (e, at) -> e.send(at, employment("m1", true))),
        lifecycle(
            Rule.LOAN_OVERDUE,
            (e, at) ->
                e.send(
                    at,
                    new EventData.LoanStatusChanged("L-1", money("50000"), LoanStatus.OVERDUE, 30)),
            (e, at) ->
                e.send(
                    at,
                    new EventData.LoanStatusChanged("L-1", money("50000"), LoanStatus.CURRENT, 0))),
        Arguments.argumentSet(
            "PAYMENT_SHORTFALL",
            Rule.PAYMENT_SHORTFALL,
            (Step)
                (e, at) -> {
                  e.register(at);
                  e.send(at, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
                },
            (Step) (e, at) -> e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, period(at), "719.99", at),
            (Step) (e, at) -> e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, period(at), "720", at)),
        Arguments.argumentSet(
            "CONFLICTING_BENEFITS",
            Rule.CONFLICTING_BENEFITS,
            (Step)
                (e, at) -> {
                  e.register(at);
                  e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, "2025-01", "720", at);
                },
            (Step) (e, at) -> e.pay(Programme.EXTREME_POVERTY_SUPPORT, "2025-01", "468", at),
            (Step)
                (e, at) ->
                    e.send(
                        at,
                        new EventData.EntitlementChanged(
                            Programme.EXTREME_POVERTY_SUPPORT, false, null))),
        lifecycle(
            Rule.PAYMENT_TO_INACTIVE,
            (e, at) -> {
              e.send(at, new EventData.HouseholdStatusChanged(HouseholdStatus.DECEASED));
              e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, period(at), "720", at);
            },
            (e, at) -> e.send(at, new EventData.HouseholdStatusChanged(HouseholdStatus.ACTIVE))),
        Arguments.argumentSet(
            "PREMATURE_ELIMINATION",
            Rule.PREMATURE_ELIMINATION,
            (Step)
                (e, at) -> {
                  e.register(at);
                  e.send(at, monitoring(MonitoringStatus.MONITORED));
                  e.send(at, new EventData.AssistanceRecorded(AssistanceMeasure.INDUSTRY, null));
                },
            (Step) (e, at) -> e.send(at, monitoring(MonitoringStatus.RISK_ELIMINATED)),
            // monitored again: a new monitoring period
            (Step) (e, at) -> e.send(at, monitoring(MonitoringStatus.MONITORED))));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void firesOnceWhileTheConditionStaysAndAgainAfterItClears(
      Rule rule, Step setup, Step trigger, Step clear) {
    OffsetDateTime t0 = OffsetDateTime.parse("2025-01-10T10:00:00+08:00");
    try (Engine engine = new Engine()) {
      setup.run(engine, t0);
      engine.alerts();

      trigger.run(engine, t0.plusDays(1));
      List<Alert> first = engine.alerts(rule);
      assertThat(first).as("fires when the condition opens").hasSize(1);

      trigger.run(engine, t0.plusDays(2));
      assertThat(engine.alerts(rule)).as("does not fire again while it stays").isEmpty();

      clear.run(engine, t0.plusDays(400));
      assertThat(engine.alerts(rule)).as("clearing raises nothing").isEmpty();

      trigger.run(engine, t0.plusDays(401));
      List<Alert> again = engine.alerts(rule);
      assertThat(again).as("fires again once it cleared and came back").hasSize(1);
      assertThat(again.get(0).alertId()).isNotEqualTo(first.get(0).alertId());
    }
  }

  private static Arguments lifecycle(Rule rule, Step trigger, Step clear) {
    return Arguments.argumentSet(
        rule.name(), rule, (Step) (e, at) -> e.register(at), trigger, clear);
  }

  /** Moves the engine's event time on with another household's event. */
  static void tick(Engine engine, OffsetDateTime at) {
    engine.send("430421-106-09999", at, new EventData.HousingAssessed(HousingGrade.A));
  }

  public static EventData.MonitoringStatusChanged monitoring(MonitoringStatus status) {
    return new EventData.MonitoringStatusChanged(status, MonitoringCategory.MARGINAL, null);
  }

  public static BigDecimal money(String yuan) {
    return new BigDecimal(yuan);
  }

  static EventData.EmploymentChanged employment(String member, boolean employed) {
    return new EventData.EmploymentChanged(member, employed, EmploymentKind.MIGRANT, null);
  }

  public static EventData.EntitlementChanged grant(Programme programme, String monthly) {
    return new EventData.EntitlementChanged(programme, true, money(monthly));
  }

  static String period(OffsetDateTime at) {
    return at.getYear() + "-" + String.format("%02d", at.getMonthValue());
  }
}
