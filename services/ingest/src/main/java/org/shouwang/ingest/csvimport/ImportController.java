package org.shouwang.ingest.csvimport;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shouwang.ingest.IngestProperties;
import org.shouwang.ingest.csvimport.CsvParser.CsvSyntaxException;
import org.shouwang.ingest.csvimport.CsvParser.Row;
import org.shouwang.ingest.csvimport.ImportMetrics.Outcome;
import org.shouwang.ingest.csvimport.ImportMetrics.Upload;
import org.shouwang.ingest.intake.Candidate;
import org.shouwang.ingest.intake.Channel;
import org.shouwang.ingest.intake.Intake;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.IntakeResponses;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RequestBodies;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports/household-events} and {@code /imports/subsidy-payments}: a CSV file
 * ({@code text/csv}; UTF-8, GB18030 or the charset the content type names) or an Excel workbook
 * ({@code .xlsx}), as the raw body or as the {@code file} part of a {@code multipart/form-data}
 * upload, answered row by row; {@code GET /api/v1/imports/template.xlsx} serves the template
 * workbook.
 */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("hasAnyRole('INGEST', 'ADMIN')")
class ImportController {

  static final String TEXT_CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String KINDS = "{kind:household-events|subsidy-payments}";

  /** Title rows above the header that are skipped (one filled cell each). */
  static final int MAX_TITLE_ROWS = 3;

  /** The formats a file may have. */
  enum Format {
    CSV(Channel.CSV),
    XLSX(Channel.XLSX);

    private final Channel channel;

    Format(Channel channel) {
      this.channel = channel;
    }

    String tag() {
      return channel.tag();
    }
  }

  private final Intake intake;
  private final IngestProperties properties;
  private final ImportMetrics metrics;

  ImportController(Intake intake, IngestProperties properties, MeterRegistry registry) {
    this.intake = intake;
    this.properties = properties;
    this.metrics = new ImportMetrics(registry);
  }

  @PostMapping(path = "/" + KINDS, consumes = TEXT_CSV)
  ResponseEntity<IntakeReport> csv(
      @PathVariable String kind,
      HttpServletRequest request,
      @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    RecordKind recordKind = kind(kind);
    byte[] body = RequestBodies.read(request, properties.csv().maxBodySize());
    return ingestCsv(
        recordKind, body, declaredCharset(request.getContentType()), Upload.BODY, user);
  }

