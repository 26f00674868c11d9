package org.shouwang.alerting.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.shouwang.alerting.cases.CaseViews.CaseDetail;
import org.shouwang.alerting.cases.CaseViews.CaseSummary;
import org.shouwang.alerting.cases.CaseViews.Page;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseState;
import org.shouwang.events.Severity;
import org.shouwang.platform.security.RequiredRoles;
import org.shouwang.platform.security.Role;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case API: list and read cases in one's scope, and work them. Refusals: 404 for a case that
 * does not exist or is an audit finding outside the audit office, 403 for another cadre's or
 * another township's case, 409 for an action the case's state does not allow.
 */
@RestController
@RequestMapping("/api/v1/cases")
@RequiredRoles(
    value = {Role.CADRE, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN},
    scope = "帮扶干部仅本人帮扶户的案件；乡镇督导员仅本乡镇（县级督导员全县）；审计发现仅审计室与管理员可见、可办理")
class CaseController {

  private final CaseService cases;
  private final CaseQueries queries;
  private final Clock clock;

  CaseController(CaseService cases, CaseQueries queries, Clock clock) {
    this.cases = cases;
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping
  Page<CaseSummary> list(
      @AuthenticationPrincipal ShouwangUser user,
      @RequestParam(required = false) CaseState state,
      @RequestParam(required = false) String householdId,
      @RequestParam(required = false) String township,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Audience audience,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) String cadreId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 500) {
      throw CaseService.badRequest("page must be ≥ 0 and size between 1 and 500");
    }
    return queries.list(
        new CaseQueries.Filter(state, householdId, township, overdue, audience, severity, cadreId),
        user,
        page,
        size,
        OffsetDateTime.now(clock));
  }

  @GetMapping("/{id}")
  CaseDetail get(@AuthenticationPrincipal ShouwangUser user, @PathVariable UUID id) {
    CaseRow c = queries.find(id).orElseThrow(() -> CaseQueries.notFound(id));
    if (CaseAccess.hidden(user, c)) {
      throw CaseQueries.notFound(id);
    }
    if (!CaseAccess.canRead(user, c)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Case " + id + " is not yours to see: " + CaseQueries.whose(c));
    }
    return queries.detail(c, OffsetDateTime.now(clock));
  }

  /** Body of acknowledge: an optional note. */
  record Note(String note) {}

  /** Body of verify. */
  record Verification(Boolean confirmed, String reason) {}

  /** Body of measures. */
  record MeasureRequest(String kind, String description, BigDecimal amount) {}

  /** Body of resolve. */
  record Resolution(String outcome) {}

  @PostMapping("/{id}/acknowledge")
  CaseDetail acknowledge(
      @AuthenticationPrincipal ShouwangUser user,
      @PathVariable UUID id,
      @RequestBody(required = false) Note body) {
    return cases.acknowledge(id, user, body == null ? null : body.note());
  }

  @PostMapping("/{id}/verify")
  CaseDetail verify(
      @AuthenticationPrincipal ShouwangUser user,
      @PathVariable UUID id,
      @RequestBody Verification body) {
    return cases.verify(id, user, body.confirmed(), body.reason());
  }

  @PostMapping("/{id}/measures")
  CaseDetail measures(
      @AuthenticationPrincipal ShouwangUser user,
      @PathVariable UUID id,
      @RequestBody MeasureRequest body) {
    return cases.recordMeasure(id, user, body.kind(), body.description(), body.amount());
  }

  @PostMapping("/{id}/resolve")
  CaseDetail resolve(
      @AuthenticationPrincipal ShouwangUser user,
      @PathVariable UUID id,
      @RequestBody Resolution body) {
    return cases.resolve(id, user, body.outcome());
  }
}
