package org.shouwang.simulator.county;

/**
 * How the county is shaped. Defaults follow the seed (Hengyang County: 14,933 registered
 * households, 8,579 paired cadres, 491 village-level units).
 *
 * @param households registered households
 * @param townships townships (at most 99)
 * @param villages villages over all townships (at least one per township, at most 99 each)
 * @param formerlyPoorShare share of formerly registered-poor households
 * @param monitoredShare share of households already monitored when the simulation starts
 * @param householdsPerCadre average households paired with one cadre
 * @param minimumLivingAllowanceShare share of households on 低保
 * @param extremePovertyShare share of single elderly households on 特困供养
 * @param disabilityShare share of members with a disability certificate
 * @param publicWelfareJobShare share of formerly poor households with labourers holding a
 *     public-welfare job
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
    double publicWelfareJobShare) {

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
          publicWelfareJobShare
        }) {
      require(share >= 0 && share <= 1, "shares must be between 0 and 1");
    }
    require(householdsPerCadre >= 1 && householdsPerCadre <= 10, "householdsPerCadre 1–10");
  }

  /** The seed's county: about 15,000 households. */
  public static CountyShape defaults() {
    return new CountyShape(15_000, 25, 491, 0.8, 0.05, 1.75, 0.08, 0.5, 0.03, 0.04);
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
        publicWelfareJobShare);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
