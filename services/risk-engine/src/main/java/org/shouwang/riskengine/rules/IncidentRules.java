package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import org.shouwang.events.EventData;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * Sudden incidents: DISASTER_LOSS and BUSINESS_FAILURE (one condition per incident window), an
 * accident that takes a labourer (LABOUR_LOSS) and LOAN_OVERDUE (escalating from MEDIUM to HIGH).
 */
final class IncidentRules {

  private final LabourRules labour;
  private final long disasterMinCents;
  private final long businessMinCents;
  private final int windowDays;
  private final int loanMediumDays;
  private final int loanHighDays;

  IncidentRules(RiskEngineProperties.Rules rules, LabourRules labour) {
    this.labour = labour;
    this.disasterMinCents = Money.cents(rules.incident().disasterMinLoss());
    this.businessMinCents = Money.cents(rules.incident().businessMinLoss());
    this.windowDays = (int) rules.incident().window().toDays();
    this.loanMediumDays = rules.loan().mediumDays();
    this.loanHighDays = rules.loan().highDays();
  }

  /** Closes incidents older than the window, so a new one raises again; before every record. */
  void expire(HouseholdState state, int today) {
    state.conditions.removeIf(
        condition ->
            (condition.rule == Rule.DISASTER_LOSS || condition.rule == Rule.BUSINESS_FAILURE)
                && today - condition.sinceDay >= windowDays);
  }

  void disaster(RuleContext context, EventData.DisasterReported event) {
    long loss = Money.cents(event.loss());
    if (loss >= disasterMinCents) {
      context
          .alert(Rule.DISASTER_LOSS, Severity.HIGH)
          .key(event.kind().name())
          .riskType(RiskType.DISASTER)
          .raise(AlertTexts.disasterLoss(event.kind(), loss));
    }
  }

  void accident(RuleContext context, EventData.AccidentReported event) {
    if (event.labourLost()) {
      labour.loseLabourer(
          context,
          event.memberId(),
          RiskType.ACCIDENT,
          AlertTexts.accidentTookLabourer(event.memberId(), Money.cents(event.loss())));
    }
  }

  void business(RuleContext context, EventData.BusinessFailed event) {
    long loss = Money.cents(event.loss());
    if (loss >= businessMinCents) {
      context
          .alert(Rule.BUSINESS_FAILURE, Severity.MEDIUM)
          .key(NONE)
          .riskType(RiskType.BUSINESS_FAILURE)
          .raise(AlertTexts.businessFailure(loss));
    }
  }

  void loan(RuleContext context, EventData.LoanStatusChanged event) {
    boolean overdue = event.status() == LoanStatus.OVERDUE;
    int level =
        !overdue
            ? 0
            : event.daysOverdue() >= loanHighDays
                ? 2
                : event.daysOverdue() >= loanMediumDays ? 1 : 0;
    if (level == 0) {
      if (!overdue) {
        context.state.clear(Rule.LOAN_OVERDUE, event.loanId());
      }
      return;
    }
    int threshold = level == 2 ? loanHighDays : loanMediumDays;
    context
        .alert(Rule.LOAN_OVERDUE, level == 2 ? Severity.HIGH : Severity.MEDIUM)
        .key(event.loanId())
        .riskType(RiskType.BUSINESS_FAILURE)
        .escalatingTo(level)
        .raise(
            AlertTexts.loanOverdue(Money.cents(event.principal()), event.daysOverdue(), threshold));
  }
}
