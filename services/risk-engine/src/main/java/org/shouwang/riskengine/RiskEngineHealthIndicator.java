package org.shouwang.riskengine;

import org.apache.kafka.streams.KafkaStreams;
import org.shouwang.riskengine.streams.RiskEngineStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code riskEngine}: up while Kafka Streams runs or rebalances,
 * down when it failed or stopped although it should run.
 */
final class RiskEngineHealthIndicator implements HealthIndicator {

  private final RiskEngineStreams streams;
  private final boolean shouldRun;

  RiskEngineHealthIndicator(RiskEngineStreams streams, boolean shouldRun) {
    this.streams = streams;
    this.shouldRun = shouldRun;
  }

  @Override
  public Health health() {
    KafkaStreams.State state = streams.state();
    boolean up =
        state == KafkaStreams.State.RUNNING
            || state == KafkaStreams.State.REBALANCING
            || state == KafkaStreams.State.CREATED
            || (!shouldRun && state == KafkaStreams.State.NOT_RUNNING);
    return (up ? Health.up() : Health.down()).withDetail("state", state.name()).build();
  }
}
