package org.shouwang.standalone;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.shouwang.standalone.database.EmbeddedDatabase;
import org.shouwang.standalone.kafka.EmbeddedKafkaServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything in one command: a real Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} is given),
 * a real PostgreSQL (unless {@code SHOUWANG_DATABASE_URL} is given), every service on its contract
 * port, and the simulator. Ctrl-C stops it all cleanly; data stays in the data directory.
 */
public final class Standalone implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Standalone.class);

  /** Auto-configurations a service without a database must not attempt. */
  static final String NO_DATABASE =
      String.join(
          ",",
          "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
          "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

  private final StandaloneOptions options;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Map<ServiceModule, ConfigurableApplicationContext> services = new LinkedHashMap<>();
  private String bootstrapServers;
  private EmbeddedDatabase database;

  Standalone(StandaloneOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws InterruptedException {
    Standalone standalone = new Standalone(StandaloneOptions.parse(args, System.getenv()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  standalone.close();
                  stopped.countDown();
                },
                "shouwang-stop"));
    try {
      standalone.start();
    } catch (RuntimeException e) {
      log.error("Shouwang could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
    log.info(standalone.banner());
    stopped.await();
  }

  /** Starts the infrastructure and every service; returns when all are ready. */
  void start() {
    Path data = options.dataDirectory();
    log.info("Starting Shouwang, data in {}", data);
    bootstrapServers =
        options
            .kafkaBootstrapServers()
            .orElseGet(
                () -> {
                  EmbeddedKafkaServer kafka =
                      new EmbeddedKafkaServer(
                          data.resolve("kafka"),
                          options.kafkaPort(),
                          options.kafkaControllerPort());
                  kafka.start();
                  running.push(kafka);
                  return kafka.bootstrapServers();
                });
    if (options.databaseUrl().isEmpty()) {
      database = new EmbeddedDatabase(data.resolve("postgres"), options.postgresPort());
      database.start();
      running.push(database);
    }
    for (ServiceModule module : ServiceModule.values()) {
      if (module == ServiceModule.SIMULATOR && !options.simulator()) {
        continue;
      }
      ConfigurableApplicationContext context = startService(module);
      services.put(module, context);
      running.push(context);
    }
  }

  private ConfigurableApplicationContext startService(ServiceModule module) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
    properties.put("server.port", module.port());
    properties.put("spring.jmx.enabled", false);
    properties.put("logging.register-shutdown-hook", false);
    properties.put("shouwang.data-dir", options.dataDirectory().toString());
    if (module.database()) {
      properties.put("spring.datasource.url", databaseUrl(module));
      properties.put("spring.datasource.username", databaseUsername());
      properties.put("spring.datasource.password", databasePassword());
    } else {
      properties.put("spring.autoconfigure.exclude", NO_DATABASE);
    }
    if (module == ServiceModule.CONSOLE) {
      // the console calls the APIs of the running alerting and audit services and reads their
      // databases (read only) for case lists and place names
      properties.put(
          "shouwang.console.alerting-url", "http://localhost:" + portOf(ServiceModule.ALERTING));
      properties.put(
          "shouwang.console.audit-url", "http://localhost:" + portOf(ServiceModule.AUDIT));
      for (ServiceModule read : new ServiceModule[] {ServiceModule.ALERTING, ServiceModule.AUDIT}) {
        String prefix = "shouwang.console." + read.id() + "-database.";
        properties.put(prefix + "url", databaseUrl(read));
        properties.put(prefix + "username", databaseUsername());
        properties.put(prefix + "password", databasePassword());
      }
    }
    properties.putAll(StandaloneDefaults.of(module, options.dataDirectory()));
    log.info("Starting {} on port {}", module.id(), module.port());
    // as arguments, not default properties: they must win over the service's own defaults,
    // and the person's arguments must win over them
    Map<String, String> arguments = new LinkedHashMap<>();
    properties.forEach((key, value) -> arguments.put(key, String.valueOf(value)));
    for (String argument : options.argumentsFor(module)) {
      int equals = argument.indexOf('=');
      if (argument.startsWith("--") && equals > 2) {
        arguments.put(argument.substring(2, equals), argument.substring(equals + 1));
      }
    }
    return new SpringApplicationBuilder(module.application())
        .logStartupInfo(false)
        .registerShutdownHook(false)
        .run(
            arguments.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private String databaseUrl(ServiceModule module) {
    return options
        .databaseUrl()
        .map(base -> base.endsWith("/") ? base + module.databaseName() : base)
        .orElseGet(() -> database.ensureDatabase(module.databaseName()));
  }

  private String databaseUsername() {
    return database != null ? database.username() : options.databaseUsername();
  }

  private String databasePassword() {
    return database != null ? database.password() : options.databasePassword();
  }

  /** The port a running service listens on (differs from the default when set to 0). */
  int portOf(ServiceModule module) {
    ConfigurableApplicationContext context = services.get(module);
    if (context instanceof WebServerApplicationContext web) {
      return web.getWebServer().getPort();
    }
    throw new IllegalStateException(module.id() + " is not running");
  }

  /** The JDBC URL of a service's database on the embedded server. */
  String jdbcUrl(ServiceModule module) {
    return database.jdbcUrl(module.databaseName());
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  String banner() {
    StringBuilder text = new StringBuilder("\n\n  守望 Shouwang is running\n\n");
    text.append("  Kafka       ").append(bootstrapServers).append('\n');
    if (database != null) {
      text.append("  PostgreSQL  ")
          .append(database.jdbcUrl("<service>"))
          .append(" (postgres/postgres)\n");
    }
    for (ServiceModule module : services.keySet()) {
      int port = portOf(module);
      text.append(
          String.format(
              "  %-11s http://localhost:%d  (metrics: /actuator/prometheus)%n", module.id(), port));
    }
    if (services.containsKey(ServiceModule.CONSOLE)) {
      text.append("\n  守望工作台 (web console): http://localhost:")
          .append(portOf(ServiceModule.CONSOLE))
          .append("/  (log in with a demo account)\n");
    }
    text.append(
        "\n  Demo accounts (password 'shouwang'): ingest, cadre-0001, cadre-0002, supervisor,\n");
    text.append("  supervisor-101, auditor, admin. Example:\n");
    text.append("    curl -u cadre-0001:shouwang http://localhost:")
        .append(
            services.containsKey(ServiceModule.ALERTING) ? portOf(ServiceModule.ALERTING) : 8083)
        .append("/api/v1/cases\n");
    text.append("  Data in ")
        .append(options.dataDirectory())
        .append(". Ctrl-C stops everything.\n");
    return text.toString();
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        log.warn("{} did not stop cleanly", next, e);
      }
    }
    services.clear();
  }
}
