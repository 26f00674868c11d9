package org.shouwang.events;

/** Registry status of a household; only ACTIVE households may be paid. */
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
