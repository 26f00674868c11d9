package org.shouwang.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Producer service: a synthetic county, shaped like the seed, streaming a year of life with
 * labelled risk scenarios.
 */
@SpringBootApplication
@PropertySource("classpath:simulator.properties")
public class SimulatorApplication {

  public static void main(String[] args) {
    SpringApplication.run(SimulatorApplication.class, args);
  }
}
