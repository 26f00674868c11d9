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
 * LOW_INCOME (below the year's monitoring line, on a household not monitored: a monitored one is
 * known to be at risk and its assessment is kept as evidence) and INCOME_DROP (a fall of at least a
 * share of the previous assessment that leaves the income, less the rigid expenses of the same 12
 * months, below a margin over the line); an assessment also re-evaluates the medical burden's
 * income share.
 */
final class IncomeRules {

  private final HealthRules health;
  private final SchoolingRules schooling;
  private final BigDecimal dropRatio;
  private final BigDecimal lineMargin;
  private final NavigableMap<Integer, Long> lineCents = new TreeMap<>();

  IncomeRules(RiskEngineProperties.Rules rules, HealthRules health, SchoolingRules schooling) {
    this.health = health;
    this.schooling = schooling;
    this.dropRatio = rules.income().dropRatio();
    this.lineMargin = rules.income().lineMargin();
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
    if (state.monitored()) {
      // no new alert: the household is monitored; the assessment stays in the state as evidence
      state.clear(Rule.LOW_INCOME, NONE);
    } else if (current < line) {
      context
          .alert(Rule.LOW_INCOME, Severity.HIGH)
          .raise(AlertTexts.lowIncome(event.year(), current, line));
    } else {
      state.clear(Rule.LOW_INCOME, NONE);
    }

    long previous = state.previousIncomeCents;
    boolean raised = false;
    if (previous != HouseholdState.UNKNOWN
        && previous > 0
        && BigDecimal.valueOf(previous - current)
                .compareTo(BigDecimal.valueOf(previous).multiply(dropRatio))
            >= 0) {
      // a drop is a risk only when what is left after the rigid expenses of the same 12 months
      // (medical out-of-pocket, self-paid schooling) is near the line
      long rigid =
          health.paidWithin(state, context.day) + schooling.paidWithinYear(state, context.date());
      int members = Math.max(1, state.members);
      BigDecimal left =
          BigDecimal.valueOf(current)
              .multiply(BigDecimal.valueOf(members))
              .subtract(BigDecimal.valueOf(rigid));
      BigDecimal limit =
          BigDecimal.valueOf(line).multiply(lineMargin).multiply(BigDecimal.valueOf(members));
      if (left.compareTo(limit) < 0) {
        long percentDown = Math.round((previous - current) * 100.0 / previous);
        long rigidPerPerson = Math.round((double) rigid / members);
        context
            .alert(Rule.INCOME_DROP, Severity.MEDIUM)
            .raise(
                AlertTexts.incomeDrop(
                    previous,
                    current,
                    percentDown,
                    dropRatio,
                    rigidPerPerson,
                    current - rigidPerPerson,
                    line,
                    lineMargin));
        raised = true;
      }
    }
    if (!raised) {
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
