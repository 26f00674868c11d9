package org.shouwang.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.shouwang.events.ContractJson;
import org.shouwang.ingest.IngestProperties;
import org.shouwang.platform.kafka.ContractTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Refills the recent-id filter at start from the last records of {@code household.events} and
 * {@code subsidy.payments}, so that a batch resent after a crash is answered {@code DUPLICATE}
 * instead of landing twice. It runs as a lifecycle phase before the web server starts: until it is
 * done the service listens on no port and its readiness is not {@code ACCEPTING_TRAFFIC}. A rebuild
 * that does not finish within its timeout stops the start.
 *
 * <p>Per partition it reads the last {@code records-per-partition} records (optionally only those
 * younger than {@code max-age}), read-committed, takes each record's id from its JSON (a streaming
 * scan of the top level, no tree) and hands the newest {@code capacity} ids by record time to the
 * filter, oldest first, so the filter forgets them in the order it would have.
 */
final class DedupRebuild implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DedupRebuild.class);

  /** Before the web server's start ({@code START_STOP_LIFECYCLE_PHASE}, MAX_VALUE - 2048). */
  static final int PHASE = Integer.MAX_VALUE - 4096;

  private static final Duration POLL = Duration.ofMillis(200);

  /** What one kind's rebuild found. */
  record Outcome(RecordKind kind, int partitions, long recordsRead, int idsLoaded, Duration took) {}

  /** One record's id and time. */
  private record Seen(long timestamp, int partition, long offset, String id) {}

  private final Intake intake;
  private final ContractTopics topics;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final IngestProperties.Dedup dedup;
  private final IntakeMetrics metrics;
  private final Clock clock;
  private volatile boolean running;

  DedupRebuild(
      Intake intake,
      ContractTopics topics,
      Supplier<Consumer<byte[], byte[]>> consumers,
      IngestProperties.Dedup dedup,
      IntakeMetrics metrics,
      Clock clock) {
    this.intake = intake;
    this.topics = topics;
    this.consumers = consumers;
    this.dedup = dedup;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void start() {
    if (dedup.rebuild().enabled() && dedup.capacity() > 0) {
      long deadline = System.nanoTime() + dedup.rebuild().timeout().toNanos();
      for (RecordKind kind : RecordKind.values()) {
        Outcome outcome = rebuild(kind, deadline);
        metrics.rebuilt(outcome);
        log.info(
            "Recent-id filter of {} rebuilt from {} partition(s) of {}: {} record(s) read, {} id(s)"
                + " loaded in {} ms",
            kind.tag(),
            outcome.partitions(),
            topics.name(kind.topic()),
            outcome.recordsRead(),
            outcome.idsLoaded(),
            outcome.took().toMillis());
      }
    }
    running = true;
  }

  /** Reads back the tail of one kind's topic into its filter. */
  Outcome rebuild(RecordKind kind, long deadline) {
    long start = System.nanoTime();
    String topic = topics.name(kind.topic());
    List<Seen> seen = new ArrayList<>();
    long read = 0;
    int partitionCount;
    try (Consumer<byte[], byte[]> consumer = consumers.get()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline, topic));
      partitionCount = infos == null ? 0 : infos.size();
      if (partitionCount == 0) {
        return done(kind, 0, 0, List.of(), start);
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline, topic));
      Map<TopicPartition, Long> begins =
          consumer.beginningOffsets(partitions, remaining(deadline, topic));
      Map<TopicPartition, Long> starts = startOffsets(consumer, partitions, begins, ends, deadline);
      List<TopicPartition> toRead =
          partitions.stream().filter(tp -> starts.get(tp) < ends.get(tp)).toList();
      if (!toRead.isEmpty()) {
        consumer.assign(toRead);
        toRead.forEach(tp -> consumer.seek(tp, starts.get(tp)));
        List<TopicPartition> open = new ArrayList<>(toRead);
        while (!open.isEmpty()) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            read++;
            String id = id(record.value(), kind.idField());
            if (id != null) {
              seen.add(new Seen(record.timestamp(), record.partition(), record.offset(), id));
            }
          }
          // position() moves past transaction markers too, so a partition is done at its end
          open.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
          if (!open.isEmpty() && System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the recent-id filter could not be rebuilt from "
                    + topic
                    + " within shouwang.ingest.dedup.rebuild.timeout ("
                    + dedup.rebuild().timeout()
                    + "); partitions still unread: "
                    + open);
          }
        }
      }
    }
    seen.sort(
        Comparator.comparingLong(Seen::timestamp)
            .thenComparingInt(Seen::partition)
            .thenComparingLong(Seen::offset));
    List<String> ids = new ArrayList<>(Math.min(seen.size(), dedup.capacity()));
    for (int i = Math.max(0, seen.size() - dedup.capacity()); i < seen.size(); i++) {
      ids.add(seen.get(i).id());
    }
    intake.remember(kind, ids);
    return done(kind, partitionCount, read, ids, start);
  }

  private Map<TopicPartition, Long> startOffsets(
      Consumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> begins,
      Map<TopicPartition, Long> ends,
      long deadline) {
    int perPartition =
        dedup.rebuild().recordsPerPartition() != null
            ? dedup.rebuild().recordsPerPartition()
            : dedup.capacity();
    Map<TopicPartition, Long> starts = new HashMap<>();
    for (TopicPartition tp : partitions) {
      starts.put(tp, Math.max(begins.get(tp), ends.get(tp) - perPartition));
    }
    Duration maxAge = dedup.rebuild().maxAge();
    if (!maxAge.isZero() && !maxAge.isNegative()) {
      long since = clock.millis() - maxAge.toMillis();
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(tp -> query.put(tp, since));
      Map<TopicPartition, OffsetAndTimestamp> found =
          consumer.offsetsForTimes(query, remaining(deadline, "the offsets by time"));
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp at = found.get(tp);
        // no record that young: nothing of this partition is read
        long youngest = at == null ? ends.get(tp) : at.offset();
        starts.merge(tp, youngest, Math::max);
      }
    }
    return starts;
  }

  private Outcome done(RecordKind kind, int partitions, long read, List<String> ids, long start) {
    return new Outcome(
        kind, partitions, read, ids.size(), Duration.ofNanos(System.nanoTime() - start));
  }

  private Duration remaining(long deadline, String what) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new IllegalStateException(
          "the recent-id filter could not be rebuilt ("
              + what
              + ") within shouwang.ingest.dedup.rebuild.timeout ("
              + dedup.rebuild().timeout()
              + ")");
    }
    return Duration.ofNanos(left);
  }

  /**
   * The id field of a record's JSON, read by a streaming scan of the top level (the id is usually
   * the first field); {@code null} when the value is not a JSON object with that text field.
   */
  static String id(byte[] value, String idField) {
    if (value == null) {
      return null;
    }
    try (JsonParser parser = ContractJson.mapper().createParser(value)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.PROPERTY_NAME;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken valueToken = parser.nextToken();
        if (name.equals(idField)) {
          return valueToken == JsonToken.VALUE_STRING && !parser.getString().isBlank()
              ? parser.getString().strip()
              : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (JacksonException e) {
      // a record ingest would never have written; consumers dead-letter it
      return null;
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
