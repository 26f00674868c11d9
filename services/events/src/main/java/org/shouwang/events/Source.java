package org.shouwang.events;

/**
 * Who reported a household event.
 *
 * <p>{@code CADRE} extends the contract: a cadre's work recorded in the case system (a case
 * verified on a home visit, a measure recorded in a case), published by the alerting service.
 */
public enum Source {
  SELF_DECLARATION,
  CADRE_VISIT,
  DEPARTMENT,
  SYSTEM,
  CADRE
}
