package org.shouwang.riskengine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Consumer: the Kafka Streams topology that keeps each household's picture and raises alerts on
 * risk.alerts.
 */
@SpringBootApplication
@PropertySource("classpath:risk-engine.properties")
public class RiskEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(RiskEngineApplication.class, args);
  }
}
