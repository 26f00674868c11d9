/**
 * Routing: who receives an alert or an escalation, and over which channels, from {@code
 * shouwang.alerting.routing}.
 */
package org.shouwang.alerting.routing;
