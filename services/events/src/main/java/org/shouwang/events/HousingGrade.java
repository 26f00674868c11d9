package org.shouwang.events;

/** House safety appraisal grade; C and D are unsafe. */
public enum HousingGrade {
  A,
  B,
  C,
  D;

  public boolean unsafe() {
    return this == C || this == D;
  }
}
