package org.shouwang.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * Producer service: department systems, cadres' apps and CSV files send household events and
 * subsidy payments into Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:ingest.properties")
public class IngestApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestApplication.class, args);
  }
}
