package org.shouwang.events;

/** Kinds of assistance measure (帮扶措施). */
public enum AssistanceMeasure {
  INDUSTRY("产业帮扶"),
  EMPLOYMENT("就业帮扶"),
  FINANCE("金融帮扶"),
  PUBLIC_WELFARE_JOB("公益性岗位"),
  HEALTH("健康帮扶"),
  EDUCATION("教育帮扶"),
  WELFARE("兜底保障"),
  HOUSING("住房保障"),
  WATER("饮水保障"),
  RELOCATION("易地搬迁"),
  OTHER("其他");

  private final String chineseName;

  AssistanceMeasure(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Industry and employment measures: what a household able to work must get. */
  public boolean developmental() {
    return this == INDUSTRY || this == EMPLOYMENT || this == PUBLIC_WELFARE_JOB;
  }
}
