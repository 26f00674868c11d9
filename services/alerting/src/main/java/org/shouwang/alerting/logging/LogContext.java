package org.shouwang.alerting.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts what a piece of work is about into the log context (MDC) for as long as it runs, and puts
 * back what was there before when closed, so contexts nest: an alert's {@code householdId} stays
 * while its case adds {@code caseId}. Structured logs carry every key as a field of the line.
 */
public final class LogContext implements AutoCloseable {

  /** The household a line is about. */
  public static final String HOUSEHOLD_ID = "householdId";

  /** The case a line is about (several, comma-separated, for a grouped notification). */
  public static final String CASE_ID = "caseId";

  /** The alert being consumed. */
  public static final String ALERT_ID = "alertId";

  /** The notification being delivered. */
  public static final String NOTIFICATION_ID = "notificationId";

  private final Map<String, String> previous = new LinkedHashMap<>();

  private LogContext() {}

  /** A context that restores the current values of the given keys when closed. */
  public static LogContext of(String... keys) {
    LogContext context = new LogContext();
    for (String key : keys) {
      context.previous.put(key, MDC.get(key));
    }
    return context;
  }

  /** Sets a key (only keys given to {@link #of} are restored on close); null removes it. */
  public LogContext put(String key, Object value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value.toString());
    }
    return this;
  }

  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }
}
