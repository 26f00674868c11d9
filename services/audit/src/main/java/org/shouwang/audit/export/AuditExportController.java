package org.shouwang.audit.export;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shouwang.audit.chain.ReadKind;
import org.shouwang.audit.search.AuditFilter;
import org.shouwang.audit.search.BadQueryException;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.ReadAuditor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Export of the log, for auditors and administrators; every call is itself logged. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditExportController {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final AuditLog log;
  private final ReadAuditor reads;
  private final Clock clock;

  AuditExportController(AuditLog log, ReadAuditor reads, Clock auditClock) {
    this.log = log;
    this.reads = reads;
    this.clock = auditClock;
  }

  /**
   * The whole search as CSV or JSON lines, streamed from a database cursor: memory does not grow
   * with the number of rows. The format comes from {@code format}, else from {@code Accept} ({@code
   * text/csv}), else JSON lines.
   */
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(
      AuditFilter.Parameters parameters,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication user) {
    AuditFilter filter = parameters.filter();
    ExportFormat exportFormat;
    if (format != null) {
      try {
        exportFormat = ExportFormat.of(format);
      } catch (IllegalArgumentException e) {
        throw new BadQueryException("parameter 'format': " + e.getMessage());
      }
    } else {
      exportFormat =
          accept != null && accept.contains("text/csv") ? ExportFormat.CSV : ExportFormat.JSONL;
    }
    Map<String, Object> filters = new LinkedHashMap<>(filter.filters());
    filters.put("format", exportFormat.extension());
    reads.record(ReadKind.EXPORT, user, "/api/v1/audit/export", filters, null);
    AuditFilter.Statement sql = filter.sql(null);
    StreamingResponseBody body =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          exportFormat.writeHeader(writer);
          log.read(
              c -> {
                try (PreparedStatement s = sql.prepare(c)) {
                  // a cursor: rows arrive fetchSize at a time (autocommit is off in read())
                  s.setFetchSize(log.fetchSize());
                  AuditLog.binaryTransfer(s);
                  try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                      exportFormat.write(AuditLog.map(rs), writer);
                    }
                  }
                }
                return null;
              });
          writer.flush();
        };
    String filename =
        "audit-export-" + FILE_TIME.format(clock.instant()) + "." + exportFormat.extension();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(exportFormat.mediaType() + ";charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(body);
  }
}
