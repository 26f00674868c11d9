package org.shouwang.audit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.shouwang.testsupport.SharedPostgres;

/**
 * A fresh database on the shared PostgreSQL, migrated, with the service's append path on it: for
 * tests and the benchmark that need the real log without a Spring context.
 */
public final class AuditDatabase implements AutoCloseable {

  private final SharedPostgres.Database database;
  private final HikariDataSource dataSource;
  private final AuditLog log;

  public AuditDatabase(String prefix, int fetchSize) throws SQLException {
    database = SharedPostgres.newDatabase(prefix);
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .locations("classpath:db/migration/audit")
        .load()
        .migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.username());
    config.setPassword(database.password());
    config.setMaximumPoolSize(4);
    dataSource = new HikariDataSource(config);
    log =
        new AuditLog(
            dataSource,
            DatabaseRole.detect(dataSource),
            Clock.systemUTC(),
            new AuditMetrics(new SimpleMeterRegistry()),
            fetchSize);
  }

  public AuditLog log() {
    return log;
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  /** A superuser connection, outside the service's role; the caller closes it. */
  public Connection superuser() throws SQLException {
    return database.connect();
  }

  /** Runs statements as superuser with the append-only trigger off, as an intruder would. */
  public void tamper(String... statements) throws SQLException {
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      // replica mode skips ordinary triggers: only a superuser can do this
      s.execute("SET session_replication_role = replica");
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
