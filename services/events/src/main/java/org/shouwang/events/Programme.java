package org.shouwang.events;

/**
 * Subsidy programmes whose payments the system tracks.
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum Programme {
  MINIMUM_LIVING_ALLOWANCE("低保", Frequency.MONTHLY),
  EXTREME_POVERTY_SUPPORT("特困供养", Frequency.MONTHLY),
  TEMPORARY_ASSISTANCE("临时救助", Frequency.ONE_OFF),
  MEDICAL_ASSISTANCE("医疗救助", Frequency.ONE_OFF),
  EDUCATION_AID("教育资助", Frequency.YEARLY),
  RAINDEW_VOCATIONAL("雨露计划", Frequency.YEARLY),
  DISABILITY_LIVING_SUBSIDY("困难残疾人生活补贴", Frequency.MONTHLY),
  DISABILITY_CARE_SUBSIDY("重度残疾人护理补贴", Frequency.MONTHLY),
  PUBLIC_WELFARE_JOB("公益性岗位工资", Frequency.MONTHLY),
  INDUSTRY_AWARD("产业奖补", Frequency.ONE_OFF),
  EMPLOYMENT_AWARD("就业奖补", Frequency.ONE_OFF);

  /** How often a programme pays. */
  public enum Frequency {
    MONTHLY,
    YEARLY,
    ONE_OFF
  }

  private final String chineseName;
  private final Frequency frequency;

  Programme(String chineseName, Frequency frequency) {
    this.chineseName = chineseName;
    this.frequency = frequency;
  }

  public String chineseName() {
    return chineseName;
  }

  public Frequency frequency() {
    return frequency;
  }
}
