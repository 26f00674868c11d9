package org.shouwang.riskengine.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.shouwang.events.Alert;
import org.shouwang.events.EventType;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/**
 * The risk engine's metrics. Tags come from closed sets only: event types, rules, severities, risk
 * types, violation codes and the county's township codes (never household or cadre ids).
 */
public final class RiskEngineMetrics {

  /** Township tag of households that were never registered. */
  static final String NO_TOWNSHIP = "none";

  private static final RiskType[] RISK_TYPES = RiskType.values();
  private static final Rule[] RULES = Rule.values();
  private static final Severity[] SEVERITIES = Severity.values();

  private final MeterRegistry registry;
  private final Counter[] events = new Counter[EventType.values().length];
  private final Counter payments;
  private final Counter duplicates;
  private final Timer lag;
  // per township: the alert counters by rule and severity, and the at-risk gauges by risk type,
  // each registered the first time it is needed (looked up for every alert without building a key)
  private final Map<String, Counter[]> alerts = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong[]> atRisk = new ConcurrentHashMap<>();
  private final AtomicLong stateBytes = new AtomicLong();
  private final AtomicLong stateHouseholds = new AtomicLong();

  public RiskEngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (EventType type : EventType.values()) {
      events[type.ordinal()] = processed(type.name());
    }
    payments = processed("SUBSIDY_PAYMENT");
    duplicates =
        Counter.builder("shouwang.riskengine.duplicates")
            .description("Events and payments sent again with a known id, ignored")
            .register(registry);
    lag =
        Timer.builder("shouwang.riskengine.alert.lag")
            .description("From the input record's timestamp to its alert being emitted")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
    Gauge.builder("shouwang.riskengine.state.bytes", stateBytes, AtomicLong::get)
        .description("Encoded size of every household state held by this instance")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("shouwang.riskengine.state.households", stateHouseholds, AtomicLong::get)
        .description("Households whose state this instance holds")
        .register(registry);
  }

  private Counter processed(String type) {
    return Counter.builder("shouwang.riskengine.events.processed")
        .description("Household events and subsidy payments processed, by type")
        .tag("type", type)
        .register(registry);
  }

  void eventProcessed(EventType type) {
    events[type.ordinal()].increment();
  }

  void paymentProcessed() {
    payments.increment();
  }

  void duplicateIgnored() {
    duplicates.increment();
  }

  void alertRaised(Alert alert) {
    String township = alert.townshipCode() == null ? NO_TOWNSHIP : alert.townshipCode();
    Counter[] counters =
        alerts.computeIfAbsent(township, t -> new Counter[RULES.length * SEVERITIES.length]);
    int index = alert.rule().ordinal() * SEVERITIES.length + alert.severity().ordinal();
    Counter counter = counters[index];
    if (counter == null) {
      // registering is idempotent: two threads racing here get the same counter
      counter =
          Counter.builder("shouwang.riskengine.alerts")
              .description("Alerts raised, by rule, severity and township")
              .tag("rule", alert.rule().name())
              .tag("severity", alert.severity().name())
              .tag("audience", alert.audience().name())
              .tag("township", township)
              .register(registry);
      counters[index] = counter;
    }
    counter.increment();
  }

  void alertLag(long millis) {
    lag.record(Duration.ofMillis(Math.max(0, millis)));
  }

  void deadLettered(String topic, String reason) {
    deadLetters
        .computeIfAbsent(
            topic + "|" + reason,
            k ->
                Counter.builder("shouwang.riskengine.deadletters")
                    .description("Input records sent to a dead-letter topic, by reason")
                    .tag("topic", topic)
                    .tag("reason", reason)
                    .register(registry))
        .increment();
  }

  /** Households at risk: one household more or less with an open cadre risk of this type. */
  void atRisk(String township, int riskTypeOrdinal, long delta) {
    String town = township == null ? NO_TOWNSHIP : township;
    AtomicLong[] gauges = atRisk.computeIfAbsent(town, t -> new AtomicLong[RISK_TYPES.length]);
    AtomicLong value = gauges[riskTypeOrdinal];
    if (value == null) {
      synchronized (gauges) {
        value = gauges[riskTypeOrdinal];
        if (value == null) {
          value = new AtomicLong();
          Gauge.builder("shouwang.riskengine.households.at.risk", value, AtomicLong::get)
              .description("Households with an open cadre alert, by township and risk type")
              .tag("township", town)
              .tag("risk_type", RISK_TYPES[riskTypeOrdinal].name())
              .register(registry);
          gauges[riskTypeOrdinal] = value;
        }
      }
    }
    value.addAndGet(delta);
  }

  void stateSize(long bytesDelta, long householdsDelta) {
    stateBytes.addAndGet(bytesDelta);
    stateHouseholds.addAndGet(householdsDelta);
  }

  /** Average encoded state per household held by this instance, for the benchmark. */
  public double averageStateBytes() {
    long households = stateHouseholds.get();
    return households == 0 ? 0 : (double) stateBytes.get() / households;
  }

  public long stateHouseholds() {
    return stateHouseholds.get();
  }
}
