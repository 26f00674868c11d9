package org.shouwang.events;

/**
 * Registry status of a household; only ACTIVE households may be paid.
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum HouseholdStatus {
  ACTIVE,
  /** No living member. */
  DECEASED,
  MOVED_AWAY,
  CANCELLED;

  /** Whether payments to a household in this status are a red flag. */
  public boolean inactive() {
    return this != ACTIVE;
  }
}
