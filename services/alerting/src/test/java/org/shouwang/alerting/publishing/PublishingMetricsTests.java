package org.shouwang.alerting.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublishingMetricsTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PublishingMetrics metrics = new PublishingMetrics(registry);

  @Test
  void reportsTheAgeOfTheOldestUnpublishedCaseEventInSeconds() {
    assertThat(oldest()).isZero();

    metrics.oldestUnpublished(Duration.ofMinutes(6).plusMillis(500));
    assertThat(oldest()).isEqualTo(360.5);

    metrics.oldestUnpublished(Duration.ZERO);
    assertThat(oldest()).isZero();
  }

  @Test
  void neverReportsANegativeAgeWhenClocksDisagree() {
    metrics.oldestUnpublished(Duration.ofSeconds(-3));
    assertThat(oldest()).isZero();
  }

  private double oldest() {
    return registry.get("shouwang.case.events.relay.oldest.unpublished").gauge().value();
  }
}
