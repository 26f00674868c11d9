package org.shouwang.simulator.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(config);
    this.eventsTopic = topics.name(Topics.HOUSEHOLD_EVENTS);
    this.paymentsTopic = topics.name(Topics.SUBSIDY_PAYMENTS);
    this.metrics = metrics;
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
