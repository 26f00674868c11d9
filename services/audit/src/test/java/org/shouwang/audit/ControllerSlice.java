package org.shouwang.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.shouwang.platform.security.PlatformSecurityConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a {@code @WebMvcTest} of an audit controller needs beside its mocked collaborators: the
 * platform's security (HTTP Basic, the demo accounts, method security, problem-detail refusals),
 * the service's settings and a fixed clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(PlatformSecurityConfiguration.class)
@EnableConfigurationProperties(AuditProperties.class)
public class ControllerSlice {

  /** When every slice request happens. */
  public static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

  @Bean
  Clock auditClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
