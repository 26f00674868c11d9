package org.shouwang.simulator.county;

/**
 * How the county is shaped. Defaults follow the seed county, Hengyang County (衡阳县): about 240,000
 * rural households (issue 16), of which the seed's 14,933 formerly poor households are about 6 %;
 * 491 village-level units in 25 townships; 8,579 cadres paired with the 14,933 poor households
 * (1.74 each); 19,226 of the 47,384 formerly poor people (40.6 %) covered by 低保 or 特困 (兜底保障).
 *
 * @param households registered rural households
 * @param townships townships (at most 99; the first 25 carry the county's real names)
 * @param villages villages over all townships (at least one per township, at most 99 each)
 * @param formerlyPoorShare share of formerly registered-poor households (脱贫户)
 * @param monitoredShare share of households already monitored when the simulation starts; a
 *     formerly poor household is {@value CountyGenerator#FORMERLY_POOR_MONITORING_WEIGHT} times as
 *     likely to be monitored as an ordinary one
 * @param householdsPerCadre formerly poor or monitored households paired with one cadre (结对帮扶)
 * @param minimumLivingAllowanceShare share of ordinary (never registered-poor) households on 低保
 * @param extremePovertyShare share of single elderly households on 特困供养
 * @param disabilityShare share of members with a disability certificate
 * @param publicWelfareJobShare share of formerly poor households with labourers holding a
 *     public-welfare job
 * @param formerlyPoorWelfareCoverage share of formerly poor people (members of formerly poor
 *     households) covered by 低保 or 特困
 * @param householdsPerVillageCadre ordinary households one village cadre looks after
 */
public record CountyShape(
    int households,
    int townships,
    int villages,
    double formerlyPoorShare,
    double monitoredShare,
    double householdsPerCadre,
    double minimumLivingAllowanceShare,
    double extremePovertyShare,
    double disabilityShare,
    double publicWelfareJobShare,
    double formerlyPoorWelfareCoverage,
    double householdsPerVillageCadre) {

  /** 19,226 of 47,384 formerly poor people covered by 低保 or 特困 (seed). */
  public static final double SEED_WELFARE_COVERAGE = 0.40;

  /** Ordinary households per village cadre, when not given. */
  public static final double DEFAULT_HOUSEHOLDS_PER_VILLAGE_CADRE = 60;

  public CountyShape {
    require(households >= 1 && households <= 99_999 * 99, "households must be 1–9,899,901");
    require(townships >= 1 && townships <= 99, "townships must be 1–99");
    require(
        villages >= townships && villages <= townships * 99,
        "villages must be between the township count and 99 per township");
    for (double share :
        new double[] {
          formerlyPoorShare,
          monitoredShare,
          minimumLivingAllowanceShare,
          extremePovertyShare,
          disabilityShare,
          publicWelfareJobShare,
          formerlyPoorWelfareCoverage
        }) {
      require(share >= 0 && share <= 1, "shares must be between 0 and 1");
    }
    require(householdsPerCadre >= 1 && householdsPerCadre <= 10, "householdsPerCadre 1–10");
    require(
        householdsPerVillageCadre >= 1 && householdsPerVillageCadre <= 1_000,
        "householdsPerVillageCadre 1–1,000");
  }

  /**
   * The shape without the welfare coverage and village cadres (their defaults apply), as before
   * they existed.
   */
  public CountyShape(
      int households,
      int townships,
      int villages,
      double formerlyPoorShare,
      double monitoredShare,
      double householdsPerCadre,
      double minimumLivingAllowanceShare,
      double extremePovertyShare,
      double disabilityShare,
      double publicWelfareJobShare) {
    this(
        households,
        townships,
        villages,
        formerlyPoorShare,
        monitoredShare,
        householdsPerCadre,
        minimumLivingAllowanceShare,
        extremePovertyShare,
        disabilityShare,
        publicWelfareJobShare,
        SEED_WELFARE_COVERAGE,
        DEFAULT_HOUSEHOLDS_PER_VILLAGE_CADRE);
  }

  /** The seed's county: 240,000 households, 6 % of them formerly poor. */
  public static CountyShape defaults() {
    return new CountyShape(
        240_000,
        25,
        491,
        0.06,
        0.02,
        1.75,
        0.015,
        0.5,
        0.03,
        0.04,
        SEED_WELFARE_COVERAGE,
        DEFAULT_HOUSEHOLDS_PER_VILLAGE_CADRE);
  }

  /** The same shape with another household count. */
  public CountyShape withHouseholds(int count) {
    return new CountyShape(
        count,
        townships,
        villages,
        formerlyPoorShare,
        monitoredShare,
        householdsPerCadre,
        minimumLivingAllowanceShare,
        extremePovertyShare,
        disabilityShare,
        publicWelfareJobShare,
        formerlyPoorWelfareCoverage,
        householdsPerVillageCadre);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
