package org.shouwang.ingest.intake;

import java.util.List;
import java.util.Objects;
import org.shouwang.events.Violation;
import tools.jackson.databind.JsonNode;

/**
 * One record offered for intake, still unchecked.
 *
 * @param index position in a JSON batch (0-based), {@code null} for a CSV row
 * @param row row number of a CSV file as a spreadsheet shows it (the header is row 1), {@code null}
 *     for JSON
 * @param node the record as a JSON tree
 * @param conversionViolations what went wrong turning the source (a CSV row) into JSON; the
 *     contract check's own findings on these fields are left out so each problem is told once
 * @param original the record's JSON exactly as the client sent it, written to Kafka as is when
 *     valid; {@code null} when there is none (a CSV row), then the validated record is written
 */
public record Candidate(
    Integer index,
    Integer row,
    JsonNode node,
    List<Violation> conversionViolations,
    byte[] original) {

  public Candidate {
    conversionViolations = List.copyOf(conversionViolations);
  }

  /** The record at the given position of a JSON batch. */
  public static Candidate json(int index, JsonNode node) {
    return new Candidate(index, null, node, List.of(), null);
  }

  /** The record at the given position of a JSON batch, with the bytes it was sent as. */
  public static Candidate json(int index, JsonNode node, byte[] original) {
    return new Candidate(index, null, node, List.of(), original);
  }

  /** The record read from the given CSV row. */
  public static Candidate csvRow(int row, JsonNode node, List<Violation> conversionViolations) {
    return new Candidate(
        null, row, Objects.requireNonNull(node, "node"), conversionViolations, null);
  }
}
