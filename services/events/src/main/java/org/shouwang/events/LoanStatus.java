package org.shouwang.events;

/** Status of a microcredit loan. */
public enum LoanStatus {
  CURRENT,
  OVERDUE,
  REPAID
}
