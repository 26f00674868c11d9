package org.shouwang.events;

/**
 * The three categories of monitored households (监测对象).
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum MonitoringCategory {
  /** 脱贫不稳定户: formerly registered poor, at risk. */
  UNSTABLE_LIFTED("脱贫不稳定户"),
  /** 边缘易致贫户: never registered poor, at risk. */
  MARGINAL("边缘易致贫户"),
  /** 突发严重困难户: any household hit by large rigid expenses or a sharp income drop. */
  SUDDEN_HARDSHIP("突发严重困难户");

  private final String chineseName;

  MonitoringCategory(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
