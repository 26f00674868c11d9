package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.shouwang.events.EventData;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * LOW_INCOME (below the year's monitoring line) and INCOME_DROP (a fall of at least a share of the
 * previous assessment); an assessment also re-evaluates the medical burden's income share.
 */
final class IncomeRules {

  private final HealthRules health;
  private final BigDecimal dropRatio;
  private final NavigableMap<Integer, Long> lineCents = new TreeMap<>();

  IncomeRules(RiskEngineProperties.Rules rules, HealthRules health) {
    this.health = health;
    this.dropRatio = rules.income().dropRatio();
    for (Map.Entry<Integer, BigDecimal> line : rules.monitoringLine().entrySet()) {
      lineCents.put(line.getKey(), Money.cents(line.getValue()));
    }
  }

  void assessed(RuleContext context, EventData.IncomeAssessed event) {
    HouseholdState state = context.state;
    long current = Money.cents(event.netIncomePerCapita());
    if (state.incomeCents != HouseholdState.UNKNOWN) {
      state.previousIncomeYear = state.incomeYear;
      state.previousIncomeCents = state.incomeCents;
    }
    state.incomeYear = event.year();
    state.incomeCents = current;

    long line = lineCents(event.year());
    if (current < line) {
      context
          .alert(Rule.LOW_INCOME, Severity.HIGH)
          .raise(AlertTexts.lowIncome(event.year(), current, line));
    } else {
      state.clear(Rule.LOW_INCOME, NONE);
    }

    long previous = state.previousIncomeCents;
    if (previous != HouseholdState.UNKNOWN
        && previous > 0
        && BigDecimal.valueOf(previous - current)
                .compareTo(BigDecimal.valueOf(previous).multiply(dropRatio))
            >= 0) {
      long percentDown = Math.round((previous - current) * 100.0 / previous);
      context
          .alert(Rule.INCOME_DROP, Severity.MEDIUM)
          .raise(AlertTexts.incomeDrop(previous, current, percentDown, dropRatio));
    } else {
      state.clear(Rule.INCOME_DROP, NONE);
    }
    health.medicalBurden(context);
  }

  /** The monitoring line of a year in fen: the latest year listed up to it, else the earliest. */
  long lineCents(int year) {
    Map.Entry<Integer, Long> line = lineCents.floorEntry(year);
    return line != null ? line.getValue() : lineCents.firstEntry().getValue();
  }
}
