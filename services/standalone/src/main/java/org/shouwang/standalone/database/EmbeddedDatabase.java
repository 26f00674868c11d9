package org.shouwang.standalone.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the embedded binaries, its cluster in a directory of its own that
 * survives restarts. As root, the binaries run inside a user namespace by themselves.
 *
 * <p>The embedded default holds the cases and the audit log, so it syncs its commits like any
 * production server: zonky starts the server with {@code -F} (fsync off) and {@code
 * synchronous_commit=off}, test defaults that can lose acknowledged commits when the server or the
 * machine dies; both are turned back on here ({@code -c fsync=on} comes after {@code -F} on the
 * command line, and the last setting wins).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String USER = "postgres";

  private final Path directory;
  private final int port;
  private EmbeddedPostgres postgres;

  public EmbeddedDatabase(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** The process id of the running server (the postmaster), from its {@code postmaster.pid}. */
  public long serverProcessId() {
    try {
      return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL is not running in " + directory, e);
    }
  }

  public void start() {
    try {
      Files.createDirectories(directory);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              // the standalone stops the database itself, after the services that use it
              .setRegisterShutdownHook(false)
              .setPort(port)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      log.info("PostgreSQL ready on localhost:{}, data in {}", port, directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start PostgreSQL on port " + port + " with data in " + directory, e);
    }
  }

  /** Creates the database if it does not exist yet and returns its JDBC URL. */
  public String ensureDatabase(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a database name: " + name);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      boolean exists;
      try (PreparedStatement query =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        query.setString(1, name);
        try (ResultSet rows = query.executeQuery()) {
          exists = rows.next();
        }
      }
      if (!exists) {
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public String username() {
    return USER;
  }

  public String password() {
    return USER;
  }

  @Override
  public void close() {
    if (postgres != null) {
      try {
        postgres.close();
        log.info("PostgreSQL stopped");
      } catch (IOException e) {
        log.warn("PostgreSQL did not stop cleanly", e);
      }
      postgres = null;
    }
  }
}
