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
    double benignIncomeFactor) {

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
        Double.parseDouble(BENIGN_INCOME_FACTOR));
  }

  /** The absolute medical threshold for a household. */
  public BigDecimal medical(boolean formerlyPoor) {
    return formerlyPoor ? medicalFormerlyPoor : medicalOthers;
  }
}
