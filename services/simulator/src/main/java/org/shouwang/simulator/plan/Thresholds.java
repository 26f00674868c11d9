package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import org.shouwang.events.RuleThresholds;

/**
 * The rule thresholds (CONTRACT.md, defaults from DOMAIN.md, held once in {@link RuleThresholds})
 * that background life stays below and scenarios clearly cross, plus the simulator's own margin.
 *
 * @param medicalFormerlyPoor out-of-pocket over 12 months, formerly poor households
 * @param medicalOthers out-of-pocket over 12 months, other households
 * @param medicalIncomeShare out-of-pocket as a share of household income
 * @param schoolingPerYear self-paid schooling in a school year
 * @param waterInterruptionDays interruption days a year
 * @param incomeDropShare fall from the previous assessment
 * @param paymentGraceDays days of the next month by which a month's payment is due
 * @param measureDays days a monitored household with labourers may go without a measure
 * @param eliminationMonths months of monitoring before risk may be eliminated
 * @param benignIncomeFactor background incomes stay at or above this multiple of the line
 * @param incomeDropLineMargin an income drop is a risk only when the income less the rigid expenses
 *     per person ends below this multiple of the line
 * @param unemploymentWaitMonths months without re-employment before the loss of every job is a
 *     labour loss
 * @param identificationDays days from the first signal by which the county decides (识别纳入)
 * @param publicityDays days publicity runs before a county decision
 * @param selfDeclarationVisitDays days from a self-declaration by which the household is visited
 * @param relapseMonths months after risk elimination in which a risk alert is a relapse
 */
public record Thresholds(
    BigDecimal medicalFormerlyPoor,
    BigDecimal medicalOthers,
    double medicalIncomeShare,
    BigDecimal schoolingPerYear,
    int waterInterruptionDays,
    double incomeDropShare,
    int paymentGraceDays,
    int measureDays,
    int eliminationMonths,
    double benignIncomeFactor,
    double incomeDropLineMargin,
    int unemploymentWaitMonths,
    int identificationDays,
    int publicityDays,
    int selfDeclarationVisitDays,
    int relapseMonths) {

  /** Background incomes stay at least this multiple of the line: the simulator's own margin. */
  public static final String BENIGN_INCOME_FACTOR = "1.3";

  public Thresholds {
    if (medicalFormerlyPoor == null || medicalFormerlyPoor.signum() <= 0) {
      throw new IllegalArgumentException("medicalFormerlyPoor must be > 0");
    }
    if (medicalOthers == null || medicalOthers.signum() <= 0) {
      throw new IllegalArgumentException("medicalOthers must be > 0");
    }
    if (schoolingPerYear == null || schoolingPerYear.signum() <= 0) {
      throw new IllegalArgumentException("schoolingPerYear must be > 0");
    }
    if (medicalIncomeShare <= 0 || medicalIncomeShare > 1 || incomeDropShare <= 0) {
      throw new IllegalArgumentException("shares must be in (0, 1]");
    }
    if (paymentGraceDays < 1 || paymentGraceDays > 27 || measureDays < 1 || eliminationMonths < 1) {
      throw new IllegalArgumentException("day and month limits must be positive (grace ≤ 27)");
    }
    if (waterInterruptionDays < 1 || benignIncomeFactor < 1) {
      throw new IllegalArgumentException("waterInterruptionDays ≥ 1, benignIncomeFactor ≥ 1");
    }
    if (incomeDropLineMargin < 1 || unemploymentWaitMonths < 1 || relapseMonths < 1) {
      throw new IllegalArgumentException(
          "incomeDropLineMargin ≥ 1, unemploymentWaitMonths and relapseMonths ≥ 1");
    }
    if (identificationDays < 1 || publicityDays < 1 || selfDeclarationVisitDays < 1) {
      throw new IllegalArgumentException(
          "identificationDays, publicityDays and selfDeclarationVisitDays must be ≥ 1");
    }
  }

  /**
   * The thresholds of the rules before ADR 0005, with the identification and elimination limits at
   * their {@link RuleThresholds} defaults.
   */
  public Thresholds(
      BigDecimal medicalFormerlyPoor,
      BigDecimal medicalOthers,
      double medicalIncomeShare,
      BigDecimal schoolingPerYear,
      int waterInterruptionDays,
      double incomeDropShare,
      int paymentGraceDays,
      int measureDays,
      int eliminationMonths,
      double benignIncomeFactor) {
    this(
        medicalFormerlyPoor,
        medicalOthers,
        medicalIncomeShare,
        schoolingPerYear,
        waterInterruptionDays,
        incomeDropShare,
        paymentGraceDays,
        measureDays,
        eliminationMonths,
        benignIncomeFactor,
        RuleThresholds.defaults().incomeDropLineMargin(),
        RuleThresholds.defaults().unemploymentWaitMonths(),
        RuleThresholds.defaults().identificationDays(),
        RuleThresholds.defaults().publicityDays(),
        RuleThresholds.defaults().selfDeclarationVisitDays(),
        RuleThresholds.defaults().relapseMonths());
  }

  /** The contract's thresholds as the engine reads them ({@link RuleThresholds}), one source. */
  public static Thresholds defaults() {
    RuleThresholds rules = RuleThresholds.defaults();
    return new Thresholds(
        rules.medicalFormerlyPoor(),
        rules.medicalOthers(),
        rules.medicalIncomeShare(),
        rules.schoolingPerYear(),
        rules.waterInterruptionDays(),
        rules.incomeDropShare(),
        rules.paymentGraceDays(),
        rules.measureDays(),
        rules.eliminationMonths(),
        Double.parseDouble(BENIGN_INCOME_FACTOR),
        rules.incomeDropLineMargin(),
        rules.unemploymentWaitMonths(),
        rules.identificationDays(),
        rules.publicityDays(),
        rules.selfDeclarationVisitDays(),
        rules.relapseMonths());
  }

  /** The absolute medical threshold for a household. */
  public BigDecimal medical(boolean formerlyPoor) {
    return formerlyPoor ? medicalFormerlyPoor : medicalOthers;
  }

  /**
   * The absolute medical threshold for a household: the lower one for formerly poor households and
   * for every household being monitored (risk not eliminated).
   */
  public BigDecimal medical(boolean formerlyPoor, boolean monitored) {
    return medical(formerlyPoor || monitored);
  }
}
