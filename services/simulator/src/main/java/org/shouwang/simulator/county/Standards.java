package org.shouwang.simulator.county;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Local payment standards (DOMAIN.md and the seed), in yuan. The welfare standards change every
 * year, so they are tables by year.
 *
 * <p>Default tables, 2021–2026: the seed gives only Hengyang County's 2020 standards (低保 360 a
 * person a month; 特困 5,616 dispersed and 8,580 centralised a person a year) and no Hunan figure for
 * later years was found. The 低保 defaults are therefore plausible values, not published ones: the
 * seed's 360 raised about 6 % a year (385, 410, 435, 460, 485, 510 a month), in step with the
 * yearly rises of rural 低保 standards across China since 2021. 特困 dispersed support is 1.3 × the
 * year's 低保 standard × 12, the national floor for 特困 basic living standards (the seed's 5,616 is
 * exactly 1.3 × 360 × 12); centralised support keeps the seed's ratio to it (8,580 / 5,616).
 *
 * @param minimumLivingAllowanceMonthly 低保 standard a person a month, by year: a household gets the
 *     gap between it and its counted per-capita income, times its members
 * @param extremePovertyDispersedYearly 特困 dispersed support a person a year, by year
 * @param extremePovertyCentralisedYearly 特困 centralised support a person a year, by year
 * @param disabilityLivingMonthly 困难残疾人生活补贴 a month
 * @param disabilityCareMonthly 重度残疾人护理补贴 a month (grades 1–2)
 * @param publicWelfareJobMinMonthly public-welfare job pay, lowest
 * @param publicWelfareJobMaxMonthly public-welfare job pay, highest
 */
public record Standards(
    YearTable minimumLivingAllowanceMonthly,
    YearTable extremePovertyDispersedYearly,
    YearTable extremePovertyCentralisedYearly,
    BigDecimal disabilityLivingMonthly,
    BigDecimal disabilityCareMonthly,
    BigDecimal publicWelfareJobMinMonthly,
    BigDecimal publicWelfareJobMaxMonthly) {

  public Standards {
    CountyShape.require(
        minimumLivingAllowanceMonthly != null
            && extremePovertyDispersedYearly != null
            && extremePovertyCentralisedYearly != null,
        "the 低保 and 特困 tables are required");
    for (BigDecimal amount :
        new BigDecimal[] {
          disabilityLivingMonthly,
          disabilityCareMonthly,
          publicWelfareJobMinMonthly,
          publicWelfareJobMaxMonthly
        }) {
      CountyShape.require(amount != null && amount.signum() > 0, "standards must be > 0");
    }
    CountyShape.require(
        publicWelfareJobMinMonthly.compareTo(publicWelfareJobMaxMonthly) <= 0,
        "publicWelfareJobMinMonthly must not exceed publicWelfareJobMaxMonthly");
  }

  /** The default 低保 standards, a person a month (see the class comment). */
  public static YearTable defaultMinimumLivingAllowance() {
    return table(385, 410, 435, 460, 485, 510);
  }

  /** The default dispersed 特困 support, a person a year: 1.3 × 12 × the 低保 standard. */
  public static YearTable defaultExtremePovertyDispersed() {
    return table(6006, 6396, 6786, 7176, 7566, 7956);
  }

  /** The default centralised 特困 support, a person a year: the seed's ratio 8,580 / 5,616. */
  public static YearTable defaultExtremePovertyCentralised() {
    return table(9176, 9772, 10368, 10963, 11559, 12155);
  }

  public static Standards defaults() {
    return new Standards(
        defaultMinimumLivingAllowance(),
        defaultExtremePovertyDispersed(),
        defaultExtremePovertyCentralised(),
        new BigDecimal("80"),
        new BigDecimal("100"),
        new BigDecimal("600"),
        new BigDecimal("1000"));
  }

  /** The 低保 standard a person a month in a year. */
  public BigDecimal minimumLivingAllowancePerPersonMonth(int year) {
    return minimumLivingAllowanceMonthly.of(year);
  }

  /** The 低保 standard of the table's last year. */
  public BigDecimal minimumLivingAllowancePerPersonMonth() {
    return minimumLivingAllowanceMonthly.of(minimumLivingAllowanceMonthly.lastYear());
  }

  /** Dispersed 特困 support a person a year in a year. */
  public BigDecimal extremePovertyDispersedPerYear(int year) {
    return extremePovertyDispersedYearly.of(year);
  }

  /** Dispersed 特困 support of the table's last year. */
  public BigDecimal extremePovertyDispersedPerYear() {
    return extremePovertyDispersedYearly.of(extremePovertyDispersedYearly.lastYear());
  }

  /** Centralised 特困 support a person a year in a year. */
  public BigDecimal extremePovertyCentralisedPerYear(int year) {
    return extremePovertyCentralisedYearly.of(year);
  }

  /** Centralised 特困 support of the table's last year. */
  public BigDecimal extremePovertyCentralisedPerYear() {
    return extremePovertyCentralisedYearly.of(extremePovertyCentralisedYearly.lastYear());
  }

  /** The year of the newest 低保 standard: the year entitlements use when none is given. */
  public int latestYear() {
    return minimumLivingAllowanceMonthly.lastYear();
  }

  private static YearTable table(int... from2021) {
    Map<Integer, BigDecimal> values = new java.util.TreeMap<>();
    for (int i = 0; i < from2021.length; i++) {
      values.put(2021 + i, BigDecimal.valueOf(from2021[i]));
    }
    return new YearTable(values);
  }
}
