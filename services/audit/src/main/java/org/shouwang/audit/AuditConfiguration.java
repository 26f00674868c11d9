package org.shouwang.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.AuditMetrics;
import org.shouwang.audit.store.DatabaseRole;
import org.shouwang.audit.store.ReadAuditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the chain: metrics, the database role and the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
class AuditConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

  @Bean
  AuditMetrics auditMetrics(MeterRegistry registry) {
    return new AuditMetrics(registry);
  }

  @Bean
  Clock auditClock() {
    return Clock.systemUTC();
  }

  /** After Flyway, which creates the role. */
  @Bean
  DatabaseRole auditDatabaseRole(
      DataSource dataSource, AuditProperties properties, FlywayMigrationInitializer flyway)
      throws SQLException {
    if (!properties.database().leastPrivilegeRole()) {
      return DatabaseRole.LOGIN_USER;
    }
    DatabaseRole role = DatabaseRole.detect(dataSource);
    if (role.name() == null) {
      log.warn(
          "The audit role <database>_audit_app does not exist or is not granted: running as the"
              + " login user; the append-only trigger still refuses UPDATE and DELETE.");
    } else {
      log.info("Audit statements run as role {} (SELECT and INSERT only)", role.name());
    }
    return role;
  }

  @Bean
  AuditLog auditLog(
      DataSource dataSource,
      DatabaseRole role,
      Clock auditClock,
      AuditMetrics metrics,
      AuditProperties properties) {
    return new AuditLog(dataSource, role, auditClock, metrics, properties.search().fetchSize());
  }

  @Bean
  ReadAuditor readAuditor(AuditLog auditLog, Clock auditClock) {
    return new ReadAuditor(auditLog, auditClock);
  }
}
