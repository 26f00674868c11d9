package org.shouwang.ingest.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import org.shouwang.events.Violation;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
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
 * @param errors an imported row's problems in Chinese, with its column as the file writes it
 *     (imports only)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonSerialize(using = RecordResult.Writer.class)
public record RecordResult(
    Integer index,
    Integer row,
    String id,
    RecordStatus status,
    List<Violation> violations,
    String reason,
    List<RowError> errors) {

  public RecordResult(
      Integer index,
      Integer row,
      String id,
      RecordStatus status,
      List<Violation> violations,
      String reason) {
    this(index, row, id, status, violations, reason, List.of());
  }

  /** This result with the given Chinese problems. */
  public RecordResult withErrors(List<RowError> rowErrors) {
    return new RecordResult(index, row, id, status, violations, reason, List.copyOf(rowErrors));
  }

  /**
   * Writes a result as the bean serializer would ({@code NON_EMPTY}, components in order), without
   * its reflection: a full batch answers with 10,000 of them, which made the bean serializer a
   * visible share of a request's time.
   */
  static final class Writer extends ValueSerializer<RecordResult> {

    private static final SerializableString INDEX = new SerializedString("index");
    private static final SerializableString ROW = new SerializedString("row");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString VIOLATIONS = new SerializedString("violations");
    private static final SerializableString REASON = new SerializedString("reason");
    private static final SerializableString ERRORS = new SerializedString("errors");
    private static final SerializableString[] STATUSES =
        Arrays.stream(RecordStatus.values())
            .map(s -> new SerializedString(s.name()))
            .toArray(SerializableString[]::new);

    @Override
    public void serialize(RecordResult result, JsonGenerator gen, SerializationContext context) {
      gen.writeStartObject(result);
      if (result.index() != null) {
        gen.writeName(INDEX);
        gen.writeNumber(result.index());
      }
      if (result.row() != null) {
        gen.writeName(ROW);
        gen.writeNumber(result.row());
      }
      if (result.id() != null && !result.id().isEmpty()) {
        gen.writeName(ID);
        gen.writeString(result.id());
      }
      if (result.status() != null) {
        gen.writeName(STATUS);
        gen.writeString(STATUSES[result.status().ordinal()]);
      }
      if (result.violations() != null && !result.violations().isEmpty()) {
        gen.writeName(VIOLATIONS);
        context.writeValue(gen, result.violations());
      }
      if (result.reason() != null && !result.reason().isEmpty()) {
        gen.writeName(REASON);
        gen.writeString(result.reason());
      }
      if (result.errors() != null && !result.errors().isEmpty()) {
        gen.writeName(ERRORS);
        context.writeValue(gen, result.errors());
      }
      gen.writeEndObject();
    }
  }
}
