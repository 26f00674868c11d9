package org.shouwang.alerting.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shouwang.alerting.cases.CaseViews.Attempt;
import org.shouwang.alerting.cases.CaseViews.CaseAlert;
import org.shouwang.alerting.cases.CaseViews.CaseDetail;
import org.shouwang.alerting.cases.CaseViews.CaseSummary;
import org.shouwang.alerting.cases.CaseViews.HistoryEntry;
import org.shouwang.alerting.cases.CaseViews.Measure;
import org.shouwang.alerting.cases.CaseViews.Notification;
import org.shouwang.alerting.cases.CaseViews.Page;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseState;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Reads cases and what belongs to them. */
@Component
class CaseQueries {

  private final JdbcClient jdbc;

  CaseQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CaseRow> find(UUID caseId) {
    return jdbc.sql(CaseRow.SELECT + " where c.case_id = ?")
        .param(caseId)
        .query(CaseRow.class)
        .optional();
  }

  Optional<CaseRow> findForUpdate(UUID caseId) {
    return jdbc.sql(CaseRow.SELECT + " where c.case_id = ? for update of c")
        .param(caseId)
        .query(CaseRow.class)
        .optional();
  }

  Optional<CaseRow> findOpenForUpdate(String householdId, Audience audience) {
    return jdbc.sql(
            CaseRow.SELECT
                + " where c.household_id = ? and c.audience = ?"
                + " and c.state not in ('RESOLVED', 'DISMISSED') for update of c")
        .params(householdId, audience.name())
        .query(CaseRow.class)
        .optional();
  }

  Optional<UUID> lastClosed(String householdId, Audience audience) {
    return jdbc.sql(
            "select case_id from cases where household_id = ? and audience = ?"
                + " and state in ('RESOLVED', 'DISMISSED') order by closed_at desc limit 1")
        .params(householdId, audience.name())
        .query(UUID.class)
        .optional();
  }

  /** Filters of the case list; null means any. */
  record Filter(
      CaseState state,
      String householdId,
      String townshipCode,
      Boolean overdue,
      Audience audience,
      Severity severity,
      String cadreId) {}

  Page<CaseSummary> list(Filter filter, ShouwangUser user, int page, int size, OffsetDateTime now) {
    CaseAccess.Scope scope = CaseAccess.scope(user, "c");
    List<String> where = new ArrayList<>(List.of(scope.predicate()));
    List<Object> params = new ArrayList<>(scope.params());
    if (filter.state() != null) {
      where.add("c.state = ?");
      params.add(filter.state().name());
    }
    if (filter.householdId() != null) {
      where.add("c.household_id = ?");
      params.add(filter.householdId());
    }
    if (filter.townshipCode() != null) {
      where.add("c.township_code = ?");
      params.add(filter.townshipCode());
    }
    if (filter.audience() != null) {
      where.add("c.audience = ?");
      params.add(filter.audience().name());
    }
    if (filter.severity() != null) {
      where.add("c.severity = ?");
      params.add(filter.severity().name());
    }
    if (filter.cadreId() != null) {
      where.add("c.cadre_id = ?");
      params.add(filter.cadreId());
    }
    if (filter.overdue() != null) {
      String overdue =
          "(c.state not in ('RESOLVED', 'DISMISSED') and c.deadline is not null"
              + " and c.deadline <= ?)";
      where.add(filter.overdue() ? overdue : "not " + overdue);
      params.add(now);
    }
    String condition = " where " + String.join(" and ", where);
    long total =
        jdbc.sql("select count(*) from cases c" + condition)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<CaseSummary> items =
        jdbc
            .sql(
                CaseRow.SELECT
                    + condition
                    + " order by c.updated_at desc, c.case_id limit ? offset ?")
            .params(pageParams)
            .query(CaseRow.class)
            .list()
            .stream()
            .map(c -> CaseSummary.of(c, now))
            .toList();
    return new Page<>(items, page, size, total);
  }

  CaseDetail detail(CaseRow c, OffsetDateTime now) {
    List<CaseAlert> alerts =
        jdbc.sql(
                "select alert_id, rule, severity, payload, detected_at, received_at from alerts"
                    + " where case_id = ? order by detected_at, alert_id")
            .param(c.caseId())
            .query(
                (rs, i) -> {
                  Rule rule = Rule.valueOf(rs.getString("rule"));
                  String message =
                      org.shouwang.events.ContractJson.mapper()
                          .readTree(rs.getString("payload"))
                          .path("message")
                          .asString();
                  return new CaseAlert(
                      rs.getString("alert_id"),
                      rule,
                      rule.title(),
                      Severity.valueOf(rs.getString("severity")),
                      message,
                      rs.getObject("detected_at", OffsetDateTime.class),
                      rs.getObject("received_at", OffsetDateTime.class));
                })
            .list();
    List<HistoryEntry> history =
        jdbc.sql(
                "select at, actor, action, state, reason, details from case_history"
                    + " where case_id = ? order by id")
            .param(c.caseId())
            .query(HistoryEntry.class)
            .list();
    List<Measure> measures =
        jdbc.sql(
                "select id, kind, description, amount, recorded_by, recorded_at from measures"
                    + " where case_id = ? order by id")
            .param(c.caseId())
            .query(
                (rs, i) -> {
                  AssistanceMeasure kind = AssistanceMeasure.valueOf(rs.getString("kind"));
                  return new Measure(
                      rs.getLong("id"),
                      kind,
                      kind.chineseName(),
                      rs.getString("description"),
                      rs.getBigDecimal("amount"),
                      rs.getString("recorded_by"),
                      rs.getObject("recorded_at", OffsetDateTime.class));
                })
            .list();
    record NotificationRow(
        long id,
        String recipient,
        String status,
        String deliveredChannel,
        OffsetDateTime deliveredAt,
        OffsetDateTime sendAfter) {}
    List<Notification> notifications =
        jdbc
            .sql(
                "select n.id, n.recipient, n.status, n.delivered_channel, n.delivered_at,"
                    + " n.send_after from notifications n where n.id in"
                    + " (select notification_id from notification_items where case_id = ?)"
                    + " order by n.id")
            .param(c.caseId())
            .query(NotificationRow.class)
            .list()
            .stream()
            .map(
                n ->
                    new Notification(
                        n.id(),
                        n.recipient(),
                        n.status(),
                        n.deliveredChannel(),
                        n.deliveredAt(),
                        n.sendAfter(),
                        jdbc.sql(
                                "select channel, attempt, at, success, error, duration_ms"
                                    + " from delivery_attempts where notification_id = ?"
                                    + " order by id")
                            .param(n.id())
                            .query(Attempt.class)
                            .list()))
            .toList();
    return new CaseDetail(CaseSummary.of(c, now), alerts, history, measures, notifications);
  }

  static ResponseStatusException notFound(UUID caseId) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId);
  }

  /** Whose a case is, for a refusal's reason (no household data). */
  static String whose(CaseRow c) {
    return c.audience() == Audience.AUDITOR
        ? "it is an audit finding for the county audit office"
        : "it is a household of another cadre, outside your area";
  }
}
