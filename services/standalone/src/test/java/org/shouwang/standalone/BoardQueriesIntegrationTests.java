package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.SharedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * The boards' SQL on the services' real schemas (the audit and alerting Flyway migrations on the
 * shared PostgreSQL): the board tables the audit migration keeps from the log, every SQL panel and
 * variable query running with the board's time range, and the official indicators counted right.
 */
class BoardQueriesIntegrationTests {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant DAY_0 = NOW.minus(40, ChronoUnit.DAYS);

  static SharedPostgres.Database audit;
  static SharedPostgres.Database alerting;
  static long seq;

  @BeforeAll
  static void migrateAndAppend() throws SQLException {
    audit = SharedPostgres.newDatabase("boards_audit");
    alerting = SharedPostgres.newDatabase("boards_alerting");
    // entries appended before the board tables existed: the migration must take them over
    migrate(audit, "classpath:db/migration/audit", "2");
    try (Connection connection = audit.connect()) {
      append(
          connection,
          registered("H-1", "430421101", "西渡镇", "430421101201", "梅花村"),
          registered("H-2", "430421102", "台源镇", "430421102201", "寺门前村"),
          payment("H-1", "MINIMUM_LIVING_ALLOWANCE", "2026-11", "720.00", DAY_0));
    }
    migrate(audit, "classpath:db/migration/audit", null);
    migrate(alerting, "classpath:db/migration/alerting", null);
    try (Connection connection = audit.connect()) {
      append(
          connection,
          // H-1: a signal, identified 10 days later, a cadre's case resolved, risk eliminated
          alert("H-1", "MEDICAL_BURDEN", DAY_0),
          householdEvent(
              "H-1",
              "IDENTIFICATION_STEP",
              "{\"step\":\"COUNTY_DECISION\",\"admitted\":true,\"category\":\"MARGINAL\"}",
              DAY_0.plus(10, ChronoUnit.DAYS)),
          caseEvent("H-1", "RESOLVED", "CADRE", DAY_0.plus(12, ChronoUnit.DAYS)),
          caseEvent("H-1", "RESOLVED", "AUDITOR", DAY_0.plus(12, ChronoUnit.DAYS)),
          householdEvent(
              "H-1",
              "ELIMINATION_STEP",
              "{\"step\":\"COUNTY_DECISION\",\"approved\":true,\"eliminationType\":\"ASSISTED\"}",
              DAY_0.plus(30, ChronoUnit.DAYS)),
          // H-2: a self-declaration, identified 20 days later (late)
          householdEvent("H-2", "SELF_DECLARED", "{}", DAY_0),
          householdEvent(
              "H-2",
              "MONITORING_STATUS_CHANGED",
              "{\"status\":\"MONITORED\",\"category\":\"SUDDEN_HARDSHIP\"}",
              DAY_0.plus(20, ChronoUnit.DAYS)),
          payment("H-2", "EXTREME_POVERTY_SUPPORT", "2026-11", "468.00", DAY_0));
    }
    try (Connection connection = alerting.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into cases (case_id, household_id, audience, state, severity, township_code,"
              + " village_code, cadre_id, opened_at, updated_at) values (gen_random_uuid(), 'H-1',"
              + " 'CADRE', 'OPEN', 'HIGH', '430421101', '430421101201', 'cadre-0001', now(),"
              + " now())");
    }
  }

