package org.shouwang.audit.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.AuditMetrics;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;

/**
 * Appends each polled batch in one database transaction. The container commits the offsets only
 * after this returns, i.e. after the database commit; a crash in between redelivers records that
 * the log then skips (it is idempotent on topic, partition and offset).
 */
final class AuditRecordListener implements BatchConsumerAwareMessageListener<byte[], byte[]> {

  private final RecordClassifier classifier;
  private final AuditLog log;
  private final AuditMetrics metrics;
  private final Clock clock;

  AuditRecordListener(
      RecordClassifier classifier, AuditLog log, AuditMetrics metrics, Clock clock) {
    this.classifier = classifier;
    this.log = log;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    List<NewEntry> entries = new ArrayList<>(records.size());
    long oldest = Long.MAX_VALUE;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      entries.add(classifier.classify(record));
      if (record.timestamp() >= 0) {
        oldest = Math.min(oldest, record.timestamp());
      }
    }
    log.append(entries);
    long behind = 0;
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(partition);
      behind += lag.orElse(0);
    }
    long now = clock.millis();
    metrics.recordLag(behind, Duration.ofMillis(oldest == Long.MAX_VALUE ? 0 : now - oldest));
  }
}
