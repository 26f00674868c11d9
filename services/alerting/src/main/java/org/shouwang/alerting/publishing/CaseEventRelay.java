package org.shouwang.alerting.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.shouwang.events.Topic;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox to {@code case.events} (and the household events of case work to {@code
 * household.events}), oldest first. One relay at a time holds a transaction advisory lock, so
 * several instances keep the order; a row is marked published only after Kafka acknowledged it
 * (acks=all, idempotent producer): at least once, never lost.
 */
@Component
class CaseEventRelay {

  private static final Logger log = LoggerFactory.getLogger(CaseEventRelay.class);

  /** Arbitrary constant key of the advisory lock that serialises the relays of all instances. */
  private static final long RELAY_LOCK = 0x5357_4341_5345_0001L;

  private static final int BATCH = 500;

  private static final String HOUSEHOLD_EVENTS = Topics.HOUSEHOLD_EVENTS.name();

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final KafkaTemplate<Object, Object> kafka;
  private final String topic;
  private final Map<String, String> topicNames;
  private final Clock clock;
  private final PublishingMetrics metrics;
  private final java.time.Duration retention;

  CaseEventRelay(
      JdbcClient jdbc,
      TransactionTemplate tx,
      KafkaTemplate<Object, Object> kafkaTemplate,
      ContractTopics topics,
      Clock clock,
      PublishingMetrics metrics,
      org.shouwang.alerting.AlertingProperties properties) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.kafka = kafkaTemplate;
    this.topic = topics.name(Topics.CASE_EVENTS);
    // the outbox stores the contract's name of a topic; this deployment's name may be prefixed
    this.topicNames =
        Topics.all().stream().collect(Collectors.toMap(Topic::name, t -> topics.name(t)));
    this.clock = clock;
    this.metrics = metrics;
    this.retention = properties.publishedRetention();
  }

  @Scheduled(fixedDelayString = "${shouwang.alerting.publishing-interval:500ms}")
  void relay() {
    try {
      Integer sent;
      do {
        sent = tx.execute(status -> relayBatch());
      } while (sent != null && sent == BATCH);
      // published rows are only kept for a while, for operators to look into
      jdbc.sql("delete from case_event_outbox where published_at < ?")
          .param(OffsetDateTime.now(clock).minus(retention))
          .update();
    } catch (RuntimeException e) {
      metrics.failed();
      log.warn("Could not relay case events to {} (will retry): {}", topic, e.toString());
    }
    measureOldestUnpublished();
  }

  /** Measured after every pass, failed or not: a relay that keeps failing shows a growing age. */
  void measureOldestUnpublished() {
    try {
      OffsetDateTime oldest =
          jdbc.sql("select min(created_at) from case_event_outbox where published_at is null")
              .query((row, number) -> row.getObject(1, OffsetDateTime.class))
              .list()
              .get(0);
      OffsetDateTime now = OffsetDateTime.now(clock);
      metrics.oldestUnpublished(
          oldest == null ? java.time.Duration.ZERO : java.time.Duration.between(oldest, now));
    } catch (RuntimeException e) {
      log.warn("Could not measure the case-event outbox: {}", e.toString());
    }
  }

  private int relayBatch() {
    Boolean locked =
        jdbc.sql("select pg_try_advisory_xact_lock(?)")
            .param(RELAY_LOCK)
            .query(Boolean.class)
            .single();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    List<Row> rows =
        jdbc.sql(
                "select id, household_id, topic, payload from case_event_outbox"
                    + " where published_at is null order by id limit ?")
            .param(BATCH)
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    var futures =
        rows.stream()
            .map(
                r ->
                    kafka.send(
                        new ProducerRecord<>(
                            topicOf(r),
                            r.householdId(),
                            r.payload().getBytes(StandardCharsets.UTF_8))))
            .toList();
    try {
      for (var f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge case events", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    jdbc.sql("update case_event_outbox set published_at = ? where id = any(?)")
        .params(OffsetDateTime.now(clock), rows.stream().map(Row::id).toArray(Long[]::new))
        .update();
    long householdEvents = rows.stream().filter(r -> HOUSEHOLD_EVENTS.equals(r.topic())).count();
    metrics.published(rows.size() - (int) householdEvents);
    metrics.publishedHouseholdEvents((int) householdEvents);
    return rows.size();
  }

  private String topicOf(Row row) {
    String name = topicNames.get(row.topic());
    if (name == null) {
      throw new IllegalStateException(
          "Outbox row " + row.id() + " names topic '" + row.topic() + "', not a contract topic");
    }
    return name;
  }

  record Row(long id, String householdId, String topic, String payload) {}
}
