package org.shouwang.ingest.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.shouwang.events.Violation;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The outcome of one record.
 *
 * @param index position in the JSON batch (0-based); absent for CSV
 * @param row row number in the CSV file (the header is row 1); absent for JSON
 * @param id the record's {@code eventId} or {@code paymentId}, when it has one
 * @param status what became of it
 * @param violations why it was rejected: field, code and reason each
 * @param reason why it was a duplicate or failed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonSerialize(using = RecordResult.Writer.class)
public record RecordResult(
    Integer index,
    Integer row,
    String id,
    RecordStatus status,
    List<Violation> violations,
    String reason) {

  /**
   * Writes a result as the bean serializer would ({@code NON_EMPTY}, components in order), without
   * its reflection: a full batch answers with 10,000 of them, which made the bean serializer a
   * visible share of a request's time.
   */
  static final class Writer extends ValueSerializer<RecordResult> {

    @Override
    public void serialize(RecordResult result, JsonGenerator gen, SerializationContext context) {
      gen.writeStartObject(result);
      if (result.index() != null) {
        gen.writeNumberProperty("index", result.index());
      }
      if (result.row() != null) {
        gen.writeNumberProperty("row", result.row());
      }
      if (result.id() != null && !result.id().isEmpty()) {
        gen.writeStringProperty("id", result.id());
      }
      if (result.status() != null) {
        gen.writeStringProperty("status", result.status().name());
      }
      if (result.violations() != null && !result.violations().isEmpty()) {
        gen.writeName("violations");
        context.writeValue(gen, result.violations());
      }
      if (result.reason() != null && !result.reason().isEmpty()) {
        gen.writeStringProperty("reason", result.reason());
      }
      gen.writeEndObject();
    }
  }
}
