package org.shouwang.ingest.csvimport;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.ingest.IngestProperties;
import org.shouwang.ingest.csvimport.CsvParser.CsvSyntaxException;
import org.shouwang.ingest.csvimport.CsvParser.Row;
import org.shouwang.ingest.intake.Candidate;
import org.shouwang.ingest.intake.Channel;
import org.shouwang.ingest.intake.Intake;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.IntakeResponses;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RequestBodies;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/imports/household-events} and {@code /imports/subsidy-payments}: a CSV file
 * ({@code text/csv}, UTF-8 unless the content type names another charset such as GB18030, header
 * row), answered row by row.
 */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("hasAnyRole('INGEST', 'ADMIN')")
class CsvImportController {

  static final String TEXT_CSV = "text/csv";

  private final Intake intake;
  private final IngestProperties properties;

  CsvImportController(Intake intake, IngestProperties properties) {
    this.intake = intake;
    this.properties = properties;
  }

  @PostMapping(path = "/household-events", consumes = TEXT_CSV)
  ResponseEntity<IntakeReport> householdEvents(
      HttpServletRequest request, @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    return ingest(RecordKind.HOUSEHOLD_EVENT, request, user);
  }

  @PostMapping(path = "/subsidy-payments", consumes = TEXT_CSV)
  ResponseEntity<IntakeReport> subsidyPayments(
      HttpServletRequest request, @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    return ingest(RecordKind.SUBSIDY_PAYMENT, request, user);
  }

  private ResponseEntity<IntakeReport> ingest(
      RecordKind kind, HttpServletRequest request, ShouwangUser user)
      throws IOException, InterruptedException {
    IngestProperties.Csv csv = properties.csv();
    byte[] body = RequestBodies.read(request, csv.maxBodySize());
    String text = decode(body, charset(request));
    List<Row> rows;
    try {
      rows = CsvParser.parse(text);
    } catch (CsvSyntaxException e) {
      throw badFile(e.getMessage() + "; nothing was written.");
    }
    if (rows.isEmpty() || rows.get(0).blank()) {
      throw badFile("The file is empty or its first row is blank: row 1 must name the columns.");
    }
    CsvLayout layout;
    try {
      layout = CsvLayout.of(kind, rows.get(0).cells(), csv.zone());
    } catch (CsvLayout.BadHeader e) {
      throw badFile("In the file, " + e.getMessage() + "; nothing was written.");
    }
    List<Row> dataRows = rows.subList(1, rows.size()).stream().filter(r -> !r.blank()).toList();
    if (dataRows.isEmpty()) {
      throw badFile("The file has a header but no data rows; nothing to take in.");
    }
    if (dataRows.size() > csv.maxRows()) {
      ErrorResponseException problem =
          IntakeResponses.problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "Too many rows",
              "The file has "
                  + dataRows.size()
                  + " data rows; at most "
                  + csv.maxRows()
                  + " are allowed per file. Split it; nothing was written.");
      problem.getBody().setProperty("code", "TOO_LARGE");
      throw problem;
    }
    List<Candidate> candidates = new ArrayList<>(dataRows.size());
    for (Row row : dataRows) {
      candidates.add(layout.map(row));
    }
    return IntakeResponses.of(intake.ingest(kind, Channel.CSV, candidates, user));
  }

  private static Charset charset(HttpServletRequest request) {
    try {
      Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
      return charset != null ? charset : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException e) {
      throw badFile("The content type names a charset this service does not know.");
    }
  }

  private static String decode(byte[] body, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw badFile(
          "The file is not valid "
              + charset.name()
              + " text. Save it as \"CSV UTF-8\", or send a GBK file as"
              + " 'text/csv; charset=GB18030'; nothing was written.");
    }
  }

  private static ErrorResponseException badFile(String detail) {
    ErrorResponseException problem =
        IntakeResponses.problem(HttpStatus.BAD_REQUEST, "Unreadable CSV file", detail);
    problem.getBody().setProperty("code", "MALFORMED_CSV");
    return problem;
  }
}
