package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.shouwang.events.EventData;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * MEDICAL_BURDEN: out-of-pocket costs over a rolling window above an absolute threshold (the lower
 * one for formerly poor households and for every household being monitored) or above a share of the
 * household's yearly income.
 */
final class HealthRules {

  private final long formerlyPoorThresholdCents;
  private final long othersThresholdCents;
  private final BigDecimal incomeShare;
  private final int windowDays;

  HealthRules(RiskEngineProperties.Rules rules) {
    this.formerlyPoorThresholdCents = Money.cents(rules.medical().formerlyPoorThreshold());
    this.othersThresholdCents = Money.cents(rules.medical().othersThreshold());
    this.incomeShare = rules.medical().incomeShare();
    this.windowDays = (int) rules.medical().window().toDays();
  }

  void medicalExpense(RuleContext context, EventData.MedicalExpense event) {
    context.state.medical.add(new long[] {context.day, Money.cents(event.outOfPocket())});
    medicalBurden(context);
  }

  /** Out-of-pocket costs inside the window that ends on {@code day}. */
  long paidWithin(HouseholdState state, int day) {
    long total = 0;
    for (long[] cost : state.medical) {
      if (cost[0] > day - windowDays) {
        total += cost[1];
      }
    }
    return total;
  }

  /** Evaluated on each cost and on each income assessment (the share depends on the income). */
  void medicalBurden(RuleContext context) {
    HouseholdState state = context.state;
    int newest = context.day;
    for (long[] cost : state.medical) {
      newest = (int) Math.max(newest, cost[0]);
    }
    int oldestKept = newest - windowDays;
    state.medical.removeIf(cost -> cost[0] <= oldestKept);
    long total = 0;
    for (long[] cost : state.medical) {
      total += cost[1];
    }
    long threshold =
        state.formerlyPoor || state.monitored() ? formerlyPoorThresholdCents : othersThresholdCents;
    long householdIncome =
        state.incomeCents == HouseholdState.UNKNOWN || state.members <= 0
            ? 0
            : state.incomeCents * state.members;
    long shareLimit =
        householdIncome <= 0
            ? Long.MAX_VALUE
            : BigDecimal.valueOf(householdIncome)
                .multiply(incomeShare)
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    if (total > 0 && total >= threshold) {
      context
          .alert(Rule.MEDICAL_BURDEN, Severity.HIGH)
          .riskType(RiskType.ILLNESS)
          .raise(AlertTexts.medicalOverThreshold(total, threshold));
    } else if (total > 0 && total >= shareLimit) {
      context
          .alert(Rule.MEDICAL_BURDEN, Severity.HIGH)
          .riskType(RiskType.ILLNESS)
          .raise(AlertTexts.medicalOverIncomeShare(total, householdIncome, incomeShare));
    } else {
      state.clear(Rule.MEDICAL_BURDEN, NONE);
    }
  }
}
