package org.shouwang.riskengine.rules;

import java.time.LocalDate;
import org.shouwang.events.EventData;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.SchoolLeavingReason;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * SCHOOLING_BURDEN (a school year's self-paid costs above a threshold) and SCHOOL_DROPOUT (a child
 * of compulsory-schooling age not enrolled).
 */
final class SchoolingRules {

  private final long thresholdCents;
  private final int schoolYearStartMonth;
  private final int minCompulsoryAge;
  private final int maxCompulsoryAge;

  SchoolingRules(RiskEngineProperties.Rules rules) {
    this.thresholdCents = Money.cents(rules.schooling().threshold());
    this.schoolYearStartMonth = rules.schooling().schoolYearStartMonth();
    this.minCompulsoryAge = rules.schooling().minCompulsoryAge();
    this.maxCompulsoryAge = rules.schooling().maxCompulsoryAge();
  }

  void schoolingCost(RuleContext context, EventData.SchoolingCost event) {
    HouseholdState state = context.state;
    int year = schoolYear(context.date());
    if (year < state.schoolYear) {
      return; // a late cost of a school year already closed
    }
    if (year > state.schoolYear) {
      state.schoolYear = year;
      state.schoolCents = 0;
      state.clearAll(Rule.SCHOOLING_BURDEN);
    }
    state.schoolCents += Money.cents(event.selfPaid());
    if (state.schoolCents > thresholdCents) {
      context
          .alert(Rule.SCHOOLING_BURDEN, Severity.MEDIUM)
          .key(Integer.toString(year))
          .riskType(RiskType.EDUCATION)
          .raise(AlertTexts.schoolingBurden(year, state.schoolCents, thresholdCents));
    }
  }

  /** The school year (its starting year) a day falls in. */
  int schoolYear(LocalDate date) {
    return date.getMonthValue() >= schoolYearStartMonth ? date.getYear() : date.getYear() - 1;
  }

  /**
   * Self-paid schooling of the 12 months up to {@code date}, as far as the state knows it: the
   * state keeps the latest school year's total, counted when that is the school year of the date or
   * the one before.
   */
  long paidWithinYear(HouseholdState state, LocalDate date) {
    return state.schoolYear != 0 && state.schoolYear >= schoolYear(date) - 1
        ? state.schoolCents
        : 0;
  }

  void enrolment(RuleContext context, EventData.SchoolEnrolmentChanged event) {
    boolean compulsoryAge = event.age() >= minCompulsoryAge && event.age() <= maxCompulsoryAge;
    // a member who finished junior middle school, or moved to another school, did not drop out
    boolean leftRightly =
        event.reason() == SchoolLeavingReason.EDUCATION_COMPLETED
            || event.reason() == SchoolLeavingReason.TRANSFERRED;
    if (compulsoryAge && !event.enrolled() && !leftRightly) {
      context
          .alert(Rule.SCHOOL_DROPOUT, Severity.CRITICAL)
          .key(event.memberId())
          .riskType(RiskType.EDUCATION)
          .raise(AlertTexts.schoolDropout(event.memberId(), event.age()));
    } else {
      context.state.clear(Rule.SCHOOL_DROPOUT, event.memberId());
    }
  }
}
