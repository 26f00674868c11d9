package org.shouwang.audit.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shouwang.audit.chain.KindFamily;
import org.shouwang.audit.store.AuditSql;

/**
 * The filters of a search or an export of the log: every filter optional, oldest first,
 * keyset-paged on the sequence number. Both endpoints bind their query parameters to {@link
 * Parameters} and read them through {@link Parameters#filter()}.
 *
 * @param householdId entries of this household
 * @param kind a whole kind ({@code ALERT:MEDICAL_BURDEN}), a family ({@code ALERT}) or a code of
 *     any family ({@code MEDICAL_BURDEN})
 * @param actor entries by this actor (user, department, payer, {@code risk-engine}, {@code system})
 * @param from occurred at or after
 * @param to occurred before
 * @param afterSequence entries after this sequence number (the previous page's last)
 */
public record AuditFilter(
    String householdId, String kind, String actor, Instant from, Instant to, long afterSequence) {

  /**
   * The query parameters of a search or export, as bound by Spring MVC (by name).
   *
   * @param householdId see {@link AuditFilter#householdId}
   * @param kind see {@link AuditFilter#kind}
   * @param type the contract's name for {@code kind}
   * @param actor see {@link AuditFilter#actor}
   * @param from ISO-8601 time with an offset
   * @param to ISO-8601 time with an offset
   * @param afterSequence see {@link AuditFilter#afterSequence}
   */
  public record Parameters(
      String householdId,
      String kind,
      String type,
      String actor,
      String from,
      String to,
      Long afterSequence) {

    /** The filter, with an error naming any bad parameter. */
    public AuditFilter filter() {
      return of(householdId, kind, type, actor, from, to, afterSequence);
    }
  }

  /** Builds a filter from request parameters, with an error naming any bad parameter. */
  static AuditFilter of(
      String householdId,
      String kind,
      String type,
      String actor,
      String from,
      String to,
      Long afterSequence) {
    if (kind != null && type != null && !kind.equals(type)) {
      throw new BadQueryException(
          "parameters 'kind' and 'type' are the same filter and disagree: '"
              + kind
              + "' vs '"
              + type
              + "'");
    }
    if (afterSequence != null && afterSequence < 0) {
      throw new BadQueryException("parameter 'afterSequence' must be 0 or more");
    }
    Instant fromTime = time("from", from);
    Instant toTime = time("to", to);
    if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
      throw new BadQueryException("parameter 'from' must be before 'to'");
    }
    return new AuditFilter(
        blankToNull(householdId),
        blankToNull(kind != null ? kind : type),
        blankToNull(actor),
        fromTime,
        toTime,
        afterSequence == null ? 0 : afterSequence);
  }

  /** The filters as recorded in the read's audit entry. */
  public Map<String, Object> filters() {
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("householdId", householdId);
    filters.put("kind", kind);
    filters.put("actor", actor);
    filters.put("from", from);
    filters.put("to", to);
    filters.put("afterSequence", afterSequence == 0 ? null : afterSequence);
    return filters;
  }

  /** The SQL and its parameters; {@code limit} null for no limit (exports). */
  public Statement sql(Integer limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(AuditSql.COLUMNS)
            .append(" FROM audit_log WHERE seq > ?");
    List<Object> params = new ArrayList<>();
    params.add(afterSequence);
    if (householdId != null) {
      sql.append(" AND household_id = ?");
      params.add(householdId);
    }
    if (kind != null) {
      if (kind.indexOf(':') >= 0) {
        sql.append(" AND kind = ?");
        params.add(kind);
      } else if (KindFamily.of(kind).isPresent() && KindFamily.of(kind).get().name().equals(kind)) {
        // the column is COLLATE "C": ':' + 1 is ';', so this range is exactly the family's kinds
        sql.append(" AND kind >= ? AND kind < ?");
        params.add(kind + ":");
        params.add(kind + ";");
      } else {
        sql.append(" AND kind LIKE ?");
        params.add("%:" + kind.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
      }
    }
    if (actor != null) {
      sql.append(" AND actor = ?");
      params.add(actor);
    }
    if (from != null) {
      sql.append(" AND occurred_at >= ?");
      params.add(java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
    }
    if (to != null) {
      sql.append(" AND occurred_at < ?");
      params.add(java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
    }
    sql.append(" ORDER BY seq");
    if (limit != null) {
      sql.append(" LIMIT ?");
      params.add(limit);
    }
    return new Statement(sql.toString(), params);
  }

  /**
   * SQL with its parameters.
   *
   * @param sql the statement
   * @param params its parameters in order
   */
  public record Statement(String sql, List<Object> params) {

    /** The statement prepared on a connection, its parameters set. */
    public PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement s = c.prepareStatement(sql);
      int i = 1;
      for (Object param : params) {
        s.setObject(i++, param);
      }
      return s;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    // an unencoded '+' of an offset arrives as a space
    String text = value.strip().replace(' ', '+');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadQueryException(
          "parameter '"
              + name
              + "': '"
              + value
              + "' is not an ISO-8601 time with an offset, e.g. 2026-03-02T09:30:00+08:00");
    }
  }
}
