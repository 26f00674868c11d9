package org.shouwang.console.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseState;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.platform.security.Role;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case lists straight from the alerting database (read only): most urgent first and filtered by
 * village and rule, which the case API does not offer (it pages by last update). Every query is
 * restricted by {@link #scope}, the same predicate as alerting's {@code CaseAccess.scope}: a cadre
 * sees CADRE cases of their own households, a supervisor CADRE cases of their township (the county
 * without one), auditors and administrators everything.
 */
@Component
class CaseLists {

  /** What a list shows. {@code state} null: every case not closed. */
  record Filter(
      CaseState state,
      boolean all,
      Severity severity,
      String township,
      String village,
      Boolean overdue,
      Rule rule,
      Audience audience,
      String householdId) {}

  record Row(
      UUID caseId,
      String householdId,
      Audience audience,
      CaseState state,
      Severity severity,
      String townshipCode,
      String villageCode,
      String cadreId,
      String deadlineKind,
      OffsetDateTime deadline,
      boolean overdue,
      int escalationLevel,
      OffsetDateTime openedAt,
      List<Rule> rules) {}

  record Counts(long total, long overdue, long escalated, long critical, long unacknowledged) {}

  record Result(List<Row> rows, Counts counts) {}

  private static final String SEVERITY_RANK =
      "case c.severity when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end";

  private final JdbcClient alerting;

  CaseLists(@Qualifier("alertingDatabase") JdbcClient alerting) {
    this.alerting = alerting;
  }

  Result list(ShouwangUser user, Filter filter, int page, int size, OffsetDateTime now) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    scope(user, where, params);
    if (filter.state() != null) {
      where.add("c.state = ?");
      params.add(filter.state().name());
    } else if (!filter.all()) {
      where.add("c.state not in ('RESOLVED', 'DISMISSED')");
    }
    if (filter.severity() != null) {
      where.add("c.severity = ?");
      params.add(filter.severity().name());
    }
    if (filter.township() != null) {
      where.add("c.township_code = ?");
      params.add(filter.township());
    }
    if (filter.village() != null) {
      where.add("c.village_code = ?");
      params.add(filter.village());
    }
    if (filter.audience() != null) {
      where.add("c.audience = ?");
      params.add(filter.audience().name());
    }
    if (filter.householdId() != null) {
      where.add("c.household_id = ?");
      params.add(filter.householdId());
    }
    if (filter.rule() != null) {
      where.add("exists (select 1 from alerts a where a.case_id = c.case_id and a.rule = ?)");
      params.add(filter.rule().name());
    }
    String overdue =
        "(c.state not in ('RESOLVED', 'DISMISSED') and c.deadline is not null and c.deadline <= ?)";
    if (filter.overdue() != null) {
      where.add(filter.overdue() ? overdue : "not " + overdue);
      params.add(now);
    }
    String condition = " where " + String.join(" and ", where);

    List<Object> countParams = new ArrayList<>();
    countParams.add(now);
    countParams.addAll(params);
    Counts counts =
        alerting
            .sql(
                "select count(*), count(*) filter (where "
                    + overdue
                    + "), count(*) filter (where c.escalation_level > 0"
                    + " and c.state not in ('RESOLVED', 'DISMISSED')),"
                    + " count(*) filter (where c.severity = 'CRITICAL'),"
                    + " count(*) filter (where c.state = 'OPEN') from cases c"
                    + condition)
            .params(countParams)
            .query(
                (rs, i) ->
                    new Counts(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
            .single();

    List<Object> rowParams = new ArrayList<>();
    rowParams.add(now);
    rowParams.addAll(params);
    rowParams.add(now);
    rowParams.add(size);
    rowParams.add((long) page * size);
    List<Row> rows =
        alerting
            .sql(
                "select c.case_id, c.household_id, c.audience, c.state, c.severity,"
                    + " c.township_code, c.village_code, c.cadre_id, c.deadline_kind, c.deadline,"
                    + " "
                    + overdue
                    + " as overdue, c.escalation_level, c.opened_at,"
                    + " (select string_agg(distinct a.rule, ',') from alerts a"
                    + " where a.case_id = c.case_id) as rules from cases c"
                    + condition
                    // overdue and escalated first, then the most severe, the nearest deadline
                    + " order by "
                    + overdue
                    + " desc, c.escalation_level desc, "
                    + SEVERITY_RANK
                    + " desc, c.deadline asc nulls last, c.opened_at, c.case_id"
                    + " limit ? offset ?")
            .params(rowParams)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("household_id"),
                        Audience.valueOf(rs.getString("audience")),
                        CaseState.valueOf(rs.getString("state")),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getString("township_code"),
                        rs.getString("village_code"),
                        rs.getString("cadre_id"),
                        rs.getString("deadline_kind"),
                        rs.getObject("deadline", OffsetDateTime.class),
                        rs.getBoolean("overdue"),
                        rs.getInt("escalation_level"),
                        rs.getObject("opened_at", OffsetDateTime.class),
                        rules(rs.getString("rules"))))
            .list();
    return new Result(rows, counts);
  }

  /** Alerting's {@code CaseAccess.scope}, as SQL over {@code cases c}. */
  static void scope(ShouwangUser user, List<String> where, List<Object> params) {
    if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
      return;
    }
    List<String> any = new ArrayList<>();
    if (user.has(Role.SUPERVISOR)) {
      if (user.townshipCode() == null) {
        any.add("true");
      } else {
        any.add("c.township_code = ?");
        params.add(user.townshipCode());
      }
    }
    if (user.has(Role.CADRE) && user.cadreId() != null) {
      any.add("c.cadre_id = ?");
      params.add(user.cadreId());
    }
    if (any.isEmpty()) {
      where.add("false");
      return;
    }
    where.add("(c.audience = 'CADRE' and (" + String.join(" or ", any) + "))");
  }

  private static List<Rule> rules(String csv) {
    if (csv == null || csv.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(Rule::valueOf).toList();
  }
}
