package org.shouwang.simulator.county;

import java.math.BigDecimal;

/**
 * Local payment standards (DOMAIN.md and the seed), in yuan.
 *
 * @param minimumLivingAllowancePerPersonMonth 低保: 360 a person a month (seed)
 * @param extremePovertyDispersedPerYear 特困 dispersed: 5,616 a person a year (seed)
 * @param extremePovertyCentralisedPerYear 特困 centralised: 8,580 a person a year (seed)
 * @param disabilityLivingMonthly 困难残疾人生活补贴 a month
 * @param disabilityCareMonthly 重度残疾人护理补贴 a month (grades 1–2)
 * @param publicWelfareJobMinMonthly public-welfare job pay, lowest
 * @param publicWelfareJobMaxMonthly public-welfare job pay, highest
 */
public record Standards(
    BigDecimal minimumLivingAllowancePerPersonMonth,
    BigDecimal extremePovertyDispersedPerYear,
    BigDecimal extremePovertyCentralisedPerYear,
    BigDecimal disabilityLivingMonthly,
    BigDecimal disabilityCareMonthly,
    BigDecimal publicWelfareJobMinMonthly,
    BigDecimal publicWelfareJobMaxMonthly) {

  public Standards {
    for (BigDecimal amount :
        new BigDecimal[] {
          minimumLivingAllowancePerPersonMonth,
          extremePovertyDispersedPerYear,
          extremePovertyCentralisedPerYear,
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

  public static Standards defaults() {
    return new Standards(
        new BigDecimal("360"),
        new BigDecimal("5616"),
        new BigDecimal("8580"),
        new BigDecimal("80"),
        new BigDecimal("100"),
        new BigDecimal("600"),
        new BigDecimal("1000"));
  }
}
