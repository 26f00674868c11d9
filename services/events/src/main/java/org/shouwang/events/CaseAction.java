package org.shouwang.events;

/** What happened to a case; every human action and every notification is one. */
public enum CaseAction {
  OPENED,
  ALERT_ADDED,
  ACKNOWLEDGED,
  VERIFIED,
  DISMISSED,
  MEASURE_RECORDED,
  RESOLVED,
  REOPENED,
  ESCALATED,
  REMINDED,
  NOTIFICATION_SENT,
  NOTIFICATION_FAILED
}
