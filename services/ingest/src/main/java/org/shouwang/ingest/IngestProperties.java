package org.shouwang.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.ingest}: limits of the batch and import endpoints, the recent-id filter and the
 * tuning of the Kafka producer. Every default is the {@code @DefaultValue} here and nowhere else
 * ({@code ingest.properties} holds no {@code shouwang.ingest} key); durations are written {@code
 * 30s}, {@code 10s}, {@code 5ms}.
 *
 * @param maxRecords most records one JSON request may carry
 * @param maxBodySize largest JSON body accepted
 * @param produceTimeout how long a request waits for Kafka to acknowledge its records before it
 *     reports them as failed
 * @param dedup the bounded in-memory filter of recently accepted ids, rebuilt at start
 * @param csv the CSV import
 * @param producer the Kafka producer
 */
@Validated
@ConfigurationProperties("shouwang.ingest")
public record IngestProperties(
    @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxRecords,
    @DefaultValue("16MB") @NotNull DataSize maxBodySize,
    @DefaultValue("30s") @NotNull Duration produceTimeout,
    @DefaultValue @Valid Dedup dedup,
    @DefaultValue @Valid Csv csv,
    @DefaultValue @Valid Producer producer) {

  /**
   * The recent-id filter: ids Kafka acknowledged lately are not sent again. It lives in one
   * instance's memory and is rebuilt at start from the tail of the contract topics, so a producer
   * that resends a batch after a crash (of itself or of ingest) does not put an id on the topic
   * twice.
   *
   * @param capacity ids remembered per kind (household events, payments); 0 turns the filter off
   * @param rebuild how the filter is refilled from the topics at start
   */
  public record Dedup(
      @DefaultValue("100000") @Min(0) @Max(10_000_000) int capacity,
      @DefaultValue @Valid Rebuild rebuild) {}

  /**
   * The rebuild of the recent-id filter at start, before the service takes requests: the ids of the
   * last records of {@code household.events} and {@code subsidy.payments}, the newest {@code
   * capacity} of them by record time.
   *
   * @param enabled whether to rebuild at all (off: the filter starts empty, as before)
   * @param recordsPerPartition how many of the last records of each partition to read back; unset
   *     means the filter's capacity (enough however unevenly the households spread over the
   *     partitions)
   * @param maxAge only records younger than this (by record timestamp); {@code 0} means no age
   *     limit, only the record count
   * @param timeout how long the rebuild may take; past it (for instance with no broker) the service
   *     does not start, because starting without the filter would let a resent batch in twice
   */
  public record Rebuild(
      @DefaultValue("true") boolean enabled,
      @Min(1) Integer recordsPerPartition,
      @DefaultValue("0s") @NotNull Duration maxAge,
      @DefaultValue("2m") @NotNull Duration timeout) {}

  /**
   * The CSV import.
   *
   * @param maxBodySize largest file accepted
   * @param maxRows most data rows one file may carry
   * @param zone the time zone of times written without an offset ({@code 2026-03-02 09:30}); the
   *     platform's {@code shouwang.zone} unless set (ingest.properties)
   */
  public record Csv(
      @DefaultValue("32MB") @NotNull DataSize maxBodySize,
      @DefaultValue("50000") @Min(1) @Max(1_000_000) int maxRows,
      @NotNull ZoneId zone) {}

  /**
   * Tuning of the idempotent ({@code acks=all}) producer; other {@code spring.kafka.producer.*}
   * settings (security, bootstrap servers) still apply.
   *
   * @param lingerMs how long the producer waits to fill a batch; a duration like every other
   *     setting ({@code 5ms}), a bare number still reads as milliseconds so that the key's {@code
   *     -ms} suffix keeps meaning what it says
   * @param batchSize bytes per partition batch
   * @param bufferMemory bytes the producer may buffer before {@code send} blocks
   * @param compression {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd}
   * @param deliveryTimeout upper bound on the time to report success or failure of a send
   * @param maxBlock how long a send may wait for broker metadata or buffer space before the
   *     request's remaining records are reported as failed
   */
  public record Producer(
      @DefaultValue("5ms") @DurationUnit(ChronoUnit.MILLIS) @NotNull Duration lingerMs,
      @DefaultValue("256KB") @NotNull DataSize batchSize,
      @DefaultValue("64MB") @NotNull DataSize bufferMemory,
      @DefaultValue("lz4") @Pattern(regexp = "none|gzip|snappy|lz4|zstd") String compression,
      @DefaultValue("30s") @NotNull Duration deliveryTimeout,
      @DefaultValue("10s") @NotNull Duration maxBlock) {

    public Producer {
      if (lingerMs != null && (lingerMs.isNegative() || lingerMs.toMillis() > 1000)) {
        throw new IllegalArgumentException(
            "shouwang.ingest.producer.linger-ms must be between 0 and 1000 ms");
      }
    }
  }
}
