package org.shouwang.audit.verify;

import java.time.Clock;
import java.time.Duration;
import org.shouwang.audit.AuditProperties;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.AuditMetrics;
import org.shouwang.audit.store.ReadAuditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Checkpoints and verification, and their schedules. */
@Configuration(proxyBeanMethods = false)
class VerifyConfiguration implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(VerifyConfiguration.class);

  private final AuditProperties properties;
  private final CheckpointWriter checkpointWriter;
  private final ChainVerification verification;

  VerifyConfiguration(
      AuditProperties properties,
      AuditLog auditLog,
      AuditMetrics metrics,
      ReadAuditor reads,
      Clock auditClock) {
    this.properties = properties;
    CheckpointFile file = new CheckpointFile(properties.checkpoint().path());
    this.checkpointWriter = new CheckpointWriter(auditLog, file, metrics, auditClock);
    // with checkpoints off, verification compares against none
    this.verification =
        new ChainVerification(auditLog, properties.checkpoint().enabled() ? file : null, reads);
  }

  @Bean
  ChainVerification chainVerification() {
    return verification;
  }

  @Bean
  CheckpointWriter checkpointWriter() {
    return checkpointWriter;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    Duration checkpointEvery = properties.checkpoint().interval();
    if (properties.checkpoint().enabled()
        && !checkpointEvery.isZero()
        && !checkpointEvery.isNegative()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(
              () -> guarded("checkpoint", checkpointWriter::writeIfMoved),
              checkpointEvery,
              checkpointEvery));
    }
    Duration verifyEvery = properties.verification().interval();
    if (!verifyEvery.isZero() && !verifyEvery.isNegative()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(
              () -> guarded("verification", verification::verifyAsSystem),
              verifyEvery,
              verifyEvery));
    }
  }

  private static void guarded(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // the next run tries again; the failure must not end the schedule
      log.error("audit {} failed: {}", what, e.toString(), e);
    }
  }
}
