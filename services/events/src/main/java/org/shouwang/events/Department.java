package org.shouwang.events;

/** The department whose system reported an event (required when the source is DEPARTMENT). */
public enum Department {
  MEDICAL_INSURANCE("医保局"),
  HEALTH("卫健局"),
  EDUCATION("教育局"),
  CIVIL_AFFAIRS("民政局"),
  DISABLED_PERSONS_FEDERATION("残联"),
  HUMAN_RESOURCES("人社局"),
  HOUSING("住建局"),
  WATER("水利局"),
  EMERGENCY_MANAGEMENT("应急管理局"),
  PUBLIC_SECURITY("公安局"),
  AGRICULTURE("农业农村局");

  private final String chineseName;

  Department(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The department's name as cadres know it. */
  public String chineseName() {
    return chineseName;
  }
}
