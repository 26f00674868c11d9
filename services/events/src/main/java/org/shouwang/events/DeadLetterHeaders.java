package org.shouwang.events;

/**
 * Header names on {@code <topic>.dlt} records. The same names spring-kafka's {@code
 * DeadLetterPublishingRecoverer} writes, so every service's dead letters read alike whether a
 * listener container or Kafka Streams rejected them.
 */
public final class DeadLetterHeaders {

  public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  public static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
  public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";

  /** A closed-set reason (a {@link ViolationCode} or {@code PROCESSING_ERROR}) for metrics. */
  public static final String REASON_CODE = "shouwang_dlt-reason-code";

  /** Every violation as JSON: {@code [{"field":..,"code":..,"reason":..}]}. */
  public static final String VIOLATIONS = "shouwang_dlt-violations";

  private DeadLetterHeaders() {}
}
