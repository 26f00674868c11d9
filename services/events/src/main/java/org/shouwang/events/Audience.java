package org.shouwang.events;

/** Who an alert is for. */
public enum Audience {
  /** A risk to a household: goes to its cadre, then up the hierarchy. */
  CADRE,
  /** Integrity of funds: goes to the county audit office, never to the household's cadre. */
  AUDITOR
}
