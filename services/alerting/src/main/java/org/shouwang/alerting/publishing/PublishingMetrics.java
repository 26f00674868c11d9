package org.shouwang.alerting.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Case events relayed to Kafka, and relay failures. */
@Component
class PublishingMetrics {

  private final Counter published;
  private final Counter failed;

  PublishingMetrics(MeterRegistry registry) {
    published =
        Counter.builder("shouwang.case.events.published")
            .description("Case events relayed from the outbox to case.events")
            .register(registry);
    failed =
        Counter.builder("shouwang.case.events.relay.failures")
            .description("Relay passes that failed and will be retried")
            .register(registry);
  }

  void published(int count) {
    published.increment(count);
  }

  void failed() {
    failed.increment();
  }
}