  @PostMapping(path = "/" + KINDS, consumes = XLSX)
  ResponseEntity<IntakeReport> xlsx(
      @PathVariable String kind,
      HttpServletRequest request,
      @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    RecordKind recordKind = kind(kind);
    long declared = request.getContentLengthLong();
    if (declared > properties.csv().maxBodySize().toBytes()) {
      // refused without reading
      throw tooLarge(declared);
    }
    Path file = Files.createTempFile("shouwang-import-", ".xlsx");
    try {
      try (InputStream in = request.getInputStream()) {
        copyLimited(in, file);
      }
      return ingestXlsx(recordKind, file, Upload.BODY, user);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @PostMapping(path = "/" + KINDS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<IntakeReport> upload(
      @PathVariable String kind,
      @RequestParam("file") MultipartFile file,
      @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    RecordKind recordKind = kind(kind);
    if (file.getSize() > properties.csv().maxBodySize().toBytes()) {
      throw tooLarge(file.getSize());
    }
    if (format(file) == Format.XLSX) {
      Path copy = Files.createTempFile("shouwang-import-", ".xlsx");
      try {
        try (InputStream in = file.getInputStream()) {
          copyLimited(in, copy);
        }
        return ingestXlsx(recordKind, copy, Upload.MULTIPART, user);
      } finally {
        Files.deleteIfExists(copy);
      }
    }
    return ingestCsv(
        recordKind,
        file.getBytes(),
        declaredCharset(file.getContentType()),
        Upload.MULTIPART,
        user);
  }

  @GetMapping(path = "/template.xlsx", produces = XLSX)
  ResponseEntity<byte[]> template(
      @RequestParam(name = "kind", defaultValue = "household-events") String kind) {
    RecordKind recordKind = kind(kind);
    String name = recordKind == RecordKind.HOUSEHOLD_EVENT ? "农户事件导入模板.xlsx" : "资金发放导入模板.xlsx";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(XLSX))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(ImportTemplate.of(recordKind));
  }

  /** The format of an uploaded part: its extension, else its content type, else its first bytes. */
  private static Format format(MultipartFile file) throws IOException {
    String name =
        file.getOriginalFilename() == null
            ? ""
            : file.getOriginalFilename().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return Format.XLSX;
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return Format.CSV;
    }
    if (file.getContentType() != null && file.getContentType().startsWith(XLSX)) {
      return Format.XLSX;
    }
    if (file.getContentType() != null && file.getContentType().startsWith(TEXT_CSV)) {
      return Format.CSV;
    }
    try (InputStream in = file.getInputStream()) {
      byte[] magic = in.readNBytes(4);
      // a zip archive ("PK\3\4") is a workbook; anything else is read as text
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3
          ? Format.XLSX
          : Format.CSV;
    }
  }

  private ResponseEntity<IntakeReport> ingestCsv(
      RecordKind kind, byte[] body, Charset declared, Upload upload, ShouwangUser user)
      throws InterruptedException {
    TextDecoding.Decoded decoded;
    try {
      decoded = TextDecoding.decode(body, declared);
    } catch (TextDecoding.Undecodable e) {
      metrics.file(kind, Format.CSV.tag(), "none", upload, Outcome.REFUSED);
      throw badFile(Format.CSV, e.chinese(), e.getMessage());
    }
    List<Row> rows;
    try {
      rows = CsvParser.parse(decoded.text());
    } catch (CsvSyntaxException e) {
      metrics.file(kind, Format.CSV.tag(), decoded.tag(), upload, Outcome.REFUSED);
      throw badFile(Format.CSV, "第" + e.row() + "行的引号不成对，或单元格内的引号没有写成两个（\"\"）", e.getMessage());
    }
    return ingestRows(kind, Format.CSV, decoded.tag(), rows, upload, user);
  }

  private ResponseEntity<IntakeReport> ingestXlsx(
      RecordKind kind, Path file, Upload upload, ShouwangUser user) throws InterruptedException {
    List<Row> rows;
    try {
      rows = XlsxReader.read(file, properties.csv().maxRows());
    } catch (XlsxReader.Unreadable e) {
      metrics.file(kind, Format.XLSX.tag(), "none", upload, Outcome.REFUSED);
      throw badFile(Format.XLSX, e.chinese(), e.getMessage());
    } catch (XlsxReader.TooManyRows e) {
      metrics.file(kind, Format.XLSX.tag(), "none", upload, Outcome.REFUSED);
      throw tooManyRows(-1);
    }
    return ingestRows(kind, Format.XLSX, "none", rows, upload, user);
  }

  /** The rows of a file (the first one the header) into the intake, with the Chinese report. */
  private ResponseEntity<IntakeReport> ingestRows(
      RecordKind kind,
      Format format,
      String encoding,
      List<Row> rows,
      Upload upload,
      ShouwangUser user)
      throws InterruptedException {
    IngestProperties.Csv limits = properties.csv();
    try {
      if (rows.stream().allMatch(Row::blank)) {
        throw badFile(format, "文件是空的：第1行应为列名", "The file is empty: row 1 must name the columns.");
      }
      int header = headerIndex(rows);
      CsvLayout layout;
      try {
        layout =
            CsvLayout.of(kind, rows.get(header).cells(), limits.zone(), rows.get(header).number());
      } catch (CsvLayout.BadHeader e) {
        throw badFile(format, e.chinese(), "In the file, " + e.getMessage() + ".");
      }
      String idKey = kind.idField();
      List<Row> dataRows =
          rows.subList(header + 1, rows.size()).stream()
              .filter(r -> !r.blank())
              .filter(r -> !layout.cell(r, idKey).startsWith(ImportTemplate.EXAMPLE_PREFIX))
              .toList();
      if (dataRows.isEmpty()) {
        throw badFile(
            format,
            "文件只有列名，没有数据行（编号以“示例”开头的模板示例行不导入）",
            "The file has a header but no data rows; nothing to take in.");
      }
      if (dataRows.size() > limits.maxRows()) {
        throw tooManyRows(dataRows.size());
      }
      List<CsvLayout.Mapped> mapped = new ArrayList<>(dataRows.size());
      List<Candidate> candidates = new ArrayList<>(dataRows.size());
      for (Row row : dataRows) {
        CsvLayout.Mapped m = layout.mapRow(row);
        mapped.add(m);
        candidates.add(m.candidate());
      }
      metrics.file(kind, format.tag(), encoding, upload, Outcome.READ);
      IntakeReport report = intake.ingest(kind, format.channel, candidates, user);
      return IntakeResponses.of(RowMessages.of(kind, layout, mapped, report));
    } catch (ErrorResponseException e) {
      if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()
          || e.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
        metrics.file(kind, format.tag(), encoding, upload, Outcome.REFUSED);
      }
      throw e;
    }
  }

