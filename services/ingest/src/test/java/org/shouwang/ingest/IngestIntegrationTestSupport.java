package org.shouwang.ingest;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.shouwang.events.Topic;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * One ingest application on the shared broker for every integration test class (one Spring
 * context): small limits so the limit tests stay small; tests tell their records apart by unique
 * ids.
 */
@SpringBootTest(
    properties = {
      "shouwang.ingest.max-records=50",
      "shouwang.ingest.max-body-size=64KB",
      "shouwang.ingest.csv.max-rows=20",
      "shouwang.kafka.partitions=3"
    })
@AutoConfigureMockMvc
public abstract class IngestIntegrationTestSupport {

  private static final String PREFIX = SharedKafka.uniqueTopic("ingest") + ".";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
  }

  @Autowired protected MockMvcTester mvc;
  @Autowired protected ContractTopics topics;

  protected static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":shouwang").getBytes(StandardCharsets.UTF_8));
  }

  protected static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A valid medical expense event of the given household. */
  protected static String medicalExpense(String eventId, String householdId) {
    return """
        {"eventId":"%s","householdId":"%s","type":"MEDICAL_EXPENSE",\
        "occurredAt":"2026-03-02T09:30:00+08:00","source":"DEPARTMENT",\
        "department":"MEDICAL_INSURANCE",\
        "data":{"memberId":"m2","outOfPocket":8500.00,"inpatient":true}}"""
        .formatted(eventId, householdId);
  }

  /** A valid 低保 payment of the given household. */
  protected static String payment(String paymentId, String householdId) {
    return """
        {"paymentId":"%s","householdId":"%s","programme":"MINIMUM_LIVING_ALLOWANCE",\
        "period":"2026-03","amount":720.00,"paidAt":"2026-03-10T10:00:00+08:00",\
        "payer":"衡阳县民政局"}"""
        .formatted(paymentId, householdId);
  }

  protected static String array(List<String> records) {
    return "[" + String.join(",", records) + "]";
  }

  /**
   * Reads the topic from the beginning until the given condition holds on the records read so far
   * (records of other tests included), and returns those records.
   */
  protected List<ConsumerRecord<String, byte[]>> readUntil(
      Topic<?, ?> contractTopic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    String topic = topics.name(contractTopic);
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return done.test(read);
              });
    }
    return read;
  }

  /** The value of a record as text. */
  protected static String value(ConsumerRecord<String, byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }
}
