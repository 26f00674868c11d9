package org.shouwang.events;

/**
 * Why a member left school ({@code SCHOOL_ENROLMENT_CHANGED} with {@code enrolled=false}).
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum SchoolLeavingReason {
  /** Left compulsory schooling before finishing it: 辍学. */
  DROPPED_OUT("辍学"),
  /** Finished junior middle school (九年义务教育完成), e.g. at 16. */
  EDUCATION_COMPLETED("完成义务教育"),
  /** Moved to a school elsewhere; enrolment follows from the new school. */
  TRANSFERRED("转学"),
  OTHER("其他");

  private final String chineseName;

  SchoolLeavingReason(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
