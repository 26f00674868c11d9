package org.shouwang.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.audit}: the audit service's settings. Each default is given once: here, except
 * the checkpoint path's (in {@code audit.properties}); durations in the simple style ({@code 1m}).
 *
 * @param consumer the Kafka consumer that appends every topic
 * @param checkpoint the chain heads written outside the database
 * @param verification the periodic chain walk
 * @param search searches and exports
 * @param database how the service uses PostgreSQL
 */
@Validated
@ConfigurationProperties("shouwang.audit")
public record AuditProperties(
    @DefaultValue @Valid Consumer consumer,
    @DefaultValue @Valid Checkpoint checkpoint,
    @DefaultValue @Valid Verification verification,
    @DefaultValue @Valid Search search,
    @DefaultValue @Valid Database database) {

  /**
   * @param enabled consume at all (off for tools and tests that append directly)
   * @param groupId the consumer group, distinct from every other service's
   * @param concurrency consumer threads; appends are serialised by the chain lock, but a second
   *     thread classifies its batch while the first appends (about 1.45x on two cores)
   * @param maxPollRecords records per batch (one transaction each)
   */
  public record Consumer(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("shouwang-audit") @NotBlank String groupId,
      @DefaultValue("2") @Min(1) @Max(64) int concurrency,
      @DefaultValue("1000") @Min(1) @Max(20000) int maxPollRecords) {}

  /**
   * @param enabled write checkpoints
   * @param path the append-only file of chain heads (one JSON line each); its default, under {@code
   *     shouwang.data-dir}, is in {@code audit.properties} (a placeholder a {@code DefaultValue}
   *     would not resolve)
   * @param interval how often the head is written when it moved; 0 turns it off
   */
  public record Checkpoint(
      @DefaultValue("true") boolean enabled,
      @NotNull Path path,
      @DefaultValue("1m") @NotNull Duration interval) {}

  /**
   * @param interval how often the whole chain is verified by the service itself; 0 turns it off
   */
  public record Verification(@DefaultValue("1h") @NotNull Duration interval) {}

  /**
   * @param defaultLimit entries per page when the caller names none
   * @param maxLimit the largest page
   * @param fetchSize rows per cursor fetch of exports (verification walks with COPY, no cursor)
   */
  public record Search(
      @DefaultValue("100") @Min(1) int defaultLimit,
      @DefaultValue("1000") @Min(1) @Max(10000) int maxLimit,
      @DefaultValue("5000") @Min(10) @Max(100000) int fetchSize) {}

  /**
   * @param leastPrivilegeRole run every transaction as the {@code <database>_audit_app} role
   *     (SELECT and INSERT only) when migration V2 could create it
   */
  public record Database(@DefaultValue("true") boolean leastPrivilegeRole) {}
}
