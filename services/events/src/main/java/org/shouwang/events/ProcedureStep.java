package org.shouwang.events;

/**
 * The steps of identification (识别纳入) and of risk elimination (风险消除), in their order. Risk
 * elimination has no home visit.
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum ProcedureStep {
  HOME_VISIT("入户核实"),
  VILLAGE_REVIEW("村级评议"),
  PUBLICITY_STARTED("公示"),
  TOWNSHIP_REVIEW("乡镇审核"),
  COUNTY_DECISION("县级确认");

  private final String chineseName;

  ProcedureStep(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
