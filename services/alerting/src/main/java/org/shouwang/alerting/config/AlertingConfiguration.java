package org.shouwang.alerting.config;

import java.time.Clock;
import org.shouwang.alerting.AlertingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cross-cutting wiring: the typed configuration, the clock every deadline runs on, scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
@EnableScheduling
class AlertingConfiguration {

  /**
   * The one clock of deadlines, escalation and delivery; tests add a {@code @Primary} one to move
   * time.
   */
  @Bean
  Clock alertingClock(AlertingProperties properties) {
    return Clock.system(properties.zone());
  }
}
