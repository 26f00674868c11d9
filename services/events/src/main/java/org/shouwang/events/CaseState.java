package org.shouwang.events;

/** Where a case stands in the cadre's work. */
public enum CaseState {
  OPEN,
  ACKNOWLEDGED,
  /** Confirmed on a visit: the risk is real. */
  VERIFIED,
  /** Not a real risk, with a reason. */
  DISMISSED,
  /** Measures are being delivered. */
  ASSISTING,
  RESOLVED;

  /** Whether the case is finished (new alerts reopen it or open another). */
  public boolean closed() {
    return this == DISMISSED || this == RESOLVED;
  }
}
