package org.shouwang.events;

/** Whether a monitored household still has its risk. */
public enum MonitoringStatus {
  MONITORED,
  RISK_ELIMINATED
}
