package org.shouwang.events;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule thresholds of CONTRACT.md (defaults from DOMAIN.md) that more than one service needs:
 * the risk engine fires at them, the simulator keeps background life below them and makes scenarios
 * cross them. One place for their defaults, so the two cannot drift apart. The defaults are also
 * constants as text, for settings' default annotations ({@code @DefaultValue}) that must be
 * compile-time constants.
 *
 * @param monitoringLines per-capita yearly income line per assessment year (yuan)
 * @param medicalFormerlyPoor out-of-pocket medical costs over 12 months, formerly poor households
 *     (yuan)
 * @param medicalOthers the same for every other household (yuan)
 * @param medicalIncomeShare out-of-pocket medical costs as a share of household income
 * @param schoolingPerYear self-paid schooling in a school year (yuan)
 * @param waterInterruptionDays interruption days a year above which water is unsafe
 * @param incomeDropShare fall of income from the previous assessment
 * @param loanOverdueDays days overdue from which a microcredit loan raises an alert
 * @param loanSeverelyOverdueDays days overdue from which the alert escalates
 * @param paymentGraceDays days of the next month by which a month's payment is due
 * @param measureDays days a monitored household with labourers may go without a measure
 * @param eliminationMonths months of monitoring before risk may be eliminated
 * @param minCompulsorySchoolAge youngest age of compulsory schooling
 * @param maxCompulsorySchoolAge oldest age of compulsory schooling
 * @param severeDisabilityMaxGrade a certified disability of this grade or worse takes a labourer
 * @param incomeDropLineMargin an income drop is a risk only when the income, less the rigid
 *     expenses of the same 12 months per person, ends below this multiple of the line
 * @param unemploymentWaitMonths months without re-employment before the loss of every job is a
 *     labour loss (a death or disability is immediate)
 * @param identificationDays days from the first signal by which the county decides (识别纳入)
 * @param publicityDays days publicity must run before the county decides
 * @param selfDeclarationVisitDays days from a self-declaration by which the household is visited
 * @param relapseMonths months after risk elimination in which a risk alert is a relapse
 */
