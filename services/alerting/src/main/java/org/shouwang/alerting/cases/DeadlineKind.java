package org.shouwang.alerting.cases;

/** Which deadline a case is running against. */
public enum DeadlineKind {
  /** The severity's time to acknowledge an OPEN case. */
  ACKNOWLEDGE,
  /** The policy's time from acknowledgement to the first assistance measure. */
  MEASURE
}
