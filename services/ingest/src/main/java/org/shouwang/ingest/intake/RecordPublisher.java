package org.shouwang.ingest.intake;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a request's records as they are checked and waits until Kafka acknowledged (or refused)
 * every one, so the caller can tell the client the truth about each record.
 */
final class RecordPublisher implements AutoCloseable {

  /** Marks an acknowledged record. */
  private static final Object ACKNOWLEDGED = new Object();

  private final Producer<String, byte[]> producer;

  RecordPublisher(Producer<String, byte[]> producer) {
    this.producer = producer;
  }

  /** Starts sending up to {@code capacity} records of one request to a topic. */
  Session session(String topic, int capacity) {
    return new Session(topic, capacity);
  }

  /** The records of one request in flight. Used by one thread; callbacks arrive on others. */
  final class Session {
    private final String topic;
    private final AtomicReferenceArray<Object> outcomes;
    // one permit per completed record: waiting for n sends is acquiring n permits
    private final Semaphore completed = new Semaphore(0);
    private int sent;
    private RuntimeException refused;

    private Session(String topic, int capacity) {
      this.topic = topic;
      this.outcomes = new AtomicReferenceArray<>(capacity);
    }

    /**
     * Sends one record now; returns its slot. Once a send failed at once (no broker metadata, a
     * full buffer), the rest of the request fails the same way without waiting again for each.
     */
    int send(String key, byte[] value) {
      int slot = sent++;
      if (refused != null) {
        outcomes.set(slot, refused);
        completed.release();
        return slot;
      }
      try {
        producer.send(
            new ProducerRecord<>(topic, key, value),
            (metadata, exception) -> {
              outcomes.set(slot, exception == null ? ACKNOWLEDGED : exception);
              completed.release();
            });
      } catch (RuntimeException e) {
        // send refuses synchronously when the buffer stays full or no metadata arrives in time
        refused = e;
        outcomes.set(slot, e);
        completed.release();
      }
      return slot;
    }

    /** Records sent so far. */
    int sent() {
      return sent;
    }

    /**
     * Waits for Kafka's answer on every record sent.
     *
     * @return per slot: {@code null} when acknowledged, else why not
     */
    String[] await(Duration timeout) throws InterruptedException {
      // false when some records are still unanswered: they are reported as such below
      boolean allAnswered = completed.tryAcquire(sent, timeout.toMillis(), TimeUnit.MILLISECONDS);
      String[] failures = new String[sent];
      for (int i = 0; i < sent; i++) {
        Object outcome = outcomes.get(i);
        if (outcome == null && !allAnswered) {
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
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
