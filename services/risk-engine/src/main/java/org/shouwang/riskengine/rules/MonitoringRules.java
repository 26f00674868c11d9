package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.EventData;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * The monitoring of a household: when it began and whether a measure followed (NO_MEASURE fires
 * from {@link AbsenceRules}), and PREMATURE_ELIMINATION when risk is marked eliminated too soon or
 * with income still below the line.
 */
final class MonitoringRules {

  private final IncomeRules income;
  private final RuleCalendar calendar;
  private final int minMonitoredMonths;

  MonitoringRules(RiskEngineProperties.Rules rules, IncomeRules income, RuleCalendar calendar) {
    this.income = income;
    this.calendar = calendar;
    this.minMonitoredMonths = rules.monitoring().minMonitoredMonths();
  }

  void statusChanged(RuleContext context, EventData.MonitoringStatusChanged event) {
    HouseholdState state = context.state;
    state.category = event.category();
    if (event.status() == MonitoringStatus.MONITORED) {
      if (state.monitoring != MonitoringStatus.MONITORED) {
        state.monitoring = MonitoringStatus.MONITORED;
        state.monitoredSinceMillis = context.millis;
        state.measureSinceMonitored = false;
        state.monitoringEventId = context.eventId;
        state.clear(Rule.PREMATURE_ELIMINATION, NONE);
        state.clear(Rule.NO_MEASURE, NONE);
      }
      return;
    }
    List<String> reasons = new ArrayList<>(2);
    if (state.monitoring == MonitoringStatus.MONITORED) {
      LocalDate since = calendar.date(state.monitoredSinceMillis);
      LocalDate earliest = since.plusMonths(minMonitoredMonths);
      if (context.date().isBefore(earliest)) {
        long days = context.day - since.toEpochDay();
        reasons.add(AlertTexts.monitoredTooShortly(days, minMonitoredMonths));
      }
    }
    if (state.incomeCents != HouseholdState.UNKNOWN) {
      long line = income.lineCents(state.incomeYear);
      if (state.incomeCents < line) {
        reasons.add(AlertTexts.stillBelowLine(state.incomeYear, state.incomeCents, line));
      }
    }
    if (!reasons.isEmpty()) {
      context
          .alert(Rule.PREMATURE_ELIMINATION, Severity.HIGH)
          .evidence(context.eventId, state.monitoringEventId)
          .raise(AlertTexts.prematureElimination(reasons));
    }
    state.monitoring = MonitoringStatus.RISK_ELIMINATED;
    state.clear(Rule.NO_MEASURE, NONE);
  }

  void assistanceRecorded(RuleContext context) {
    context.state.measureSinceMonitored = true;
    context.state.clear(Rule.NO_MEASURE, NONE);
  }
}
