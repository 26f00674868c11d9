package org.shouwang.console.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.shouwang.alerting.AlertingApplication;
import org.shouwang.audit.AuditApplication;
import org.shouwang.console.ConsoleApplication;
import org.shouwang.events.Alert;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Source;
import org.shouwang.events.Topic;
import org.shouwang.events.Topics;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real stack the browser tests drive, started once per test JVM and shared by every browser
 * test class: the shared broker and PostgreSQL, the audit and alerting services and the console,
 * each its own Spring context on a random port, on topics and databases of their own. Tests feed it
 * through the contract topics and use their own households.
 */
public final class ConsoleStack {

  static final String TOWNSHIP = "430421101";
  static final String TOWNSHIP_NAME = "城关镇";
  static final String OTHER_TOWNSHIP = "430421102";
  static final String OTHER_TOWNSHIP_NAME = "花园镇";
  static final String PASSWORD = "shouwang";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final ConsoleStack INSTANCE = start();

  final ConfigurableApplicationContext audit;
  final ConfigurableApplicationContext alerting;
  final ConfigurableApplicationContext console;
  final String prefix;
  final KafkaProducer<String, HouseholdEvent> events;
  final KafkaProducer<String, Alert> alerts;

  private final String alertingJdbcUrl;

  private ConsoleStack(
      ConfigurableApplicationContext audit,
      ConfigurableApplicationContext alerting,
      ConfigurableApplicationContext console,
      String prefix,
      String alertingJdbcUrl) {
    this.alertingJdbcUrl = alertingJdbcUrl;
    this.audit = audit;
    this.alerting = alerting;
    this.console = console;
    this.prefix = prefix;
    this.events = producer(Topics.HOUSEHOLD_EVENTS);
    this.alerts = producer(Topics.RISK_ALERTS);
  }

  public static ConsoleStack get() {
    return INSTANCE;
  }

