/**
 * Cases: one open case per household and audience, its lifecycle (acknowledge, verify or dismiss,
 * record measures, resolve), deadlines and escalation, the case API and its metrics.
 */
package org.shouwang.alerting.cases;
