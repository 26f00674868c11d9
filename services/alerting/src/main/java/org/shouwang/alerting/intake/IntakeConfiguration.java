package org.shouwang.alerting.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.ContractViolationException;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.Topic;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Error handling of the alert listener: a record that cannot be read (a {@link
 * ContractViolationException} inside the {@code ErrorHandlingDeserializer}) goes straight to {@code
 * risk.alerts.dlt}; one whose processing fails is retried with exponential backoff first. The dead
 * letter keeps the original key and bytes, with the reason in headers. Boot applies this {@code
 * CommonErrorHandler} bean to its listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

  static final String PROCESSING_ERROR = "PROCESSING_ERROR";
  private static final ContractReader READER = new ContractReader();

  @Bean
  DefaultErrorHandler alertErrorHandler(
      KafkaTemplate<Object, Object> kafkaTemplate,
      AlertingProperties properties,
      IntakeMetrics metrics) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            kafkaTemplate,
            (record, ex) -> {
              metrics.deadLettered(reasonCode(ex));
              // a negative partition lets the partitioner place it by the original key
              return new TopicPartition(record.topic() + Topic.DLT_SUFFIX, -1);
            });
    recoverer.setHeadersFunction((record, ex) -> reasonHeaders(ex));
    AlertingProperties.Consumer consumer = properties.consumer();
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(consumer.retryMaxAttempts());
    backOff.setInitialInterval(consumer.retryInitialInterval().toMillis());
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(30_000);
    return new DefaultErrorHandler(recoverer, backOff);
  }

  private static Headers reasonHeaders(Exception ex) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.REASON_CODE, reasonCode(ex).getBytes(StandardCharsets.UTF_8));
    List<Violation> violations = violations(ex);
    if (!violations.isEmpty()) {
      headers.add(DeadLetterHeaders.VIOLATIONS, ContractSerdes.toJson(violations));
    }
    return headers;
  }

  static String reasonCode(Exception ex) {
    List<Violation> violations = violations(ex);
    if (!violations.isEmpty()) {
      return violations.get(0).code().name();
    }
    return find(ex, DeserializationException.class) != null
        ? ViolationCode.MALFORMED_JSON.name()
        : PROCESSING_ERROR;
  }

  /**
   * The contract violations of a record that could not be read. The exception reaches the error
   * handler through a header (Java serialization, which drops the violation list), so they are read
   * again from the original bytes.
   */
  private static List<Violation> violations(Exception ex) {
    DeserializationException failed = find(ex, DeserializationException.class);
    if (failed == null || failed.getData() == null) {
      return List.of();
    }
    return READER.readAlert(failed.getData()).violations();
  }

  private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
