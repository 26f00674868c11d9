package org.shouwang.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's database keeps what it acknowledged when its server is killed: a case and
 * an audit entry committed just before a SIGKILL of the postmaster are there after a restart on the
 * same data. The server runs with fsync and synchronous commits on; with zonky's test defaults
 * (synchronous_commit off) a commit can be acknowledged before its WAL is written.
 */
class EmbeddedDatabaseCrashIntegrationTests {

  @TempDir Path data;

  @Test
  void syncsEveryCommitLikeAProductionServer() throws Exception {
    EmbeddedDatabase database = new EmbeddedDatabase(data.resolve("postgres"), freePort());
    database.start();
    try (Connection connection = connect(database, "postgres");
        Statement statement = connection.createStatement()) {
      assertThat(setting(statement, "fsync")).isEqualTo("on");
      assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
    } finally {
      database.close();
    }
  }

  @Test
  void keepsACommittedCaseAndAuditEntryWhenTheServerIsKilled() throws Exception {
    int port = freePort();
    EmbeddedDatabase first = new EmbeddedDatabase(data.resolve("postgres"), port);
    first.start();
    migrate(first, "alerting");
    migrate(first, "audit");
    UUID caseId = UUID.randomUUID();
    try (Connection alerting = connect(first, "alerting");
        PreparedStatement insert =
            alerting.prepareStatement(
                "INSERT INTO cases (case_id, household_id, audience, state, severity, opened_at,"
                    + " updated_at) VALUES (?, '430421-101-00001', 'CADRE', 'OPEN', 'HIGH', now(),"
                    + " now())")) {
      insert.setObject(1, caseId);
      assertThat(insert.executeUpdate()).isOne();
    }
    try (Connection audit = connect(first, "audit");
        Statement insert = audit.createStatement()) {
      assertThat(
              insert.executeUpdate(
                  "INSERT INTO audit_log (seq, appended_at, kind, household_id, actor, prev_hash,"
                      + " hash) VALUES (1, now(), 'CASE:VERIFY', '430421-101-00001', 'cadre-0001',"
                      + " repeat('0', 64), repeat('a', 64))"))
          .isOne();
    }

    ProcessHandle server = ProcessHandle.of(first.serverProcessId()).orElseThrow();
    assertThat(server.destroyForcibly()).as("SIGKILL sent to the postmaster").isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> !server.isAlive());
    // releases the JVM's lock on the data directory; its pg_ctl stop finds no server and says so
    first.close();
    // the killed server's backends notice the postmaster is gone and exit; the new server can
    // only attach the data directory once they have
    EmbeddedDatabase second = new EmbeddedDatabase(data.resolve("postgres"), port);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              second.start();
              return true;
            });
    try (Connection alerting = connect(second, "alerting");
        PreparedStatement query =
            alerting.prepareStatement("SELECT state FROM cases WHERE case_id = ?")) {
      query.setObject(1, caseId);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("the case survived the crash").isTrue();
        assertThat(rows.getString(1)).isEqualTo("OPEN");
      }
      try (Connection audit = connect(second, "audit");
          Statement statement = audit.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT actor, kind FROM audit_log WHERE seq = 1")) {
        assertThat(rows.next()).as("the audit entry survived the crash").isTrue();
        assertThat(rows.getString("actor")).isEqualTo("cadre-0001");
        assertThat(rows.getString("kind")).isEqualTo("CASE:VERIFY");
      }
    } finally {
      second.close();
    }
  }

  private static void migrate(EmbeddedDatabase database, String name) {
    Flyway.configure()
        .dataSource(database.ensureDatabase(name), database.username(), database.password())
        .locations("classpath:db/migration/" + name)
        .load()
        .migrate();
  }

  private static Connection connect(EmbeddedDatabase database, String name) throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(name), database.username(), database.password());
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
