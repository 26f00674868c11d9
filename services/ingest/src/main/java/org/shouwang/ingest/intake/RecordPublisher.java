package org.shouwang.ingest.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a request's records at once and waits until Kafka acknowledged (or refused) every one, so
 * the caller can tell the client the truth about each record.
 */
final class RecordPublisher implements AutoCloseable {

  /** Marks an acknowledged record. */
  private static final Object ACKNOWLEDGED = new Object();

  private final Producer<String, byte[]> producer;

  RecordPublisher(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  /** One record to send. */
  record Outgoing(String key, byte[] value) {}

  /**
   * Sends every record and waits for their acknowledgements.
   *
   * @return per record (same order): {@code null} when acknowledged, else why not
   */
  String[] publish(String topic, List<Outgoing> records, Duration timeout)
      throws InterruptedException {
    int n = records.size();
    AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(n);
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      Outgoing record = records.get(i);
      int slot = i;
      try {
        producer.send(
            new ProducerRecord<>(topic, record.key(), record.value()),
            (metadata, exception) -> {
              outcomes.set(slot, exception == null ? ACKNOWLEDGED : exception);
              done.countDown();
            });
      } catch (RuntimeException e) {
        // send refuses synchronously when the buffer stays full or the record is too large
        outcomes.set(slot, e);
        done.countDown();
      }
    }
    done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    String[] failures = new String[n];
    for (int i = 0; i < n; i++) {
      Object outcome = outcomes.get(i);
      if (outcome == null) {
        failures[i] =
            "Kafka did not acknowledge the record within "
                + timeout.toSeconds()
                + " s; it may still be stored, resending it is safe";
      } else if (outcome instanceof Exception e) {
        failures[i] =
            "Kafka did not store the record ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + "); resending it is safe";
      }
    }
    return failures;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
