package org.shouwang.events;

/** Why the number of members or labourers of a household changed. */
public enum MemberChangeReason {
  BIRTH,
  DEATH,
  MARRIAGE,
  MIGRATION,
  OTHER
}
