package org.shouwang.events;

/**
 * Risk types of returning to poverty (致贫返贫风险类型) on the national form.
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum RiskType {
  ILLNESS("因病"),
  DISABILITY("因残"),
  EDUCATION("因学"),
  DISASTER("因自然灾害"),
  ACCIDENT("因意外事故"),
  BUSINESS_FAILURE("因产业项目失败"),
  EMPLOYMENT("因务工就业不稳"),
  LABOUR_SHORTAGE("缺劳动力"),
  OTHER("其他");

  private final String chineseName;

  RiskType(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
