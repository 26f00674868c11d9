package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.SharedPostgres;

/**
 * docker-compose's {@code docker/postgres/init.sql} on a real PostgreSQL, then the services'
 * migrations run as compose runs them: every service and Grafana log in with their own
 * least-privileged role, no service can change the audit log or disable its trigger, Grafana only
 * reads. (The database names {@code alerting} and {@code audit} are the script's; this JVM's shared
 * server holds nothing else of those names.)
 */
class PostgresRolesIntegrationTests {

  static final Path INIT = ComposeFileTests.ROOT.resolve("docker/postgres/init.sql");
  static String serverUrl;
  static SharedPostgres.Database superuser;

  @BeforeAll
  static void runTheInitScriptAndTheMigrations() throws Exception {
    superuser = SharedPostgres.newDatabase("roles");
    serverUrl = superuser.jdbcUrl().substring(0, superuser.jdbcUrl().lastIndexOf('/') + 1);
    for (Map.Entry<String, String> part : scriptByDatabase().entrySet()) {
      try (Connection connection =
              DriverManager.getConnection(
                  part.getKey() == null ? superuser.jdbcUrl() : serverUrl + part.getKey(),
                  superuser.username(),
                  superuser.password());
          Statement statement = connection.createStatement()) {
        // one statement at a time, as psql runs them (CREATE DATABASE refuses a transaction)
        for (String sql : part.getValue().split(";\\s*\\n")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
    }
    Flyway.configure()
        .dataSource(serverUrl + "audit", "shouwang_audit_owner", "shouwang-audit-owner")
        .locations("classpath:db/migration/audit")
        .load()
        .migrate();
    Flyway.configure()
        .dataSource(serverUrl + "alerting", "shouwang_alerting", "shouwang-alerting")
        .locations("classpath:db/migration/alerting")
        .load()
        .migrate();
  }

  @Test
  void letsTheAuditServiceAppendAndReadButNeverChangeTheLog() throws SQLException {
    try (Connection audit = login("audit", "shouwang_audit", "shouwang-audit");
        Statement statement = audit.createStatement()) {
      statement.execute("BEGIN");
      statement.execute("SET LOCAL ROLE audit_audit_app");
      assertThatCode(
              () ->
                  statement.execute(
                      "INSERT INTO audit_log (seq, appended_at, kind, household_id, payload,"
                          + " prev_hash, hash) VALUES (1, now(), 'SUBSIDY_PAYMENT:EDUCATION_AID',"
                          + " 'H-1', convert_to('{\"period\":\"2026\",\"amount\":1250}', 'UTF8'),"
                          + " repeat('0', 64), repeat('1', 64))"))
          .doesNotThrowAnyException();
      statement.execute("COMMIT");
      assertThat(count(statement, "SELECT count(*) FROM audit_log")).isEqualTo(1);
      try (Connection owner =
              DriverManager.getConnection(
                  serverUrl + "audit", superuser.username(), superuser.password());
          Statement asOwner = owner.createStatement()) {
        assertThat(count(asOwner, "SELECT count(*) FROM board_payment"))
            .as("the board trigger writes as the table owner")
            .isEqualTo(1);
      }
      assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(
              () ->
                  statement.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
          .hasMessageContaining("must be owner");
      assertThatThrownBy(() -> statement.execute("SET session_replication_role = replica"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.execute("DROP TRIGGER audit_log_append_only ON audit_log"))
          .hasMessageContaining("must be owner");
    }
  }

  @Test
  void letsGrafanaReadTheBoardTablesAndTheCasesOnly() throws SQLException {
    try (Connection audit = login("audit", "grafana", "grafana");
        Statement statement = audit.createStatement()) {
      assertThatCode(() -> statement.executeQuery("SELECT * FROM board_payment").close())
          .doesNotThrowAnyException();
      assertThatCode(() -> statement.executeQuery("SELECT * FROM board_identification").close())
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM audit_log"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> statement.execute("DELETE FROM board_payment"))
          .hasMessageContaining("permission denied");
    }
    try (Connection alerting = login("alerting", "grafana", "grafana");
        Statement statement = alerting.createStatement()) {
      assertThatCode(() -> statement.executeQuery("SELECT * FROM cases").close())
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> statement.execute("DELETE FROM cases"))
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void letsTheConsoleReadBothDatabasesWithoutWriting() throws SQLException {
    for (String[] table : new String[][] {{"alerting", "cases"}, {"audit", "audit_log"}}) {
      try (Connection connection = login(table[0], "shouwang_console", "shouwang-console");
          Statement statement = connection.createStatement()) {
        assertThatCode(() -> statement.executeQuery("SELECT * FROM " + table[1]).close())
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> statement.execute("DELETE FROM " + table[1]))
            .isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  void keepsEachServiceOutOfTheOthersDatabase() {
    assertThatThrownBy(() -> login("audit", "shouwang_alerting", "shouwang-alerting").close())
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> login("alerting", "shouwang_audit", "shouwang-audit").close())
        .hasMessageContaining("permission denied");
  }

  /**
   * As CloudNativePG's managed roles make them (deploy/kubernetes): the app role exists before the
   * migrations and the owner is a member without the right to grant it, so V2 cannot grant the log
   * to it; the later migration does, and the service appends under the role.
   */
  @Test
  void grantsTheLogToTheAppRoleWhenAnOperatorManagesTheRoles() throws SQLException {
    try (Connection connection = superuser.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE managed_owner LOGIN PASSWORD 'owner'");
      statement.execute("CREATE ROLE managed_audit_audit_app NOLOGIN NOINHERIT");
      statement.execute(
          "CREATE ROLE managed_service LOGIN PASSWORD 'service' IN ROLE managed_audit_audit_app");
      statement.execute("GRANT managed_audit_audit_app TO managed_owner");
      statement.execute("CREATE DATABASE managed_audit OWNER managed_owner");
    }
    Flyway.configure()
        .dataSource(serverUrl + "managed_audit", "managed_owner", "owner")
        .locations("classpath:db/migration/audit")
        .load()
        .migrate();
    try (Connection audit = login("managed_audit", "managed_service", "service");
        Statement statement = audit.createStatement()) {
      statement.execute("BEGIN");
      statement.execute("SET LOCAL ROLE managed_audit_audit_app");
      statement.execute(
          "INSERT INTO audit_log (seq, appended_at, kind, prev_hash, hash)"
              + " VALUES (1, now(), 'CASE:OPENED', repeat('0', 64), repeat('1', 64))");
      statement.execute("COMMIT");
      assertThat(count(statement, "SELECT count(*) FROM audit_log")).isEqualTo(1);
      assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class);
    }
  }

  /** The script split at psql's {@code \connect}: the first part on any database. */
  private static Map<String, String> scriptByDatabase() throws IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    String database = null;
    StringBuilder sql = new StringBuilder();
    for (String line : Files.readAllLines(INIT)) {
      if (line.startsWith("\\connect ")) {
        parts.put(database, sql.toString());
        database = line.substring("\\connect ".length()).trim();
        sql.setLength(0);
      } else {
        sql.append(line).append('\n');
      }
    }
    parts.put(database, sql.toString());
    assertThat(parts.keySet()).containsExactly(null, "alerting", "audit");
    return parts;
  }

  private static Connection login(String database, String user, String password)
      throws SQLException {
    return DriverManager.getConnection(serverUrl + database, user, password);
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
