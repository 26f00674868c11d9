package org.shouwang.simulator.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.simulator.plan.SimRecord;

/**
 * Writes straight to the contract's topics, keyed by household: an idempotent producer with {@code
 * acks=all}, so a retried send is not written twice and an acknowledged one is durable.
 */
final class KafkaRecordSink implements RecordSink {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(KafkaRecordSink.class);

  private final KafkaProducer<String, byte[]> producer;
  private final String eventsTopic;
  private final String paymentsTopic;
  private final SimulationMetrics metrics;

  KafkaRecordSink(
      Map<String, Object> producerProperties, ContractTopics topics, SimulationMetrics metrics) {
    Map<String, Object> config = new HashMap<>(producerProperties);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "shouwang-simulator");
    // one request in flight: a retried batch can never fall out of the broker's window of
    // remembered sequence numbers (seen as OUT_OF_ORDER_SEQUENCE_NUMBER loops on a busy broker)
    config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(config);
    this.eventsTopic = topics.name(Topics.HOUSEHOLD_EVENTS);
    this.paymentsTopic = topics.name(Topics.SUBSIDY_PAYMENTS);
    this.metrics = metrics;
    awaitLeaders(config, List.of(eventsTopic, paymentsTopic), Duration.ofSeconds(60));
  }

  /**
   * Waits (bounded) until every partition of the topics has a leader: producing into topics created
   * a moment ago otherwise starts with a burst of NOT_LEADER_OR_FOLLOWER retries.
   */
  private static void awaitLeaders(
      Map<String, Object> producerConfig, List<String> topics, Duration atMost) {
    Map<String, Object> adminConfig = new HashMap<>();
    producerConfig.forEach(
        (key, value) -> {
          if (key.equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
              || key.startsWith("security.")
              || key.startsWith("sasl.")
              || key.startsWith("ssl.")) {
            adminConfig.put(key, value);
          }
        });
    long deadline = System.nanoTime() + atMost.toNanos();
    try (Admin admin = Admin.create(adminConfig)) {
      while (System.nanoTime() < deadline) {
        try {
          boolean ready =
              admin
                  .describeTopics(topics)
                  .allTopicNames()
                  .get(10, TimeUnit.SECONDS)
                  .values()
                  .stream()
                  .flatMap(d -> d.partitions().stream())
                  .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
          if (ready) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          log.debug("topics {} not ready yet: {}", topics, e.toString());
        }
        // a bounded pause between metadata checks
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
      log.warn("topics {} still have partitions without a leader; producing anyway", topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void send(List<SimRecord> records) {
    for (SimRecord record : records) {
      String topic = record.kind() == SimRecord.Kind.EVENT ? eventsTopic : paymentsTopic;
      producer.send(
          new ProducerRecord<>(topic, record.householdId(), ContractSerdes.toJson(record.value())),
          (metadata, error) -> {
            if (error == null) {
              metrics.sent(record);
            } else {
              metrics.failed(record, error);
            }
          });
    }
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
