/**
 * Running a simulation: the simulated clock, the sinks (Kafka directly, or ingest's HTTP API),
 * progress logs and metrics, the status endpoint and the command mode.
 */
package org.shouwang.simulator.run;
