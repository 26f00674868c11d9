package org.shouwang.simulator.county;

/**
 * A household member.
 *
 * @param id the member id used in events ({@code m1}, {@code m2}, …)
 * @param age age in years when the simulation starts
 * @param labourer able to work (counted in the household's labourers)
 * @param disabilityGrade 1 (most severe) to 4, or 0 when not disabled
 */
public record Member(String id, int age, boolean labourer, int disabilityGrade) {

  /** Whether the member is of compulsory-school age (6–16). */
  public boolean compulsorySchoolAge() {
    return age >= 6 && age <= 16;
  }

  public boolean disabled() {
    return disabilityGrade > 0;
  }
}
