package org.shouwang.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shouwang.events.ContractReader;
import org.shouwang.ingest.IngestProperties;
import org.shouwang.platform.kafka.ContractTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Wires the intake: its idempotent producer, metrics and recent-id filter, and the filter's rebuild
 * at start.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

  @Bean(destroyMethod = "close")
  RecordPublisher ingestRecordPublisher(
      ProducerFactory<?, ?> bootProducerFactory, IngestProperties properties) {
    // Boot's factory carries the bootstrap servers, security and any spring.kafka.producer.*;
    // what makes the guarantee (idempotence, acks=all) is forced here
    Map<String, Object> config = new HashMap<>(bootProducerFactory.getConfigurationProperties());
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    IngestProperties.Producer tuning = properties.producer();
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    int lingerMs = (int) tuning.lingerMs().toMillis();
    config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) tuning.batchSize().toBytes());
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, tuning.bufferMemory().toBytes());
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, tuning.compression());
    int deliveryTimeout = (int) tuning.deliveryTimeout().toMillis();
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
    config.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeout - lingerMs, 30_000));
    // with the broker unreachable, send blocks this long for metadata before failing the request
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, tuning.maxBlock().toMillis());
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "shouwang-ingest");
    return new RecordPublisher(
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()));
  }

  @Bean
  IntakeMetrics ingestIntakeMetrics(MeterRegistry registry) {
    return new IntakeMetrics(registry);
  }

  @Bean
  Intake intake(
      ContractTopics topics,
      RecordPublisher ingestRecordPublisher,
      IntakeMetrics ingestIntakeMetrics,
      IngestProperties properties) {
    return new Intake(
        new ContractReader(),
        topics,
        ingestRecordPublisher,
        ingestIntakeMetrics,
        properties.produceTimeout(),
        properties.dedup().capacity());
  }

  @Bean
  DedupRebuild ingestDedupRebuild(
      Intake intake,
      ContractTopics topics,
      ConsumerFactory<?, ?> bootConsumerFactory,
      IngestProperties properties,
      IntakeMetrics ingestIntakeMetrics) {
    // Boot's consumer settings carry the bootstrap servers and security; the rest is forced: no
    // group (partitions are assigned), nothing committed, only committed transactions
    Map<String, Object> config = new HashMap<>(bootConsumerFactory.getConfigurationProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "shouwang-ingest-dedup-rebuild");
    config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return new DedupRebuild(
        intake,
        topics,
        () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        properties.dedup(),
        ingestIntakeMetrics,
        Clock.systemUTC());
  }
}
