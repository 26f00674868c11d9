package org.shouwang.simulator.run;

import java.time.OffsetDateTime;
import java.util.Map;
import org.shouwang.events.Rule;

/**
 * What {@code GET /api/v1/simulation} answers.
 *
 * @param state DISABLED, PLANNING, RUNNING, FINISHED or FAILED
 * @param mode service or command
 * @param sink KAFKA or INGEST
 * @param seed the seed
 * @param households households in the county
 * @param start simulated start
 * @param end simulated end
 * @param simulatedNow where the simulated clock is
 * @param speed simulated seconds per real second
 * @param recordsPlanned records in the plan
 * @param recordsSent records acknowledged by the sink
 * @param recordsFailed records the sink could not deliver
 * @param percentDone sent and failed over planned, in per cent
 * @param scenariosPlanned labelled scenarios per rule
 * @param scenariosInjected labelled scenarios whose expected time has passed, per rule
 * @param groundTruthPath where the labels are
 */
record SimulationStatus(
    SimulationRunner.State state,
    SimulatorProperties.Mode mode,
    SimulatorProperties.SinkKind sink,
    long seed,
    Integer households,
    OffsetDateTime start,
    OffsetDateTime end,
    OffsetDateTime simulatedNow,
    double speed,
    long recordsPlanned,
    long recordsSent,
    long recordsFailed,
    double percentDone,
    Map<Rule, Long> scenariosPlanned,
    Map<Rule, Long> scenariosInjected,
    String groundTruthPath) {}
