/**
 * Publishing case events, and the household events of case work: every case change and
 * notification, and every home visit and measure a cadre records (ADR 0005), is written to an
 * outbox table in the transaction of the change, and a relay sends the rows to {@code case.events}
 * or {@code household.events} in order, so the database and Kafka cannot disagree.
 */
package org.shouwang.alerting.publishing;
