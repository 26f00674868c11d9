package org.shouwang.events;

/** Alert severity, in increasing order. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The more severe of two severities. */
  public Severity max(Severity other) {
    return other != null && other.compareTo(this) > 0 ? other : this;
  }
}
