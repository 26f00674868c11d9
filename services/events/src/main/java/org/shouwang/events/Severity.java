package org.shouwang.events;

/** Alert severity, in increasing order. */
public enum Severity {
  LOW("低"),
  MEDIUM("中"),
  HIGH("高"),
  CRITICAL("紧急");

  private final String chineseName;

  Severity(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The name people read (pages, messages). */
  public String chineseName() {
    return chineseName;
  }

  /** The more severe of two severities. */
  public Severity max(Severity other) {
    return other != null && other.compareTo(this) > 0 ? other : this;
  }
}
