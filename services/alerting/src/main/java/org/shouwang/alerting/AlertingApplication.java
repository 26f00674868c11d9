package org.shouwang.alerting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * Consumer: turns alerts into cases that cadres work, routes and delivers notifications, escalates.
 */
@SpringBootApplication
@PropertySource("classpath:alerting.properties")
public class AlertingApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertingApplication.class, args);
  }
}
