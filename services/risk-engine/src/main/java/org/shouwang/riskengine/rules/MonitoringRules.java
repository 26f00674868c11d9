package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * The monitoring of a household: when it began and which measures followed (NO_MEASURE fires from
 * {@link AbsenceRules}), and PREMATURE_ELIMINATION when risk is marked eliminated too soon, with
 * income still below the line or not shown stable, with a basic guarantee still failing, with
 * nobody able to work and no welfare, or as assisted without a measure.
 */
final class MonitoringRules {

  /** The conditions that must be resolved before risk may be eliminated (三保障 and water). */
  private static final Rule[] GUARANTEES = {
    Rule.UNSAFE_HOUSING, Rule.UNSAFE_WATER, Rule.SCHOOL_DROPOUT, Rule.UNINSURED
  };

  private final IncomeRules income;
  private final RuleCalendar calendar;
  private final int minMonitoredMonths;

  MonitoringRules(RiskEngineProperties.Rules rules, IncomeRules income, RuleCalendar calendar) {
    this.income = income;
    this.calendar = calendar;
    this.minMonitoredMonths = rules.monitoring().minMonitoredMonths();
  }

  void statusChanged(RuleContext context, EventData.MonitoringStatusChanged event) {
    context.state.category = event.category();
    if (event.status() == MonitoringStatus.MONITORED) {
      monitored(context, event.category());
    } else {
      eliminated(context, event.eliminationType());
    }
  }

  /** The household is monitored (or stays so): a new monitoring period if it was not. */
  void monitored(RuleContext context, MonitoringCategory category) {
    HouseholdState state = context.state;
    if (category != null) {
      state.category = category;
    }
    IdentificationRules.stopClock(state);
    if (state.monitoring != MonitoringStatus.MONITORED) {
      state.monitoring = MonitoringStatus.MONITORED;
      state.monitoredSinceMillis = context.millis;
      state.measureSinceMonitored = false;
      state.developmentalMeasure = false;
      state.welfareMeasure = false;
      state.monitoringEventId = context.eventId;
      state.eliminatedMillis = 0;
      state.eliminationEventId = null;
      state.clear(Rule.PREMATURE_ELIMINATION, NONE);
      state.clear(Rule.NO_MEASURE, NONE);
      state.clear(Rule.RELAPSE_AFTER_ELIMINATION, NONE);
    }
  }

  /** Risk is marked eliminated; PREMATURE_ELIMINATION names every reason it should not be. */
  void eliminated(RuleContext context, EliminationType type) {
    HouseholdState state = context.state;
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
    if (state.previousIncomeCents == HouseholdState.UNKNOWN) {
      // the state keeps the latest two assessments: no previous one means fewer than two
      reasons.add(
          AlertTexts.tooFewAssessments(state.incomeCents == HouseholdState.UNKNOWN ? 0 : 1));
    }
    List<Rule> unresolved = null;
    for (Rule guarantee : GUARANTEES) {
      for (HouseholdState.Condition condition : state.conditions) {
        if (condition.rule == guarantee) {
          if (unresolved == null) {
            unresolved = new ArrayList<>(2);
          }
          unresolved.add(guarantee);
          break;
        }
      }
    }
    if (unresolved != null) {
      reasons.add(AlertTexts.guaranteesUnresolved(unresolved));
    }
    if (state.labourers <= 0 && !state.welfareGranted()) {
      reasons.add(AlertTexts.NO_LABOURER_NO_WELFARE);
    }
    if (type == EliminationType.ASSISTED && !state.measureSinceMonitored) {
      reasons.add(AlertTexts.ASSISTED_WITHOUT_MEASURE);
    }
    if (!reasons.isEmpty()) {
      context
          .alert(Rule.PREMATURE_ELIMINATION, Severity.HIGH)
          .evidence(context.eventId, state.monitoringEventId)
          .raise(AlertTexts.prematureElimination(reasons));
    }
    state.monitoring = MonitoringStatus.RISK_ELIMINATED;
    state.eliminatedMillis = context.millis;
    state.eliminationEventId = context.eventId;
    state.clear(Rule.NO_MEASURE, NONE);
    state.clear(Rule.RELAPSE_AFTER_ELIMINATION, NONE);
  }

  void assistanceRecorded(RuleContext context, EventData.AssistanceRecorded event) {
    HouseholdState state = context.state;
    state.measureSinceMonitored = true;
    if (event.measure().developmental()) {
      state.developmentalMeasure = true;
    }
    if (event.measure() == AssistanceMeasure.WELFARE) {
      state.welfareMeasure = true;
    }
    if (fitting(state)) {
      state.clear(Rule.NO_MEASURE, NONE);
    }
  }

  /**
   * Whether this monitoring period has a measure that fits the household: a developmental one
   * (industry, employment, public-welfare job) when it has labourers; 兜底 welfare (低保 or 特困 granted,
   * or a welfare measure) when it has none.
   */
  static boolean fitting(HouseholdState state) {
    return state.labourers > 0
        ? state.developmentalMeasure
        : state.welfareMeasure || state.welfareGranted();
  }
}
