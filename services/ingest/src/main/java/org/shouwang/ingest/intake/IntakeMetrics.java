package org.shouwang.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The ingest metrics. Every tag comes from a closed set: kinds, channels, outcomes, the contract's
 * codes (or {@code unknown}/{@code none}).
 */
final class IntakeMetrics {

  static final String RECORDS = "shouwang.ingest.records";
  static final String VIOLATIONS = "shouwang.ingest.violations";
  static final String BATCH_SIZE = "shouwang.ingest.batch.size";
  static final String PRODUCE_LATENCY = "shouwang.ingest.produce.latency";
  static final String RECENT_IDS = "shouwang.ingest.dedup.ids";
  static final String REBUILD_IDS = "shouwang.ingest.dedup.rebuild.ids";
  static final String REBUILD_RECORDS = "shouwang.ingest.dedup.rebuild.records";
  static final String REBUILD_DURATION = "shouwang.ingest.dedup.rebuild.duration";

  /** Outcome tag values. */
  enum Outcome {
    ACCEPTED,
    DUPLICATE,
    REJECTED,
    FAILED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The tags of one record's count.
   *
   * @param type event type or programme code
   * @param source event source code ({@code none} for payments)
   * @param department reporting department code, {@code none} when absent
   * @param reason the first violation's code for a rejected record, else {@code none}
   */
  record RecordTags(
      Outcome outcome, String type, String source, String department, String reason) {}

  private final MeterRegistry registry;
  private final Map<RecordKind, Map<Channel, DistributionSummary>> batchSizes =
      new EnumMap<>(RecordKind.class);
  private final Map<RecordKind, Timer> produceLatency = new EnumMap<>(RecordKind.class);

  IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (RecordKind kind : RecordKind.values()) {
      Map<Channel, DistributionSummary> byChannel = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        byChannel.put(
            channel,
            DistributionSummary.builder(BATCH_SIZE)
                .description("Records per request")
                .baseUnit("records")
                .tag("kind", kind.tag())
                .tag("channel", channel.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(100_000.0)
                .register(registry));
      }
      batchSizes.put(kind, byChannel);
      produceLatency.put(
          kind,
          Timer.builder(PRODUCE_LATENCY)
              .description(
                  "From the first send of a request's records until Kafka acknowledged all of them")
              .tag("kind", kind.tag())
              .publishPercentileHistogram()
              .maximumExpectedValue(Duration.ofSeconds(30))
              .register(registry));
    }
  }

  void batch(RecordKind kind, Channel channel, int size) {
    batchSizes.get(kind).get(channel).record(size);
  }

  void produced(RecordKind kind, Duration latency) {
    produceLatency.get(kind).record(latency);
  }

  /** Adds a request's record counts, grouped by their tags (one counter update per group). */
  void records(RecordKind kind, Channel channel, Map<RecordTags, Integer> counts) {
    counts.forEach(
        (tags, count) ->
            Counter.builder(RECORDS)
                .description("Records received, by outcome")
                .tag("kind", kind.tag())
                .tag("channel", channel.tag())
                .tag("outcome", tags.outcome().tag())
                .tag("type", tags.type())
                .tag("source", tags.source())
                .tag("department", tags.department())
                .tag("reason", tags.reason())
                .register(registry)
                .increment(count));
  }

  /** Adds a request's violation counts by code. */
  void violations(RecordKind kind, Map<org.shouwang.events.ViolationCode, Integer> counts) {
    counts.forEach(
        (code, count) ->
            Counter.builder(VIOLATIONS)
                .description("Contract violations found in rejected records, by code")
                .tag("kind", kind.tag())
                .tag("code", code.name())
                .register(registry)
                .increment(count));
  }

  /** The outcome of the start's rebuild of a kind's recent-id filter (one value per start). */
  void rebuilt(DedupRebuild.Outcome outcome) {
    String kind = outcome.kind().tag();
    Gauge.builder(REBUILD_IDS, outcome, DedupRebuild.Outcome::idsLoaded)
        .description("Ids loaded into the recent-id filter from the topic at start")
        .tag("kind", kind)
        .strongReference(true)
        .register(registry);
    Gauge.builder(REBUILD_RECORDS, outcome, DedupRebuild.Outcome::recordsRead)
        .description("Records read back from the topic to rebuild the recent-id filter at start")
        .tag("kind", kind)
        .strongReference(true)
        .register(registry);
    TimeGauge.builder(
            REBUILD_DURATION, outcome, TimeUnit.NANOSECONDS, o -> (double) o.took().toNanos())
        .description("How long the start's rebuild of the recent-id filter took")
        .tag("kind", kind)
        .strongReference(true)
        .register(registry);
  }

  void recentIds(RecordKind kind, Supplier<Number> size) {
    Gauge.builder(RECENT_IDS, size)
        .description("Ids held by the recent-id filter")
        .tag("kind", kind.tag())
        .register(registry);
  }
}