  private static ConsoleStack start() {
    String prefix = SharedKafka.uniqueTopic("console") + ".";
    String kafka = SharedKafka.bootstrapServers();
    SharedPostgres.Database auditDb = SharedPostgres.newDatabase("console_audit");
    SharedPostgres.Database alertingDb = SharedPostgres.newDatabase("console_alerting");
    Path checkpoints;
    try {
      checkpoints = Files.createTempDirectory("console-checkpoints").resolve("checkpoints.jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> common = new LinkedHashMap<>();
    common.put("spring.kafka.bootstrap-servers", kafka);
    common.put("server.port", "0");
    common.put("spring.jmx.enabled", "false");
    common.put("shouwang.kafka.topic-prefix", prefix);
    common.put("shouwang.kafka.partitions", "1");
    // the platform's demo accounts, whatever its default becomes
    common.put("shouwang.security.demo-users", "true");

    Map<String, String> auditArgs = new LinkedHashMap<>(common);
    database(auditArgs, auditDb);
    auditArgs.put("shouwang.audit.consumer.group-id", "console-audit-" + UUID.randomUUID());
    auditArgs.put("shouwang.audit.checkpoint.path", checkpoints.toString());
    auditArgs.put("shouwang.audit.checkpoint.interval", "2s");
    auditArgs.put("shouwang.audit.verification.interval", "0s");
    ConfigurableApplicationContext audit = run(AuditApplication.class, auditArgs);

    Map<String, String> alertingArgs = new LinkedHashMap<>(common);
    database(alertingArgs, alertingDb);
    alertingArgs.put(
        "shouwang.alerting.consumer.group-id", "console-alerting-" + UUID.randomUUID());
    alertingArgs.put("shouwang.alerting.notifications.group-window", "1s");
    alertingArgs.put("shouwang.alerting.notifications.poll-interval", "200ms");
    alertingArgs.put("shouwang.alerting.publishing-interval", "200ms");
    ConfigurableApplicationContext alerting = run(AlertingApplication.class, alertingArgs);

    Map<String, String> consoleArgs = new LinkedHashMap<>(common);
    consoleArgs.put("shouwang.console.alerting-url", "http://localhost:" + port(alerting));
    consoleArgs.put("shouwang.console.audit-url", "http://localhost:" + port(audit));
    consoleArgs.put("shouwang.console.alerting-database.url", alertingDb.jdbcUrl());
    consoleArgs.put("shouwang.console.alerting-database.username", alertingDb.username());
    consoleArgs.put("shouwang.console.alerting-database.password", alertingDb.password());
    consoleArgs.put("shouwang.console.audit-database.url", auditDb.jdbcUrl());
    consoleArgs.put("shouwang.console.audit-database.username", auditDb.username());
    consoleArgs.put("shouwang.console.audit-database.password", auditDb.password());
    consoleArgs.put("shouwang.console.names-refresh", "500ms");
    ConfigurableApplicationContext console = run(ConsoleApplication.class, consoleArgs);
    return new ConsoleStack(audit, alerting, console, prefix, alertingDb.jdbcUrl());
  }

  private static void database(Map<String, String> args, SharedPostgres.Database database) {
    args.put("spring.datasource.url", database.jdbcUrl());
    args.put("spring.datasource.username", database.username());
    args.put("spring.datasource.password", database.password());
  }

  private static ConfigurableApplicationContext run(
      Class<?> application, Map<String, String> args) {
    return new SpringApplicationBuilder(application)
        .logStartupInfo(false)
        .run(
            args.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  /** The alerting database (the benchmark writes cases into it directly). */
  public String alertingJdbcUrl() {
    return alertingJdbcUrl;
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String consoleUrl(String path) {
    return "http://localhost:" + port(console) + path;
  }

  private <V> KafkaProducer<String, V> producer(Topic<String, V> topic) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(
        props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** A household id no other test uses, in the given township. */
  static String newHouseholdId(String township) {
    return township.substring(0, 6)
        + "-"
        + township.substring(6)
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers a household (its names reach the audit log, where the console reads them). */
  void register(
      String householdId,
      String township,
      String townshipName,
      String village,
      String villageName,
      String cadreId) {
    HouseholdEvent event =
        HouseholdEvent.of(
            UUID.randomUUID().toString(),
            householdId,
            OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(30),
            Source.CADRE_VISIT,
            null,
            new EventData.HouseholdRegistered(
                township,
                townshipName,
                village,
                villageName,
                4,
                2,
                true,
                cadreId,
                MonitoringCategory.MARGINAL));
    send(events, Topics.HOUSEHOLD_EVENTS, householdId, event);
  }

  /** Publishes an alert as the risk engine would; returns its id. */
  String alert(
      String householdId,
      Rule rule,
      Severity severity,
      String message,
      String township,
      String village,
      String cadreId,
      OffsetDateTime detectedAt,
      List<String> evidence) {
    String alertId = UUID.randomUUID().toString();
    Alert alert =
        new Alert(
            alertId,
            householdId,
            rule,
            1,
            null,
            severity,
            null,
            detectedAt,
            evidence,
            message,
            township,
            village,
            cadreId);
    send(alerts, Topics.RISK_ALERTS, householdId, alert);
    return alertId;
  }

  private <V> void send(
      KafkaProducer<String, V> producer, Topic<String, V> topic, String key, V value) {
    try {
      producer.send(new ProducerRecord<>(topic.prefixed(prefix).name(), key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic.name(), e);
    }
  }

  /** Waits until alerting has the household's open cadre case; returns its id. */
  String caseOf(String householdId) {
    return openCaseOf(householdId, "CADRE");
  }

  /** Waits until the household has an open audit finding; returns the case id. */
  String auditFindingOf(String householdId) {
    return openCaseOf(householdId, "AUDITOR");
  }

  private String openCaseOf(String householdId, String audience) {
    String[] found = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode items =
                  api(
                          "alerting",
                          "/api/v1/cases?audience=" + audience + "&householdId=" + householdId,
                          "admin")
                      .path("items");
              if (items.isEmpty()) {
                return false;
              }
              found[0] = items.get(0).path("caseId").asString();
              return true;
            });
    return found[0];
  }

  /** Waits until the audit log holds the household's registration (names are read from it). */
  void awaitRegistered(String householdId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                api(
                            "audit",
                            "/api/v1/audit/events?householdId="
                                + householdId
                                + "&kind=HOUSEHOLD_REGISTERED",
                            "auditor")
                        .path("entries")
                        .size()
                    > 0);
  }

  /** A GET on an API with a demo account, as JSON. */
  JsonNode api(String service, String path, String user) throws IOException, InterruptedException {
    HttpResponse<String> response = call(service, "GET", path, user, null);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> call(String service, String method, String path, String user, String json)
      throws IOException, InterruptedException {
    int port = port("audit".equals(service) ? audit : alerting);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A household of its own, registered, with one alert and its open case. */
  record Household(String householdId, String caseId, String alertId, String village) {}

  Household householdWithCase(
      String township,
      String townshipName,
      String cadreId,
      Rule rule,
      Severity severity,
      String message) {
    String householdId = newHouseholdId(township);
    String village = township + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 999));
    register(householdId, township, townshipName, village, "幸福村" + village.substring(9), cadreId);
    String alertId =
        alert(
            householdId,
            rule,
            severity,
            message,
            township,
            village,
            cadreId,
            OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1),
            List.of("evt-" + householdId + "-1", "evt-" + householdId + "-2"));
    String caseId = caseOf(householdId);
    awaitRegistered(householdId);
    return new Household(householdId, caseId, alertId, village);
  }
}
