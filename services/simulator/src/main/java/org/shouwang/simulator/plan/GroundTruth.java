package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.Rule;

/**
 * The label of one injected risk scenario: the alert a detector should raise.
 *
 * @param householdId the household the alert is about
 * @param rule the rule that should fire
 * @param expectedAt the simulated time from which it should fire (the triggering record's time; for
 *     absence rules, the moment the deadline passes)
 * @param evidence the ids of the records that make the case, the triggering one first
 * @param detail what was injected, with its numbers (English, for people scoring)
 */
public record GroundTruth(
    String householdId,
    Rule rule,
    OffsetDateTime expectedAt,
    List<String> evidence,
    String detail) {}