  /**
   * Where the header is: after the title rows a county sheet often starts with ({@code
   * 2026年3月收入核定表}, one merged cell, or blank rows): up to {@link #MAX_TITLE_ROWS} rows of at most
   * one filled cell before the first row of several.
   */
  static int headerIndex(List<Row> rows) {
    // every row before the first one of several filled cells has at most one
    for (int i = 0; i <= MAX_TITLE_ROWS && i < rows.size(); i++) {
      if (filled(rows.get(i)) > 1) {
        return i;
      }
    }
    return 0;
  }

  private static long filled(Row row) {
    return row.cells().stream().filter(c -> !c.isBlank()).count();
  }

  private void copyLimited(InputStream in, Path file) throws IOException {
    long max = properties.csv().maxBodySize().toBytes();
    try (var out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > max) {
          throw tooLarge(-1);
        }
        out.write(buffer, 0, read);
      }
    }
  }

  private static RecordKind kind(String path) {
    return switch (path) {
      case "household-events" -> RecordKind.HOUSEHOLD_EVENT;
      case "subsidy-payments" -> RecordKind.SUBSIDY_PAYMENT;
      default ->
          throw problem(
              HttpStatus.BAD_REQUEST,
              "Unknown kind",
              "kind 应为 household-events 或 subsidy-payments (kind must be household-events or"
                  + " subsidy-payments)",
              "BAD_REQUEST");
    };
  }

  private static Charset declaredCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    try {
      return MediaType.parseMediaType(contentType).getCharset();
    } catch (IllegalArgumentException e) {
      throw badFile(
          Format.CSV,
          "内容类型中的字符集无法识别",
          "The content type names a charset this service does not know.");
    }
  }

  private ErrorResponseException tooManyRows(int rows) {
    int max = properties.csv().maxRows();
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "Too many rows",
        "文件的数据行超过每个文件 "
            + max
            + " 行的上限，请拆分后再导入；未写入任何数据。 (The file has "
            + (rows > 0 ? rows + " data rows" : "more data rows than allowed")
            + "; at most "
            + max
            + " are allowed per file. Split it; nothing was written.)",
        "TOO_LARGE");
  }

  private ErrorResponseException tooLarge(long size) {
    long max = properties.csv().maxBodySize().toBytes();
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "Body too large",
        "文件超过 "
            + properties.csv().maxBodySize().toMegabytes()
            + " MB 的上限，请拆分后再导入；未写入任何数据。 (The file"
            + (size > 0 ? " has " + size + " bytes; it" : "")
            + " may have at most "
            + max
            + " bytes. Split it; nothing was written.)",
        "TOO_LARGE");
  }

  /** A file refused as a whole: the reason in Chinese, then in English; nothing written. */
  private static ErrorResponseException badFile(Format format, String chinese, String english) {
    String title = format == Format.XLSX ? "Unreadable Excel workbook" : "Unreadable CSV file";
    return problem(
        HttpStatus.BAD_REQUEST,
        title,
        chinese + "；未写入任何数据。 (" + english.replaceAll("[.;]?\\s*$", "") + "; nothing was written.)",
        format == Format.XLSX ? "MALFORMED_XLSX" : "MALFORMED_CSV");
  }

  private static ErrorResponseException problem(
      HttpStatus status, String title, String detail, String code) {
    ErrorResponseException problem = IntakeResponses.problem(status, title, detail);
    problem.getBody().setProperty("code", code);
    return problem;
  }
}
