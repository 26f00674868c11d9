package org.shouwang.alerting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shouwang.events.Alert;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.testsupport.SharedKafka;

/** Alerts for tests, sent to the shared broker as the risk engine would. */
final class TestAlerts implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              SharedKafka.bootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all"),
          new StringSerializer(),
          new ByteArraySerializer());
  private final String topic;

  TestAlerts(String topic) {
    this.topic = topic;
  }

  private static final java.util.concurrent.atomic.AtomicInteger NEXT =
      new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(100));

  /**
   * A household id of township 430421101 no other test uses. The last two digits (all that survives
   * masking) differ between the households of one JVM, so a test can find its own household's
   * messages by the masked id.
   */
  static String household() {
    return String.format(
        "430421-101-%03d%02d",
        ThreadLocalRandom.current().nextInt(1000), NEXT.getAndIncrement() % 100);
  }

  static Alert alert(String householdId, Rule rule, Severity severity, String cadreId) {
    return new Alert(
        UUID.randomUUID().toString(),
        householdId,
        rule,
        1,
        null,
        severity,
        null,
        OffsetDateTime.now(),
        List.of(UUID.randomUUID().toString()),
        "近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元",
        "430421101",
        "430421101001",
        cadreId);
  }

  void send(Alert... alerts) {
    for (Alert alert : alerts) {
      sendRaw(alert.householdId(), ContractSerdes.toJson(alert));
    }
    producer.flush();
  }

  /** Sends without waiting for each record, then flushes: as fast as the producer goes. */
  void sendAll(List<Alert> alerts) {
    for (Alert alert : alerts) {
      producer.send(new ProducerRecord<>(topic, alert.householdId(), ContractSerdes.toJson(alert)));
    }
    producer.flush();
  }

  void sendRaw(String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  void sendRaw(String key, String value) {
    sendRaw(key, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }

  /** Everything on a topic so far, read from the beginning by a fresh consumer. */
  static final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    TopicReader(String topic) {
      consumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  SharedKafka.bootstrapServers(),
                  ConsumerConfig.GROUP_ID_CONFIG,
                  "test-reader-" + UUID.randomUUID(),
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              new StringDeserializer(),
              new ByteArrayDeserializer());
      consumer.subscribe(List.of(topic));
    }

    synchronized List<ConsumerRecord<String, byte[]>> records() {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      return List.copyOf(seen);
    }

    @Override
    public synchronized void close() {
      consumer.close();
    }
  }
}
