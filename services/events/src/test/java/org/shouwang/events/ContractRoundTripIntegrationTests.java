package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.SharedKafka;

/**
 * Every event type travels through the real broker with the contract serdes and comes back equal.
 */
class ContractRoundTripIntegrationTests {

  @Test
  void everyEventTypeRoundTripsThroughTheBroker() throws Exception {
    String topic = SharedKafka.uniqueTopic(Topics.HOUSEHOLD_EVENTS.name());
    SharedKafka.createTopics(3, topic);
    ContractReader reader = new ContractReader();
    List<HouseholdEvent> sent = new ArrayList<>();
    for (EventType type : EventType.values()) {
      String json =
          Samples.event(type).replace("5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01", "e-" + type);
      sent.add(reader.readHouseholdEvent(json.getBytes(StandardCharsets.UTF_8)).orElseThrow());
    }

    try (KafkaProducer<String, HouseholdEvent> producer = producer()) {
      for (HouseholdEvent event : sent) {
        producer.send(new ProducerRecord<>(topic, event.householdId(), event)).get();
      }
    }

    List<HouseholdEvent> received = new ArrayList<>();
    try (KafkaConsumer<String, HouseholdEvent> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < sent.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, HouseholdEvent> record :
            consumer.poll(Duration.ofMillis(200))) {
          assertThat(record.key()).isEqualTo(record.value().householdId());
          received.add(record.value());
        }
      }
    }
    // one key, so one partition: the order is kept
    assertThat(received).containsExactlyElementsOf(sent);
  }

  private static KafkaProducer<String, HouseholdEvent> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        Topics.HOUSEHOLD_EVENTS.keySerde().serializer(),
        Topics.HOUSEHOLD_EVENTS.valueSerde().serializer());
  }

  private static KafkaConsumer<String, HouseholdEvent> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, SharedKafka.uniqueTopic("round-trip"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        Topics.HOUSEHOLD_EVENTS.keySerde().deserializer(),
        Topics.HOUSEHOLD_EVENTS.valueSerde().deserializer());
  }
}
