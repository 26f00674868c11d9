package org.shouwang.simulator.run;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.simulator.plan.GroundTruthFile;
import org.shouwang.simulator.plan.SimulationConfig;
import org.shouwang.simulator.plan.SimulationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the properties into a plan (writing its ground truth) and a sink. */
final class SimulationFactory {

  private static final Logger log = LoggerFactory.getLogger(SimulationFactory.class);

  private final SimulatorProperties properties;
  private final Supplier<Map<String, Object>> producerProperties;
  private final ContractTopics topics;
  private final SimulationMetrics metrics;

  SimulationFactory(
      SimulatorProperties properties,
      Supplier<Map<String, Object>> producerProperties,
      ContractTopics topics,
      SimulationMetrics metrics) {
    this.properties = properties;
    this.producerProperties = producerProperties;
    this.topics = topics;
    this.metrics = metrics;
  }

  SimulatorProperties properties() {
    return properties;
  }

  /** The configuration for a run starting now: defaults to the year up to now. */
  SimulationConfig config(Instant now) {
    OffsetDateTime wallNow = now.atOffset(SimulationConfig.CHINA).truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime start = properties.start() != null ? properties.start() : wallNow.minusYears(1);
    OffsetDateTime end = properties.end();
    // a resumed run keeps the window it began with, so that it plans the very same records
    java.util.Optional<SimulationProgress> saved = savedProgress();
    if (saved.isPresent()) {
      start = properties.start() != null ? properties.start() : saved.get().start();
      end = properties.end() != null ? properties.end() : saved.get().end();
    }
    if (end == null) {
      end =
          properties.afterCatchUp() == SimulatorProperties.AfterCatchUp.REAL_TIME
              ? wallNow.plus(properties.realTimeHorizon())
              : wallNow;
    }
    return properties.toConfig(start, end);
  }

  /** The progress of an earlier run of the same seed, if one was kept. */
  java.util.Optional<SimulationProgress> savedProgress() {
    return SimulationProgress.read(properties.progressPath())
        .filter(progress -> progress.seed() == properties.seed());
  }

  /** Generates the plan and writes its ground truth. */
  SimulationPlan plan(Instant now) {
    SimulationConfig config = config(now);
    long began = System.nanoTime();
    SimulationPlan plan = SimulationPlan.generate(config);
    log.info(
        "planned {} households in {} townships, {} villages, {} cadres: {} records ({}), {}"
            + " labelled scenarios, seed {}, {} to {}, in {} ms",
        plan.county().households().size(),
        plan.county().townships().size(),
        plan.county().villageCount(),
        plan.county().cadres().size(),
        plan.records().size(),
        plan.recordCounts(),
        plan.groundTruth().size(),
        config.seed(),
        config.start(),
        config.end(),
        Duration.ofNanos(System.nanoTime() - began).toMillis());
    try {
      GroundTruthFile.write(properties.groundTruthPath(), plan.groundTruth());
      log.info("ground truth written to {}", properties.groundTruthPath().toAbsolutePath());
    } catch (java.io.UncheckedIOException e) {
      log.error("cannot write the ground truth: {}", e.getMessage());
    }
    return plan;
  }

  RecordSink sink() {
    return switch (properties.sink()) {
      case KAFKA -> new KafkaRecordSink(producerProperties.get(), topics, metrics);
      case INGEST -> new IngestRecordSink(properties.ingest(), metrics);
    };
  }
}
