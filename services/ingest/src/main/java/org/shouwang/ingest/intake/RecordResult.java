package org.shouwang.ingest.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.shouwang.events.Violation;

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
public record RecordResult(
    Integer index,
    Integer row,
    String id,
    RecordStatus status,
    List<Violation> violations,
    String reason) {}
