package org.shouwang.console.auditlog;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shouwang.console.api.ApiRefusal;
import org.shouwang.console.api.AuditApi;
import org.shouwang.console.security.CurrentUser;
import org.shouwang.console.web.Names;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit log for auditors: search (household, kind, actor, time range), a household's timeline,
 * verification of the chain and exports, all through the audit API as the user (which admits only
 * auditors and administrators; the console refuses others before asking).
 */
@Controller
class AuditPagesController {

  private static final int PAGE = 100;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final AuditApi audit;
  private final Names names;

  AuditPagesController(AuditApi audit, Names names) {
    this.audit = audit;
    this.names = names;
  }

  @GetMapping("/audit")
  String search(
      @RequestParam(required = false) String householdId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long after,
      Model model) {
    CurrentUser user = auditorOnly();
    model.addAttribute("user", user);
    model.addAttribute("q", new Query(householdId, kind, actor, from, to));
    Map<String, String> filters;
    try {
      filters = filters(householdId, kind, actor, from, to);
    } catch (DateTimeParseException e) {
      model.addAttribute("error", "时间格式不正确，请用日期时间选择器选择。");
      return "audit";
    }
    if (!filters.isEmpty()) {
      try {
        model.addAttribute("page", audit.search(filters, after, PAGE));
      } catch (ApiRefusal refusal) {
        if (refusal.status() != 400) {
          throw refusal;
        }
        model.addAttribute("error", "查询条件有误，请检查后重试。");
      }
      model.addAttribute("timeline", householdId != null && !householdId.isBlank());
      model.addAttribute("exportQuery", exportQuery(filters));
    }
    return "audit";
  }

  /** The form's values, echoed back. */
  record Query(String householdId, String kind, String actor, String from, String to) {}

  @PostMapping("/audit/verify")
  String verify(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
    CurrentUser user = auditorOnly();
    model.addAttribute("user", user);
    model.addAttribute("q", new Query(null, null, null, null, null));
    model.addAttribute("verification", audit.verify());
    return htmx != null ? "audit :: verification" : "audit";
  }

  @GetMapping("/audit/export")
  void export(
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String householdId,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse response)
      throws IOException {
    auditorOnly();
    boolean csv = !"jsonl".equals(format);
    Map<String, String> filters = filters(householdId, kind, actor, from, to);
    String stamp =
        LocalDateTime.now(names.zone())
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"shouwang-audit-" + stamp + (csv ? ".csv" : ".jsonl") + "\"");
    OutputStream out = response.getOutputStream();
    if (csv) {
      // Excel reads a CSV without a byte-order mark as the local code page: Chinese turns to
      // garbage. The BOM is not part of the exported rows, so offline verification is unaffected
      // once it is stripped (the audit API's own export has none).
      out.write(BOM);
    }
    audit.export(filters, csv ? "csv" : "jsonl", out);
    out.flush();
  }

  private Map<String, String> filters(
      String householdId, String kind, String actor, String from, String to) {
    Map<String, String> filters = new LinkedHashMap<>();
    put(filters, "householdId", householdId);
    put(filters, "kind", kind);
    put(filters, "actor", actor);
    if (from != null && !from.isBlank()) {
      filters.put("from", offset(from));
    }
    if (to != null && !to.isBlank()) {
      filters.put("to", offset(to));
    }
    return filters;
  }

  /** A {@code datetime-local} value, meant in the console's zone, with its offset. */
  private String offset(String local) {
    return LocalDateTime.parse(local.trim()).atZone(names.zone()).toOffsetDateTime().toString();
  }

  private static String exportQuery(Map<String, String> filters) {
    StringBuilder query = new StringBuilder();
    filters.forEach(
        (k, v) ->
            query
                .append('&')
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return query.toString();
  }

  private static void put(Map<String, String> filters, String name, String value) {
    if (value != null && !value.isBlank()) {
      filters.put(name, value.trim());
    }
  }

  private static CurrentUser auditorOnly() {
    CurrentUser user = CurrentUser.get();
    if (!user.auditor()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "audit log: auditors only");
    }
    return user;
  }
}
