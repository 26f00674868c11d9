/**
 * Publishing case events: every case change and notification is written to an outbox table in the
 * transaction of the change, and a relay sends the rows to {@code case.events} in order, so the
 * database and Kafka cannot disagree.
 */
package org.shouwang.alerting.publishing;
