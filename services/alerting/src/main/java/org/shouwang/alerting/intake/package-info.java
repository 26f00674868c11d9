/**
 * Consuming {@code risk.alerts}: each alert in one database transaction, offsets committed after
 * it, poison pills to {@code risk.alerts.dlt}.
 */
package org.shouwang.alerting.intake;