public record RuleThresholds(
    Map<Integer, BigDecimal> monitoringLines,
    BigDecimal medicalFormerlyPoor,
    BigDecimal medicalOthers,
    double medicalIncomeShare,
    BigDecimal schoolingPerYear,
    int waterInterruptionDays,
    double incomeDropShare,
    int loanOverdueDays,
    int loanSeverelyOverdueDays,
    int paymentGraceDays,
    int measureDays,
    int eliminationMonths,
    int minCompulsorySchoolAge,
    int maxCompulsorySchoolAge,
    int severeDisabilityMaxGrade,
    double incomeDropLineMargin,
    int unemploymentWaitMonths,
    int identificationDays,
    int publicityDays,
    int selfDeclarationVisitDays,
    int relapseMonths) {

  public static final String MEDICAL_FORMERLY_POOR = "5000";
  public static final String MEDICAL_OTHERS = "20000";
  public static final String MEDICAL_INCOME_SHARE = "0.40";
  public static final String SCHOOLING_PER_YEAR = "10000";
  public static final String WATER_INTERRUPTION_DAYS = "36";
  public static final String INCOME_DROP_SHARE = "0.30";
  public static final String LOAN_OVERDUE_DAYS = "30";
  public static final String LOAN_SEVERELY_OVERDUE_DAYS = "90";
  public static final String PAYMENT_GRACE_DAYS = "10";
  public static final String MEASURE_DAYS = "30";
  public static final String ELIMINATION_MONTHS = "6";
  public static final String MIN_COMPULSORY_SCHOOL_AGE = "6";
  public static final String MAX_COMPULSORY_SCHOOL_AGE = "16";
  public static final String SEVERE_DISABILITY_MAX_GRADE = "2";
  public static final String INCOME_DROP_LINE_MARGIN = "1.5";
  public static final String UNEMPLOYMENT_WAIT_MONTHS = "3";
  public static final String IDENTIFICATION_DAYS = "15";
  public static final String PUBLICITY_DAYS = "5";
  public static final String SELF_DECLARATION_VISIT_DAYS = "7";
  public static final String RELAPSE_MONTHS = "12";

  /** DOMAIN.md's monitoring lines (yuan per person per year). */
  public static final Map<Integer, BigDecimal> MONITORING_LINES =
      Map.of(
          2021, new BigDecimal("6000"),
          2022, new BigDecimal("6500"),
          2023, new BigDecimal("7100"),
          2024, new BigDecimal("7700"),
          2025, new BigDecimal("8300"),
          2026, new BigDecimal("9000"));

  public RuleThresholds {
    if (monitoringLines == null || monitoringLines.isEmpty()) {
      throw new IllegalArgumentException("monitoringLines must list at least one year");
    }
    monitoringLines = Map.copyOf(new TreeMap<>(monitoringLines));
    if (medicalFormerlyPoor == null || medicalFormerlyPoor.signum() <= 0) {
      throw new IllegalArgumentException("medicalFormerlyPoor must be > 0");
    }
    if (medicalOthers == null || medicalOthers.signum() <= 0) {
      throw new IllegalArgumentException("medicalOthers must be > 0");
    }
    if (schoolingPerYear == null || schoolingPerYear.signum() <= 0) {
      throw new IllegalArgumentException("schoolingPerYear must be > 0");
    }
    if (medicalIncomeShare <= 0 || incomeDropShare <= 0 || incomeDropShare > 1) {
      throw new IllegalArgumentException("shares must be > 0 (a drop at most 1)");
    }
    if (loanOverdueDays < 1 || loanSeverelyOverdueDays < loanOverdueDays) {
      throw new IllegalArgumentException("loan days: 1 ≤ overdue ≤ severely overdue");
    }
    if (paymentGraceDays < 0 || paymentGraceDays > 27 || measureDays < 1 || eliminationMonths < 0) {
      throw new IllegalArgumentException("day and month limits out of range (grace ≤ 27)");
    }
    if (waterInterruptionDays < 0 || minCompulsorySchoolAge > maxCompulsorySchoolAge) {
      throw new IllegalArgumentException("waterInterruptionDays ≥ 0, school ages in order");
    }
    if (severeDisabilityMaxGrade < 1 || severeDisabilityMaxGrade > 4) {
      throw new IllegalArgumentException("severeDisabilityMaxGrade in 1..4");
    }
    if (incomeDropLineMargin < 1 || unemploymentWaitMonths < 0 || relapseMonths < 0) {
      throw new IllegalArgumentException(
          "incomeDropLineMargin ≥ 1, unemploymentWaitMonths and relapseMonths ≥ 0");
    }
    if (identificationDays < 1 || publicityDays < 0 || selfDeclarationVisitDays < 1) {
      throw new IllegalArgumentException(
          "identificationDays and selfDeclarationVisitDays ≥ 1, publicityDays ≥ 0");
    }
  }

  public static RuleThresholds defaults() {
    return new RuleThresholds(
        MONITORING_LINES,
        new BigDecimal(MEDICAL_FORMERLY_POOR),
        new BigDecimal(MEDICAL_OTHERS),
        Double.parseDouble(MEDICAL_INCOME_SHARE),
        new BigDecimal(SCHOOLING_PER_YEAR),
        Integer.parseInt(WATER_INTERRUPTION_DAYS),
        Double.parseDouble(INCOME_DROP_SHARE),
        Integer.parseInt(LOAN_OVERDUE_DAYS),
        Integer.parseInt(LOAN_SEVERELY_OVERDUE_DAYS),
        Integer.parseInt(PAYMENT_GRACE_DAYS),
        Integer.parseInt(MEASURE_DAYS),
        Integer.parseInt(ELIMINATION_MONTHS),
        Integer.parseInt(MIN_COMPULSORY_SCHOOL_AGE),
        Integer.parseInt(MAX_COMPULSORY_SCHOOL_AGE),
        Integer.parseInt(SEVERE_DISABILITY_MAX_GRADE),
        Double.parseDouble(INCOME_DROP_LINE_MARGIN),
        Integer.parseInt(UNEMPLOYMENT_WAIT_MONTHS),
        Integer.parseInt(IDENTIFICATION_DAYS),
        Integer.parseInt(PUBLICITY_DAYS),
        Integer.parseInt(SELF_DECLARATION_VISIT_DAYS),
        Integer.parseInt(RELAPSE_MONTHS));
  }

  /**
   * The absolute medical threshold for a household: the lower one for a formerly poor household and
   * for every household being monitored (risk not eliminated), the higher one for the others.
   */
  public BigDecimal medical(boolean formerlyPoor, boolean monitored) {
    return medical(formerlyPoor || monitored);
  }

  /** The absolute medical threshold for a household. */
  public BigDecimal medical(boolean formerlyPoor) {
    return formerlyPoor ? medicalFormerlyPoor : medicalOthers;
  }
}
