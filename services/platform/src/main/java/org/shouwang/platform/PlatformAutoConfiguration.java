package org.shouwang.platform;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.shouwang.platform.metrics.CodeNameMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Marks the platform's auto-configuration; its defaults (actuator health, info and Prometheus
 * exposed, problem details on, build info) come from {@link PlatformDefaults}. Every service also
 * exports the code-name info series the boards' legends use ({@link CodeNameMetrics}).
 */
@AutoConfiguration
public class PlatformAutoConfiguration {

  @Bean
  MeterBinder codeNameMetrics() {
    return CodeNameMetrics::register;
  }
}
