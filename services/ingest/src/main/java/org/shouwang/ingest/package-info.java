/**
 * Producer service: department systems, cadres' apps and CSV files send household events and
 * subsidy payments into Kafka.
 */
package org.shouwang.ingest;
