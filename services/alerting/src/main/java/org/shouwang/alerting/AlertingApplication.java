package org.shouwang.alerting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Consumer: turns alerts into cases that cadres work, routes and delivers notifications, escalates.
 */
@SpringBootApplication
public class AlertingApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertingApplication.class, args);
  }
}
