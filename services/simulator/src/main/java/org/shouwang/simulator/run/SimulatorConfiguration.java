package org.shouwang.simulator.run;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.shouwang.platform.kafka.ContractTopics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the simulation: properties, metrics, the factory, and the runner or the command. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

  @Bean
  SimulationMetrics simulationMetrics(MeterRegistry registry) {
    return new SimulationMetrics(registry);
  }

  @Bean
  SimulationFactory simulationFactory(
      SimulatorProperties properties,
      KafkaProperties kafka,
      ObjectProvider<KafkaConnectionDetails> connection,
      ContractTopics topics,
      SimulationMetrics metrics) {
    // an impossible county or threshold stops the boot here, with the reason
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
    properties.toConfig(now.minusYears(1), now);
    return new SimulationFactory(
        properties,
        () -> {
          Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
          KafkaConnectionDetails details = connection.getIfAvailable();
          if (details != null) {
            producer.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", details.getProducer().getBootstrapServers()));
          }
          return producer;
        },
        topics,
        metrics);
  }

  @Bean
  SimulationRunner simulationRunner(SimulationFactory factory, SimulationMetrics metrics) {
    return new SimulationRunner(factory, metrics, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(name = "shouwang.simulator.mode", havingValue = "command")
  SimulationCommand simulationCommand(SimulationFactory factory, SimulationMetrics metrics) {
    return new SimulationCommand(factory, metrics, Clock.systemUTC());
  }
}
