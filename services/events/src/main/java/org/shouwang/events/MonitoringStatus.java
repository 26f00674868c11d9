package org.shouwang.events;

/**
 * Whether a monitored household still has its risk.
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum MonitoringStatus {
  MONITORED,
  RISK_ELIMINATED
}
