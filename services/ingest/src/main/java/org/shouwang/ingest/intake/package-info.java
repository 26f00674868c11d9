/**
 * The path every record takes into Kafka, whatever door it came through (JSON batch or CSV file):
 * validate with the contract, drop recently accepted ids, publish with an idempotent {@code
 * acks=all} producer, wait for Kafka's acknowledgement and report the outcome of every record.
 */
package org.shouwang.ingest.intake;