  @Test
  void everySqlPanelAndVariableOfTheBoardsReturnsRowsForTheBoardsTimeRange() throws Exception {
    for (Map.Entry<String, JsonNode> query : sqlQueries().entrySet()) {
      SharedPostgres.Database database =
          "alerting-db".equals(query.getValue().path("uid").asString()) ? alerting : audit;
      String sql = query.getKey();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(withGrafanaMacros(sql))) {
        assertThat(rows.next()).as("rows of %s", sql).isTrue();
      }
    }
  }

  @Test
  void takesOverTheEntriesAppendedBeforeTheBoardTablesExisted() throws SQLException {
    assertThat(column("SELECT township_name FROM board_household ORDER BY household_id"))
        .containsExactly("西渡镇", "台源镇");
    assertThat(
            column(
                "SELECT programme || ' ' || amount FROM board_payment"
                    + " WHERE household_id IN ('H-1', 'H-2') ORDER BY seq"))
        .containsExactly("MINIMUM_LIVING_ALLOWANCE 720.00", "EXTREME_POVERTY_SUPPORT 468.00");
  }

  @Test
  void countsTheOfficialIndicatorsByTownship() throws Exception {
    String indicators = panelSql("county-overview", "防返贫监测指标（按乡镇）");
    assertThat(rows(withGrafanaMacros(indicators)))
        .containsExactly(
            // township, identified, within 15 days, share, cases resolved, eliminated
            List.of("西渡镇", "1", "1", "100.0", "1", "1"), List.of("台源镇", "1", "0", "0.0", "0", "0"));
    assertThat(column(withGrafanaMacros(panelSql("county-overview", "15天内识别纳入占比"))))
        .containsExactly("50.0");
  }

  @Test
  void filtersByTownshipAndVillageCodes() throws Exception {
    String indicators =
        panelSql("county-overview", "防返贫监测指标（按乡镇）").replace("${township:regex}", "(430421102)");
    assertThat(rows(withGrafanaMacros(indicators)))
        .extracting(row -> row.get(0))
        .containsExactly("台源镇");
  }

  @Test
  void neverStopsAnAppendOverAnUnreadablePayload() throws SQLException {
    try (Connection connection = audit.connect()) {
      assertThatCode(
              () ->
                  append(
                      connection,
                      new Entry(
                          "SUBSIDY_PAYMENT:MINIMUM_LIVING_ALLOWANCE",
                          "H-9",
                          NOW,
                          "not json".getBytes(StandardCharsets.UTF_8)),
                      payment("H-9", "TEMPORARY_ASSISTANCE", "2026-12", "500.00", NOW)))
          .doesNotThrowAnyException();
    }
    assertThat(column("SELECT programme FROM board_payment WHERE household_id = 'H-9'"))
        .containsExactly("TEMPORARY_ASSISTANCE");
  }

  /** What Grafana does to a query: the last 90 days as its time range, the variables at 全部. */
  static String withGrafanaMacros(String sql) {
    return withGrafanaMacros(sql, "90 days");
  }

  /** What Grafana does to a query: a time range back from now, the variables at 全部. */
  static String withGrafanaMacros(String sql, String range) {
    return sql.replaceAll(
            "\\$__timeFilter\\(([^)]+)\\)",
            "$1 BETWEEN now() - interval '" + range + "' AND now() + interval '" + range + "'")
        .replace("${township:regex}", ".*")
        .replace("${village:regex}", ".*");
  }

  /** Every SQL of the boards: panel targets and variable queries, with their datasource. */
  static Map<String, JsonNode> sqlQueries() throws Exception {
    Map<String, JsonNode> queries = new LinkedHashMap<>();
    for (Path file : GrafanaDashboardsTests.dashboardFiles()) {
      JsonNode board = GrafanaDashboardsTests.read(file);
      for (JsonNode variable : board.path("templating").path("list")) {
        if (variable.path("datasource").path("type").asString().contains("postgres")) {
          queries.put(variable.path("query").asString(), variable.path("datasource"));
        }
      }
      for (JsonNode panel : board.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          if (!target.path("rawSql").asString("").isEmpty()) {
            queries.put(target.path("rawSql").asString(), target.path("datasource"));
          }
        }
      }
    }
    assertThat(queries).hasSizeGreaterThan(5);
    return queries;
  }

  private static String panelSql(String board, String title) {
    JsonNode panels =
        GrafanaDashboardsTests.read(GrafanaDashboardsTests.DASHBOARDS.resolve(board + ".json"))
            .path("panels");
    for (JsonNode panel : panels) {
      if (title.equals(panel.path("title").asString())) {
        return panel.path("targets").get(0).path("rawSql").asString();
      }
    }
    throw new AssertionError("no panel " + title + " on " + board);
  }

  private static List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = audit.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<String> column(String sql) throws SQLException {
    return rows(sql).stream().map(row -> row.get(0)).toList();
  }

  private static void migrate(SharedPostgres.Database database, String location, String target) {
    var configuration =
        Flyway.configure()
            .dataSource(database.jdbcUrl(), database.username(), database.password())
            .locations(location);
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }

  record Entry(String kind, String householdId, Instant occurredAt, byte[] payload) {}

  private static Entry registered(
      String household, String township, String townshipName, String village, String villageName) {
    return householdEvent(
        household,
        "HOUSEHOLD_REGISTERED",
        "{\"townshipCode\":\""
            + township
            + "\",\"townshipName\":\""
            + townshipName
            + "\",\"villageCode\":\""
            + village
            + "\",\"villageName\":\""
            + villageName
            + "\",\"members\":3,\"labourers\":1,\"formerlyPoor\":true,\"cadreId\":\"cadre-0001\"}",
        DAY_0.minus(1, ChronoUnit.DAYS));
  }

  private static Entry householdEvent(String household, String type, String data, Instant at) {
    String json =
        "{\"eventId\":\"e-"
            + (++seq)
            + "\",\"householdId\":\""
            + household
            + "\",\"type\":\""
            + type
            + "\",\"occurredAt\":\""
            + at
            + "\",\"source\":\"SYSTEM\",\"data\":"
            + data
            + "}";
    return new Entry(
        "HOUSEHOLD_EVENT:" + type, household, at, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Entry payment(
      String household, String programme, String period, String amount, Instant at) {
    String json =
        "{\"paymentId\":\"p-"
            + (++seq)
            + "\",\"householdId\":\""
            + household
            + "\",\"programme\":\""
            + programme
            + "\",\"period\":\""
            + period
            + "\",\"amount\":"
            + amount
            + ",\"paidAt\":\""
            + at
            + "\",\"payer\":\"衡阳县民政局\"}";
    return new Entry(
        "SUBSIDY_PAYMENT:" + programme, household, at, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Entry alert(String household, String rule, Instant at) {
    String json =
        "{\"alertId\":\"a-"
            + (++seq)
            + "\",\"householdId\":\""
            + household
            + "\",\"rule\":\""
            + rule
            + "\",\"audience\":\"CADRE\",\"detectedAt\":\""
            + at
            + "\"}";
    return new Entry("ALERT:" + rule, household, at, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Entry caseEvent(String household, String action, String audience, Instant at) {
    String json =
        "{\"eventId\":\"c-"
            + (++seq)
            + "\",\"householdId\":\""
            + household
            + "\",\"action\":\""
            + action
            + "\",\"audience\":\""
            + audience
            + "\",\"at\":\""
            + at
            + "\"}";
    return new Entry("CASE:" + action, household, at, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends entries in one statement, as the service's COPY of a batch does. */
  private static void append(Connection connection, Entry... entries) throws SQLException {
    long first;
    try (Statement statement = connection.createStatement();
        ResultSet max = statement.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_log")) {
      max.next();
      first = max.getLong(1) + 1;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO audit_log (seq, appended_at, occurred_at, kind, household_id, payload,"
                + " prev_hash, hash) VALUES ");
    for (int i = 0; i < entries.length; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, now(), ?, ?, ?, ?, ?, ?)");
    }
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (int i = 0; i < entries.length; i++) {
        insert.setLong(p++, first + i);
        insert.setTimestamp(p++, Timestamp.from(entries[i].occurredAt()));
        insert.setString(p++, entries[i].kind());
        insert.setString(p++, entries[i].householdId());
        insert.setBytes(p++, entries[i].payload());
        insert.setString(p++, "0".repeat(64));
        insert.setString(p++, "0".repeat(64));
      }
      insert.executeUpdate();
    }
  }
}
