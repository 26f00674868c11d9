package org.shouwang.alerting.alerts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.alerting.cases.CaseAccess;
import org.shouwang.events.Alert;
import org.shouwang.events.Audience;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Rule;
import org.shouwang.platform.security.RequiredRoles;
import org.shouwang.platform.security.Role;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/alerts}: alerts exactly as the contract writes them, newest first, only those
 * the reader may see (a cadre never sees an audit finding).
 */
@RestController
@RequiredRoles(
    value = {Role.CADRE, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN},
    scope = "帮扶干部仅本人帮扶户；乡镇督导员仅本乡镇（县级督导员全县）；审计发现仅审计室与管理员可见")
class AlertController {

  private final JdbcClient jdbc;

  AlertController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/alerts")
  List<Alert> alerts(
      @AuthenticationPrincipal ShouwangUser user,
      @RequestParam(required = false) String householdId,
      @RequestParam(required = false) Rule rule,
      @RequestParam(required = false) Audience audience,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime since,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 1000");
    }
    CaseAccess.Scope scope = CaseAccess.scope(user, "a");
    List<String> where = new ArrayList<>(List.of(scope.predicate()));
    List<Object> params = new ArrayList<>(scope.params());
    if (householdId != null) {
      where.add("a.household_id = ?");
      params.add(householdId);
    }
    if (rule != null) {
      where.add("a.rule = ?");
      params.add(rule.name());
    }
    if (audience != null) {
      where.add("a.audience = ?");
      params.add(audience.name());
    }
    if (since != null) {
      where.add("a.detected_at >= ?");
      params.add(since);
    }
    params.add(limit);
    return jdbc.sql(
            "select a.payload from alerts a where "
                + String.join(" and ", where)
                + " order by a.detected_at desc, a.alert_id limit ?")
        .params(params)
        .query((rs, i) -> ContractJson.mapper().readValue(rs.getString(1), Alert.class))
        .list();
  }
}
