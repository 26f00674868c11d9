package org.shouwang.simulator.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.shouwang.events.Rule;
import org.shouwang.simulator.plan.SimRecord;

/**
 * The simulator's metrics, tags from closed sets only: kind ({@code event}, {@code payment}), type
 * (event types and programmes), rule.
 */
final class SimulationMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> sentCounters = new ConcurrentHashMap<>();
  private final Map<SimRecord.Kind, Counter> failedCounters = new EnumMap<>(SimRecord.Kind.class);
  private final Map<Rule, Counter> injected = new EnumMap<>(Rule.class);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile long planned;
  private volatile double lagSeconds;
  private volatile double simulatedEpochSeconds;

  SimulationMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (SimRecord.Kind kind : SimRecord.Kind.values()) {
      failedCounters.put(
          kind,
          Counter.builder("shouwang.simulator.records.failed")
              .description("Records the sink could not deliver")
              .tag("kind", tag(kind))
              .register(registry));
    }
    for (Rule rule : Rule.values()) {
      injected.put(
          rule,
          Counter.builder("shouwang.simulator.scenarios.injected")
              .description("Labelled risk scenarios whose expected time the simulation has passed")
              .tag("rule", rule.name())
              .register(registry));
    }
    Gauge.builder("shouwang.simulator.progress", this, SimulationMetrics::progress)
        .description("Share of the planned records sent (0–1)")
        .register(registry);
    Gauge.builder("shouwang.simulator.records.planned", this, m -> m.planned)
        .description("Records in the current simulation")
        .register(registry);
    Gauge.builder("shouwang.simulator.clock.lag", this, m -> m.lagSeconds)
        .description("How far the simulated clock is behind the wall clock")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("shouwang.simulator.clock.simulated", this, m -> m.simulatedEpochSeconds)
        .description("The simulated time as seconds since the epoch")
        .baseUnit("seconds")
        .register(registry);
  }

  private static String tag(SimRecord.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  void planned(long records) {
    planned = records;
  }

  void sent(SimRecord record) {
    sent.incrementAndGet();
    sentCounters
        .computeIfAbsent(
            record.kind() + "/" + record.type(),
            k ->
                Counter.builder("shouwang.simulator.records.sent")
                    .description("Records delivered to the sink, by kind and type")
                    .tag("kind", tag(record.kind()))
                    .tag("type", record.type())
                    .register(registry))
        .increment();
  }

  void failed(SimRecord record, Throwable error) {
    failed.incrementAndGet();
    failedCounters.get(record.kind()).increment();
  }

  void injected(Rule rule) {
    injected.get(rule).increment();
  }

  void clock(java.time.Instant simulated, java.time.Duration lag) {
    simulatedEpochSeconds = simulated.getEpochSecond();
    lagSeconds = lag.toMillis() / 1000.0;
  }

  long sentCount() {
    return sent.get();
  }

  long failedCount() {
    return failed.get();
  }

  double progress() {
    return planned == 0 ? 0 : (double) (sent.get() + failed.get()) / planned;
  }
}
