package org.shouwang.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real PostgreSQL server for the whole test JVM; each test class takes a database of its own
 * with {@link #newDatabase(String)}.
 */
public final class SharedPostgres {

  /** Pinned image for machines with Docker; the same major version as the embedded binaries. */
  public static final DockerImageName IMAGE = DockerImageName.parse("postgres:17.6");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

  private SharedPostgres() {}

  /**
   * A database of one's own on the shared server.
   *
   * @param jdbcUrl JDBC URL of the database
   * @param username owner
   * @param password password
   */
  public record Database(String jdbcUrl, String username, String password) {

    /** Points Spring Boot's data source (and so Flyway) at this database. */
    public void register(DynamicPropertyRegistry registry) {
      registry.add("spring.datasource.url", this::jdbcUrl);
      registry.add("spring.datasource.username", this::username);
      registry.add("spring.datasource.password", this::password);
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl, username, password);
    }
  }

  /** Creates a fresh, empty database whose name starts with the given prefix. */
  public static Database newDatabase(String prefix) {
    String name =
        (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a usable database name: " + name);
    }
    Server server = Holder.SERVER;
    try (Connection connection =
            DriverManager.getConnection(
                server.urlOf("postgres"), server.username(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new Database(server.urlOf(name), server.username(), server.password());
  }

  private record Server(String host, int port, String username, String password) {
    String urlOf(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  /** Lazy holder: the server starts when a test first needs it, once per JVM. */
  private static final class Holder {
    static final Server SERVER = start();

    private static Server start() {
      if (Docker.available()) {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        Runtime.getRuntime()
            .addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        return new Server(
            container.getHost(),
            container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
            container.getUsername(),
            container.getPassword());
      }
      try {
        // zonky runs initdb/pg_ctl inside `unshare -U` by itself when run as root
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException e) {
                        // the JVM is exiting; the data directory is in target/tmp
                      }
                    },
                    "postgres-stop"));
        return new Server("localhost", postgres.getPort(), "postgres", "postgres");
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
  }
}
