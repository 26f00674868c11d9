package org.shouwang.riskengine;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.riskengine.streams.RiskEngineMetrics;
import org.shouwang.riskengine.streams.RiskEngineStreams;
import org.shouwang.riskengine.streams.RiskTopology;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the topology, its metrics and the Kafka Streams lifecycle into the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskEngineProperties.class)
class RiskEngineConfiguration {

  @Bean
  RiskEngineMetrics riskEngineMetrics(MeterRegistry registry) {
    return new RiskEngineMetrics(registry);
  }

  @Bean
  RiskEngineStreams riskEngineStreams(
      RiskEngineProperties properties,
      ContractTopics topics,
      RiskEngineMetrics metrics,
      KafkaConnectionDetails connectionDetails,
      MeterRegistry registry) {
    return new RiskEngineStreams(
        RiskTopology.build(topics, properties, metrics, Clock.systemUTC()),
        properties,
        String.join(",", connectionDetails.getStreams().getBootstrapServers()),
        registry);
  }

  @Bean
  RiskEngineHealthIndicator riskEngineHealthIndicator(
      RiskEngineStreams streams, RiskEngineProperties properties) {
    return new RiskEngineHealthIndicator(streams, properties.autoStartup());
  }
}
