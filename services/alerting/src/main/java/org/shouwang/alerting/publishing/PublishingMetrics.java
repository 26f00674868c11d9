package org.shouwang.alerting.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Case events relayed to Kafka, relay failures, and how long the oldest unpublished case event has
 * waited (the ops alert CaseEventRelayStuck fires past five minutes: auditors would not see the
 * latest case work).
 */
@Component
class PublishingMetrics {

  private final Counter published;
  private final Counter failed;
  private final Counter householdEvents;
  private final AtomicLong oldestUnpublishedMillis = new AtomicLong();

  PublishingMetrics(MeterRegistry registry) {
    published =
        Counter.builder("shouwang.case.events.published")
            .description("Case events relayed from the outbox to case.events")
            .register(registry);
    householdEvents =
        Counter.builder("shouwang.household.events.published")
            .description(
                "Household events of case work (home visits, measures) relayed to household.events")
            .register(registry);
    failed =
        Counter.builder("shouwang.case.events.relay.failures")
            .description("Relay passes that failed and will be retried")
            .register(registry);
    Gauge.builder(
            "shouwang.case.events.relay.oldest.unpublished",
            oldestUnpublishedMillis,
            millis -> millis.get() / 1000.0)
        .description(
            "Age of the oldest outbox row (case or household event) not yet relayed to Kafka (0 when none waits)")
        .baseUnit("seconds")
        .register(registry);
  }

  void oldestUnpublished(Duration age) {
    oldestUnpublishedMillis.set(Math.max(0, age.toMillis()));
  }

  void published(int count) {
    published.increment(count);
  }

  void publishedHouseholdEvents(int count) {
    householdEvents.increment(count);
  }

  void failed() {
    failed.increment();
  }
}
