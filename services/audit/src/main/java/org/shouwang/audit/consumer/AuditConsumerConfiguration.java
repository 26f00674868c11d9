package org.shouwang.audit.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.shouwang.audit.AuditProperties;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.AuditMetrics;
import org.shouwang.platform.kafka.ContractTopics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The consumer of every contract topic and dead-letter topic, as raw bytes, in batches. */
@Configuration(proxyBeanMethods = false)
class AuditConsumerConfiguration {

  @Bean
  RecordClassifier auditRecordClassifier(ContractTopics topics) {
    return new RecordClassifier(topics);
  }

  @Bean
  ConcurrentMessageListenerContainer<byte[], byte[]> auditListenerContainer(
      KafkaProperties kafka,
      AuditProperties properties,
      RecordClassifier classifier,
      AuditLog log,
      AuditMetrics metrics,
      Clock auditClock,
      MeterRegistry registry) {
    AuditProperties.Consumer consumer = properties.consumer();
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer.groupId());
    // raw bytes: the log keeps every record as received, valid or not
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // the audit log wants everything, from the beginning
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // alerts come from a transactional (exactly-once) producer: log what was committed only
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, consumer.maxPollRecords());
    DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
    // the consumer's own metrics (lag, fetch rate) on the boards and in the lag alert, as every
    // consumer factory of Spring Boot's gets them
    factory.addListener(new MicrometerConsumerListener<>(registry));

    ContainerProperties containerProperties = new ContainerProperties(classifier.topics());
    containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
    containerProperties.setMessageListener(
        new AuditRecordListener(classifier, log, metrics, auditClock));
    ConcurrentMessageListenerContainer<byte[], byte[]> container =
        new ConcurrentMessageListenerContainer<>(factory, containerProperties);
    container.setConcurrency(consumer.concurrency());
    container.setAutoStartup(consumer.enabled());
    container.setBeanName("auditListenerContainer");
    // a failed append (database down) is retried for ever with backoff: the log never skips a
    // record, so the consumer waits instead of recovering records elsewhere
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    return container;
  }
}
