package org.shouwang.audit.search;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shouwang.audit.AuditProperties;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.AuditLog;
import org.shouwang.audit.chain.ExportFormat;
import org.shouwang.audit.chain.ReadAuditor;
import org.shouwang.audit.chain.ReadKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Search and export of the log, for auditors and administrators; every call is itself logged. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditSearchController {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final AuditLog log;
  private final ReadAuditor reads;
  private final AuditProperties properties;
  private final Clock clock;

  AuditSearchController(
      AuditLog log, ReadAuditor reads, AuditProperties properties, Clock auditClock) {
    this.log = log;
    this.reads = reads;
    this.properties = properties;
    this.clock = auditClock;
  }

  /**
   * A page of entries, oldest first.
   *
   * @param nextAfterSequence pass as {@code afterSequence} for the next page; {@code null} on the
   *     last page
   */
  record Page(List<EntryView> entries, Long nextAfterSequence) {}

  @GetMapping("/events")
  Page events(
      @RequestParam(required = false) String householdId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long afterSequence,
      @RequestParam(required = false) Integer limit,
      Authentication user) {
    AuditQuery query = AuditQuery.of(householdId, kind, type, actor, from, to, afterSequence);
    int pageSize = limit == null ? properties.search().defaultLimit() : limit;
    if (pageSize < 1 || pageSize > properties.search().maxLimit()) {
      throw new BadQueryException(
          "parameter 'limit' must be between 1 and " + properties.search().maxLimit());
    }
    Map<String, Object> filters = query.filters();
    filters.put("limit", pageSize);
    reads.record(
        ReadKind.SEARCH, user.getName(), roles(user), "/api/v1/audit/events", filters, null);
    AuditQuery.Statement sql = query.sql(pageSize + 1);
    List<AuditEntry> rows =
        log.read(
            c -> {
              List<AuditEntry> found = new ArrayList<>(pageSize + 1);
              try (PreparedStatement s = prepare(c, sql);
                  ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  found.add(AuditLog.map(rs));
                }
              }
              return found;
            });
    boolean more = rows.size() > pageSize;
    List<AuditEntry> page = more ? rows.subList(0, pageSize) : rows;
    return new Page(
        page.stream().map(EntryView::of).toList(),
        more ? page.get(page.size() - 1).sequence() : null);
  }

  /**
   * The whole search as CSV or JSON lines, streamed from a database cursor: memory does not grow
   * with the number of rows. The format comes from {@code format}, else from {@code Accept} ({@code
   * text/csv}), else JSON lines.
   */
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(
      @RequestParam(required = false) String householdId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long afterSequence,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication user) {
    AuditQuery query = AuditQuery.of(householdId, kind, type, actor, from, to, afterSequence);
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
    Map<String, Object> filters = new LinkedHashMap<>(query.filters());
    filters.put("format", exportFormat.extension());
    reads.record(
        ReadKind.EXPORT, user.getName(), roles(user), "/api/v1/audit/export", filters, null);
    AuditQuery.Statement sql = query.sql(null);
    StreamingResponseBody body =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          exportFormat.writeHeader(writer);
          log.read(
              c -> {
                try (PreparedStatement s = prepare(c, sql)) {
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

  static List<String> roles(Authentication user) {
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
        .toList();
  }

  private static PreparedStatement prepare(java.sql.Connection c, AuditQuery.Statement sql)
      throws java.sql.SQLException {
    PreparedStatement s = c.prepareStatement(sql.sql());
    int i = 1;
    for (Object param : sql.params()) {
      s.setObject(i++, param);
    }
    return s;
  }
}
