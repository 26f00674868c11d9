package org.shouwang.riskengine.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.shouwang.events.ContractJson;
import org.shouwang.events.ContractViolationException;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.Violation;

/**
 * Sends an input record that cannot be processed to its topic's dead letters, as it came, with
 * headers that say where it came from and why (CONTRACT.md): the violations of an invalid record,
 * or {@link #PROCESSING_ERROR} and the exception of a valid one the engine failed on.
 */
final class DeadLetters {

  /** Reason code of a record that was valid but could not be processed. */
  static final String PROCESSING_ERROR = "PROCESSING_ERROR";

  private final ProcessorContext<Object, Object> context;
  private final RiskEngineMetrics metrics;

  DeadLetters(ProcessorContext<Object, Object> context, RiskEngineMetrics metrics) {
    this.context = context;
    this.metrics = metrics;
  }

  void send(
      Record<byte[], byte[]> record,
      RecordMetadata metadata,
      boolean payment,
      List<Violation> violations) {
    byte[] json;
    try {
      json = ContractJson.mapper().writeValueAsBytes(violations);
    } catch (RuntimeException e) {
      json = null;
    }
    send(
        record,
        metadata,
        payment,
        violations.get(0).code().name(),
        ContractViolationException.class.getName(),
        new ContractViolationException(violations).getMessage(),
        json);
  }

  void send(
      Record<byte[], byte[]> record,
      RecordMetadata metadata,
      boolean payment,
      String reason,
      String exceptionClass,
      String message,
      byte[] violationsJson) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    if (metadata != null) {
      headers.add(
          DeadLetterHeaders.ORIGINAL_TOPIC, metadata.topic().getBytes(StandardCharsets.UTF_8));
      headers.add(
          DeadLetterHeaders.ORIGINAL_PARTITION,
          ByteBuffer.allocate(Integer.BYTES).putInt(metadata.partition()).array());
      headers.add(
          DeadLetterHeaders.ORIGINAL_OFFSET,
          ByteBuffer.allocate(Long.BYTES).putLong(metadata.offset()).array());
    }
    headers.add(
        DeadLetterHeaders.ORIGINAL_TIMESTAMP,
        ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
    headers.add(DeadLetterHeaders.EXCEPTION_CLASS, exceptionClass.getBytes(StandardCharsets.UTF_8));
    headers.add(
        DeadLetterHeaders.EXCEPTION_MESSAGE,
        (message == null ? "" : message).getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetterHeaders.REASON_CODE, reason.getBytes(StandardCharsets.UTF_8));
    if (violationsJson != null) {
      headers.add(DeadLetterHeaders.VIOLATIONS, violationsJson);
    }
    context.forward(
        new Record<>(record.key(), record.value(), record.timestamp(), headers),
        payment ? RiskTopology.PAYMENTS_DLT_SINK : RiskTopology.EVENTS_DLT_SINK);
    metrics.deadLettered(payment ? "subsidy.payments" : "household.events", reason);
  }
}
