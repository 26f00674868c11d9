package org.shouwang.riskengine.rules;

import org.shouwang.events.EventData;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * LABOUR_LOSS: a household left without labourers (at once), or whose labourers all lost their work
 * and found none for the waiting months (the job loss is kept; {@link AbsenceRules} fires it).
 */
final class LabourRules {

  /** Condition key: the household has no labourer left. */
  static final String NO_LABOURER = "L";

  /** Condition key: none of the household's labourers is employed. */
  static final String NO_EMPLOYMENT = "E";

  private final int severeDisabilityMaxGrade;

  LabourRules(RiskEngineProperties.Rules rules) {
    this.severeDisabilityMaxGrade = rules.labour().severeDisabilityMaxGrade();
  }

  void membersChanged(RuleContext context, EventData.MembersChanged event) {
    HouseholdState state = context.state;
    int before = state.labourers;
    state.members = event.members();
    state.labourers = event.labourers();
    if (state.labourers > 0) {
      state.clear(Rule.LABOUR_LOSS, NO_LABOURER);
    } else if (before > 0 && state.members > 0) {
      context
          .alert(Rule.LABOUR_LOSS, Severity.HIGH)
          .key(NO_LABOURER)
          .riskType(RiskType.LABOUR_SHORTAGE)
          .raise(AlertTexts.labourersGone(before, event.reason()));
    }
  }

  void disability(RuleContext context, EventData.DisabilityCertified event) {
    if (event.grade() <= severeDisabilityMaxGrade) {
      loseLabourer(
          context,
          event.memberId(),
          RiskType.DISABILITY,
          AlertTexts.severelyDisabled(event.memberId(), event.grade()));
    }
  }

  void employment(RuleContext context, EventData.EmploymentChanged event) {
    HouseholdState state = context.state;
    if (event.employed()) {
      if (!state.employed.contains(event.memberId())) {
        state.employed.add(event.memberId());
      }
      state.clear(Rule.LABOUR_LOSS, NO_EMPLOYMENT);
      state.jobLossMillis = 0;
      state.jobLossEventId = null;
      return;
    }
    boolean hadWork = state.employed.remove(event.memberId());
    if (hadWork
        && state.employed.isEmpty()
        && state.labourers > 0
        && state.jobLossMillis == 0
        && !state.open(Rule.LABOUR_LOSS, NO_EMPLOYMENT)) {
      // 人社: a job loss is a risk once nobody has found work for the waiting months
      state.jobLossMillis = context.millis;
      state.jobLossEventId = context.eventId;
    }
  }

  /** A member can no longer work: the household's last labourer raises LABOUR_LOSS. */
  void loseLabourer(RuleContext context, String memberId, RiskType riskType, String message) {
    HouseholdState state = context.state;
    state.employed.remove(memberId);
    if (state.labourers <= 0) {
      return;
    }
    state.labourers--;
    if (state.labourers == 0) {
      context
          .alert(Rule.LABOUR_LOSS, Severity.HIGH)
          .key(NO_LABOURER)
          .riskType(riskType)
          .raise(message);
    }
  }
}
