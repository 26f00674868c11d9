package org.shouwang.alerting.notification;

/** What a notification item is about. */
public enum NotificationKind {
  /** A new alert, on a new or an open case. */
  ALERT,
  /** A case overdue, sent up to a supervisor. */
  ESCALATION,
  /** A case overdue, a reminder to whoever works it. */
  REMINDER
}
