package org.shouwang.audit.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the searches the API runs (the SQL of {@link AuditFilter}, first page of 100) on a filled
 * log, for the benchmark: the median of five runs and the plan's access path.
 */
public final class SearchTimings {

  private SearchTimings() {}

  /** One line per search: what, rows, median milliseconds, plan. */
  public static List<String> run(
      org.shouwang.audit.store.AuditLog log, String household, String actor) {
    Object[][] searches = {
      {"household timeline", household, null, null, null, null},
      {"common kind HOUSEHOLD_EVENT:MEDICAL_EXPENSE", null, "HOUSEHOLD_EVENT:MEDICAL_EXPENSE"},
      {"rare kind DEAD_LETTER:household.events", null, "DEAD_LETTER:household.events"},
      {"rare kind ALERT:MEDICAL_BURDEN", null, "ALERT:MEDICAL_BURDEN"},
      {"rare family DEAD_LETTER", null, "DEAD_LETTER"},
      {"common family ALERT", null, "ALERT"},
      {"bare code MEDICAL_BURDEN", null, "MEDICAL_BURDEN"},
      {"absent kind ALERT:DUPLICATE_PAYMENT", null, "ALERT:DUPLICATE_PAYMENT"},
      {"common actor risk-engine", null, null, "risk-engine"},
      {"rare actor " + actor, null, null, actor},
      {"absent actor nobody", null, null, "nobody"},
      {
        "one hour of occurred_at",
        null,
        null,
        null,
        "2026-03-02T09:00:00+08:00",
        "2026-03-02T10:00:00+08:00"
      },
    };
    List<String> lines = new ArrayList<>();
    // in the service's read transaction, as the search endpoint runs them
    log.read(c -> run(c, searches, lines));
    return lines;
  }

  private static Void run(Connection c, Object[][] searches, List<String> lines)
      throws SQLException {
    {
      for (Object[] search : searches) {
        Object[] a = Arrays.copyOf(search, 6);
        AuditFilter query =
            AuditFilter.of(
                (String) a[1],
                (String) a[2],
                null,
                (String) a[3],
                (String) a[4],
                (String) a[5],
                null);
        AuditFilter.Statement sql = query.sql(100);
        long[] nanos = new long[5];
        int rows = 0;
        for (int run = 0; run < nanos.length; run++) {
          long started = System.nanoTime();
          rows = count(c, sql.sql(), sql.params());
          nanos[run] = System.nanoTime() - started;
        }
        long[] raw = nanos.clone();
        Arrays.sort(nanos);
        lines.add(
            String.format(
                "%-48s %4d rows %8.2f ms  %s",
                a[0], rows, nanos[2] / 1e6, plan(c, sql.sql(), sql.params())));
        if (Boolean.getBoolean("bench.search.analyze")) {
          lines.add(
              "      runs (ms): "
                  + Arrays.toString(Arrays.stream(raw).map(x -> x / 1000).toArray()));
          try (PreparedStatement s = prepare(c, "EXPLAIN ANALYZE " + sql.sql(), sql.params());
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              lines.add("      " + rs.getString(1));
            }
          }
        }
      }
    }
    return null;
  }

  private static int count(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet rs = s.executeQuery()) {
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  private static String plan(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement s = prepare(c, "EXPLAIN " + sql, params);
        ResultSet rs = s.executeQuery()) {
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        String line = rs.getString(1).strip();
        if (line.startsWith("->")) {
          line = line.substring(2).strip();
        }
        if (line.contains("Scan")) {
          plan.append(plan.length() == 0 ? "" : " / ").append(line.replaceAll("  \\(cost.*", ""));
        }
      }
      return plan.toString();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    int i = 1;
    for (Object param : params) {
      s.setObject(i++, param);
    }
    return s;
  }
}
