package org.shouwang.audit.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shouwang.audit.AuditProperties;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.ReadKind;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.ReadAuditor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search of the log, for auditors and administrators; every call is itself logged. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditSearchController {

  private final AuditLog log;
  private final ReadAuditor reads;
  private final AuditProperties properties;

  AuditSearchController(AuditLog log, ReadAuditor reads, AuditProperties properties) {
    this.log = log;
    this.reads = reads;
    this.properties = properties;
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
      AuditFilter.Parameters parameters,
      @RequestParam(required = false) Integer limit,
      Authentication user) {
    AuditFilter filter = parameters.filter();
    int pageSize = limit == null ? properties.search().defaultLimit() : limit;
    if (pageSize < 1 || pageSize > properties.search().maxLimit()) {
      throw new BadQueryException(
          "parameter 'limit' must be between 1 and " + properties.search().maxLimit());
    }
    Map<String, Object> filters = filter.filters();
    filters.put("limit", pageSize);
    reads.record(ReadKind.SEARCH, user, "/api/v1/audit/events", filters, null);
    AuditFilter.Statement sql = filter.sql(pageSize + 1);
    List<AuditEntry> rows =
        log.read(
            c -> {
              List<AuditEntry> found = new ArrayList<>(pageSize + 1);
              try (PreparedStatement s = sql.prepare(c);
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
}
