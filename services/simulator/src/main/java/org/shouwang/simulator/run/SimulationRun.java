package org.shouwang.simulator.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shouwang.events.Rule;
import org.shouwang.simulator.plan.GroundTruth;
import org.shouwang.simulator.plan.SimRecord;
import org.shouwang.simulator.plan.SimulationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One plan on its way through a sink: releases due records in order and tracks progress. */
final class SimulationRun {

  private static final Logger log = LoggerFactory.getLogger(SimulationRun.class);

  private final SimulationPlan plan;
  private final RecordSink sink;
  private final SimulationMetrics metrics;
  private final Duration progressInterval;
  private final Instant startedAt;
  private final Map<Rule, Long> injected = new EnumMap<>(Rule.class);
  private int next;
  private int nextLabel;
  private Instant simulatedNow;
  private Instant lastLog;
  private long sentAtLastLog;

  SimulationRun(
      SimulationPlan plan,
      RecordSink sink,
      SimulationMetrics metrics,
      Duration progressInterval,
      Instant now) {
    this.plan = plan;
    this.sink = sink;
    this.metrics = metrics;
    this.progressInterval = progressInterval;
    this.startedAt = now;
    this.lastLog = now;
    this.simulatedNow = plan.config().start().toInstant();
    metrics.planned(plan.records().size());
    for (Rule rule : Rule.values()) {
      injected.put(rule, 0L);
    }
  }

  /** Sends up to {@code max} records due by the simulated time; returns how many. */
  synchronized int releaseUntil(Instant simulated, int max) {
    List<SimRecord> due = new ArrayList<>();
    List<SimRecord> records = plan.records();
    while (next < records.size()
        && due.size() < max
        && !records.get(next).at().toInstant().isAfter(simulated)) {
      due.add(records.get(next++));
    }
    // when the batch was cut short the clock only got as far as the last record sent
    simulatedNow =
        due.size() == max && next < records.size()
            ? due.get(due.size() - 1).at().toInstant()
            : simulated;
    if (!due.isEmpty()) {
      sink.send(due);
    }
    List<GroundTruth> labels = plan.groundTruth();
    while (nextLabel < labels.size()
        && !labels.get(nextLabel).expectedAt().toInstant().isAfter(simulatedNow)) {
      Rule rule = labels.get(nextLabel++).rule();
      injected.merge(rule, 1L, Long::sum);
      metrics.injected(rule);
    }
    return due.size();
  }

  /**
   * Continues a run from where an earlier one got to: records before the position were sent then,
   * and are not sent again (those at the very position are, and downstream ignores their ids).
   */
  synchronized void resumeAt(Instant position) {
    List<SimRecord> records = plan.records();
    while (next < records.size() && records.get(next).at().toInstant().isBefore(position)) {
      next++;
    }
    List<GroundTruth> labels = plan.groundTruth();
    while (nextLabel < labels.size()
        && labels.get(nextLabel).expectedAt().toInstant().isBefore(position)) {
      injected.merge(labels.get(nextLabel++).rule(), 1L, Long::sum);
    }
    simulatedNow = position;
    if (next > 0) {
      log.info(
          "resuming at simulated {}: {} of {} records were sent before",
          position.atOffset(plan.config().start().getOffset()).toLocalDateTime(),
          next,
          records.size());
    }
  }

  /** How many records have been released, including those of an earlier run resumed. */
  synchronized int released() {
    return next;
  }

  synchronized boolean finished() {
    return next >= plan.records().size();
  }

  /** Logs progress when the interval has passed (or when forced). */
  void logProgress(Instant now, boolean force) {
    if (!force && Duration.between(lastLog, now).compareTo(progressInterval) < 0) {
      return;
    }
    long sent = metrics.sentCount();
    double seconds = Math.max(0.001, Duration.between(lastLog, now).toMillis() / 1000.0);
    log.info(
        "simulated {} · {} of {} records sent ({}%), {} failed · {} records/s",
        simulatedNow.atOffset(plan.config().start().getOffset()).toLocalDateTime(),
        sent,
        plan.records().size(),
        String.format("%.1f", 100 * metrics.progress()),
        metrics.failedCount(),
        String.format("%.0f", (sent - sentAtLastLog) / seconds));
    lastLog = now;
    sentAtLastLog = sent;
  }

  void flush() {
    sink.flush();
  }

  void close() {
    sink.close();
  }

  SimulationPlan plan() {
    return plan;
  }

  synchronized Instant simulatedNow() {
    return simulatedNow;
  }

  synchronized Map<Rule, Long> injected() {
    return Map.copyOf(injected);
  }

  Instant startedAt() {
    return startedAt;
  }
}
