package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.util.List;
import org.shouwang.events.EventData;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * Identification (识别纳入) and the procedure of risk elimination (风险消除), ADR 0005: the 15-day clock of
 * a household not monitored (IDENTIFICATION_OVERDUE fires from {@link AbsenceRules}), a
 * self-declaration waiting for its home visit (SELF_DECLARATION_UNANSWERED, also from there),
 * PUBLICITY_TOO_SHORT at each county decision and RELAPSE_AFTER_ELIMINATION beside a risk alert
 * soon after risk elimination. A county decision has the effect of the monitoring status it decides
 * ({@link MonitoringRules}).
 */
final class IdentificationRules {

  /** What started a household's identification clock: a self-declaration. */
  static final int SIGNAL_DECLARED = 1;

  /** A home visit (a case verified by its cadre). */
  static final int SIGNAL_HOME_VISIT = 2;

  /** A risk-signal alert: this plus its rule's ordinal. */
  static final int SIGNAL_ALERT = 3;

  private final MonitoringRules monitoring;
  private final RuleCalendar calendar;
  private final int publicityDays;
  private final int relapseMonths;

  IdentificationRules(
      RiskEngineProperties.Rules rules, MonitoringRules monitoring, RuleCalendar calendar) {
    this.monitoring = monitoring;
    this.calendar = calendar;
    this.publicityDays = rules.identification().publicityDays();
    this.relapseMonths = rules.monitoring().relapseMonths();
  }

  /** 农户自主申报: starts the clock and waits for a home visit, unless already monitored. */
  void selfDeclared(RuleContext context) {
    HouseholdState state = context.state;
    if (state.monitored()) {
      return; // the household is in monitoring already: nothing to identify
    }
    startClock(context, SIGNAL_DECLARED, context.eventId);
    if (state.declaredMillis == 0) {
      state.declaredMillis = context.millis;
      state.declarationEventId = context.eventId;
    }
  }

  void identificationStep(RuleContext context, EventData.IdentificationStep event) {
    HouseholdState state = context.state;
    switch (event.step()) {
      case HOME_VISIT -> {
        if (state.monitored()) {
          return; // ADR 0005: a home visit on a monitored household is no identification
        }
        startClock(context, SIGNAL_HOME_VISIT, context.eventId);
        answerDeclaration(state);
      }
      case PUBLICITY_STARTED -> {
        state.identificationPublicityMillis = context.millis;
        state.identificationPublicityEventId = context.eventId;
      }
      case COUNTY_DECISION -> {
        publicity(
            context,
            AlertTexts.IDENTIFICATION,
            state.identificationPublicityMillis,
            state.identificationPublicityEventId);
        state.identificationPublicityMillis = 0;
        state.identificationPublicityEventId = null;
        stopClock(state);
        if (Boolean.TRUE.equals(event.admitted())) {
          monitoring.monitored(context, event.category());
        }
      }
      case VILLAGE_REVIEW, TOWNSHIP_REVIEW -> {}
    }
  }

  void eliminationStep(RuleContext context, EventData.EliminationStep event) {
    HouseholdState state = context.state;
    switch (event.step()) {
      case PUBLICITY_STARTED -> {
        state.eliminationPublicityMillis = context.millis;
        state.eliminationPublicityEventId = context.eventId;
      }
      case COUNTY_DECISION -> {
        publicity(
            context,
            AlertTexts.ELIMINATION,
            state.eliminationPublicityMillis,
            state.eliminationPublicityEventId);
        state.eliminationPublicityMillis = 0;
        state.eliminationPublicityEventId = null;
        if (Boolean.TRUE.equals(event.approved())) {
          monitoring.eliminated(context, event.eliminationType());
        }
      }
      case HOME_VISIT, VILLAGE_REVIEW, TOWNSHIP_REVIEW -> {}
    }
  }

  /** PUBLICITY_TOO_SHORT: a county decision with no publicity, or fewer days after it than due. */
  private void publicity(
      RuleContext context, String procedure, long publicityMillis, String publicityEventId) {
    if (publicityDays <= 0) {
      return;
    }
    if (publicityMillis == 0) {
      context
          .alert(Rule.PUBLICITY_TOO_SHORT, Severity.HIGH)
          .finding()
          .evidence(context.eventId)
          .raise(AlertTexts.noPublicity(procedure, context.date(), publicityDays));
      return;
    }
    int days = context.day - calendar.epochDay(publicityMillis);
    if (days < publicityDays) {
      context
          .alert(Rule.PUBLICITY_TOO_SHORT, Severity.HIGH)
          .finding()
          .evidence(context.eventId, publicityEventId)
          .raise(
              AlertTexts.publicityTooShort(
                  procedure, calendar.date(publicityMillis), context.date(), days, publicityDays));
    }
  }

  /**
   * A risk-signal alert was raised: on a household not monitored it starts the identification
   * clock, and within the relapse months after risk elimination it raises RELAPSE_AFTER_ELIMINATION
   * beside it.
   */
  void signalRaised(RuleContext context, Rule signal, RiskType riskType, List<String> evidence) {
    HouseholdState state = context.state;
    if (state.monitored()) {
      return;
    }
    startClock(
        context, SIGNAL_ALERT + signal.ordinal(), evidence.isEmpty() ? null : evidence.get(0));
    if (state.monitoring != MonitoringStatus.RISK_ELIMINATED || state.eliminatedMillis == 0) {
      return;
    }
    if (context.millis >= calendar.plusMonths(state.eliminatedMillis, relapseMonths)) {
      // long enough ago: no relapse any more, and the state need not keep it
      state.eliminatedMillis = 0;
      state.eliminationEventId = null;
      return;
    }
    long eliminatedDay = calendar.epochDay(state.eliminatedMillis);
    context
        .alert(Rule.RELAPSE_AFTER_ELIMINATION, Severity.HIGH)
        .riskType(riskType)
        .evidence(evidence, state.eliminationEventId)
        .raise(
            AlertTexts.relapse(
                calendar.date(state.eliminatedMillis),
                context.day - eliminatedDay,
                relapseMonths,
                signal));
  }

  /** Starts the clock of a household not monitored, unless one runs already. */
  private static void startClock(RuleContext context, int signal, String eventId) {
    HouseholdState state = context.state;
    if (state.identificationSinceMillis != 0 || state.monitored()) {
      return;
    }
    state.identificationSinceMillis = context.millis;
    state.identificationSignal = signal;
    state.identificationEventId = eventId;
  }

  /** The county decided (or the household is monitored): the clock and its alert end. */
  static void stopClock(HouseholdState state) {
    state.identificationSinceMillis = 0;
    state.identificationSignal = 0;
    state.identificationEventId = null;
    state.clear(Rule.IDENTIFICATION_OVERDUE, NONE);
    answerDeclaration(state);
  }

  private static void answerDeclaration(HouseholdState state) {
    state.declaredMillis = 0;
    state.declarationEventId = null;
    state.clear(Rule.SELF_DECLARATION_UNANSWERED, NONE);
  }
}
