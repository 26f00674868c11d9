package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shouwang.testsupport.SharedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as the run command starts it: every service in one JVM with the simulator
 * streaming a small county. Alerts reach the cadres' cases, and every metric and table the Grafana
 * boards query exists.
 */
class StandaloneIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:shouwang|jvm|process|kafka)_[a-z0-9_]+)\\b");

  private static final Pattern SELECTOR =
      Pattern.compile("\\b((?:shouwang|jvm|process|kafka)_[a-z0-9_]+)\\{([^}]*)\\}");
  private static final Pattern LABEL_MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");
  private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");
  private static final Pattern SERIES =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s");

  @TempDir static Path data;
  static Standalone standalone;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Map<ServiceModule, List<String>> ownPorts = new EnumMap<>(ServiceModule.class);
    for (ServiceModule module : ServiceModule.values()) {
      ownPorts.put(module, List.of("--server.port=0"));
    }
    StandaloneOptions options =
        new StandaloneOptions(
            data,
            Optional.of(SharedKafka.bootstrapServers()),
            0,
            0,
            Optional.empty(),
            "postgres",
            "postgres",
            freePort(),
            true,
            List.of(
                "--shouwang.kafka.partitions=2",
                "--shouwang.simulator.county.households=600",
                "--shouwang.simulator.county.townships=5",
                "--shouwang.simulator.county.villages=40",
                "--shouwang.simulator.speed=100000000"),
            ownPorts);
    standalone = new Standalone(options);
    standalone.start();
  }

  @AfterAll
  static void stop() {
    if (standalone != null) {
      standalone.close();
    }
  }

  @Test
  void servesHealthOnEveryService() throws Exception {
    for (ServiceModule module : ServiceModule.values()) {
      HttpResponse<String> health = get(module, "/actuator/health", null);
      assertThat(health.statusCode()).as(module.id()).isEqualTo(200);
      assertThat(health.body()).as(module.id()).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void documentsEveryApiWithItsRolesBehindTheLogin() throws Exception {
    Map<ServiceModule, String> operationWithRoles =
        Map.of(
            ServiceModule.INGEST, "需要角色: INGEST, ADMIN",
            ServiceModule.ALERTING, "需要角色: CADRE, SUPERVISOR, AUDITOR, ADMIN",
            ServiceModule.AUDIT, "需要角色: AUDITOR, ADMIN",
            ServiceModule.SIMULATOR, "需要角色: ADMIN, SUPERVISOR");
    for (Map.Entry<ServiceModule, String> service : operationWithRoles.entrySet()) {
      ServiceModule module = service.getKey();
      assertThat(get(module, "/v3/api-docs", null).statusCode()).as(module.id()).isEqualTo(401);
      HttpResponse<String> docs = get(module, "/v3/api-docs", "auditor");
      assertThat(docs.statusCode()).as(module.id()).isEqualTo(200);
      JsonNode paths = json(docs).path("paths");
      assertThat(paths.size()).as(module.id()).isPositive();
      assertThat(paths.toString()).as(module.id()).contains(service.getValue());
      assertThat(get(module, "/swagger-ui/index.html", "auditor").statusCode())
          .as(module.id())
          .isEqualTo(200);
    }
  }

  @Test
  void alertsOfTheSimulatedCountyReachTheCadresCases() {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode alerts = json(get(ServiceModule.ALERTING, "/api/v1/alerts", "auditor"));
              assertThat(alerts.size()).isPositive();
              JsonNode cases = json(get(ServiceModule.ALERTING, "/api/v1/cases", "supervisor"));
              assertThat(cases.path("items").size()).isPositive();
            });
    banner();
  }

  /**
   * Every metric a board queries must be exported. The only exception is a series that appears with
   * its first event (a dead letter, an escalation, an overdue case): a query of it must then fall
   * back to an explicit zero ({@code or vector(0)}) so that its panel still shows a value.
   */
  @Test
  void exportsEveryMetricTheDashboardsQuery() throws Exception {
    Set<String> queried = new TreeSet<>();
    for (Path board : GrafanaDashboardsTests.dashboardFiles()) {
      for (JsonNode panel : GrafanaDashboardsTests.read(board).get("panels")) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asString("");
          if (expr.contains("or vector(0)")) {
            continue;
          }
          Matcher names = METRIC.matcher(expr);
          while (names.find()) {
            queried.add(names.group(1));
          }
        }
      }
    }
    assertThat(queried).isNotEmpty();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Set<String> exported = exportedMetricNames();
              assertThat(queried).allSatisfy(name -> assertThat(exported).contains(name));
            });
  }

  /**
   * A label a board filters on or groups by must be on the metric: a panel over {@code
   * shouwang_cases_open{audience="AUDITOR"}} showed no data for months because that gauge had no
   * audience tag. Labels of Prometheus' own targets (instance, job) and of the info series a panel
   * joins (group_left) count as present.
   */
  @Test
  void exportsEveryLabelTheDashboardsFilterOnOrGroupBy() throws Exception {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Map<String, Set<String>> exported = exportedLabels();
              for (String expr : boardExpressions()) {
                Set<String> available = new TreeSet<>(Set.of("instance", "job", "pod"));
                boolean anyExported = false;
                Matcher metrics = METRIC.matcher(expr);
                while (metrics.find()) {
                  anyExported |= exported.containsKey(metrics.group(1));
                  available.addAll(exported.getOrDefault(metrics.group(1), Set.of()));
                }
                if (!anyExported) {
                  continue; // only series that appear with their first event; checked then
                }
                Matcher selectors = SELECTOR.matcher(expr);
                while (selectors.find()) {
                  String metric = selectors.group(1);
                  if (!exported.containsKey(metric)) {
                    continue; // a series that appears with its first event; its query says so
                  }
                  Matcher labels = LABEL_MATCHER.matcher(selectors.group(2));
                  while (labels.find()) {
                    assertThat(exported.get(metric))
                        .as("label %s of %s in %s", labels.group(1), metric, expr)
                        .contains(labels.group(1));
                  }
                }
                Matcher groupings = GROUPING.matcher(expr);
                while (groupings.find()) {
                  for (String label : groupings.group(1).split(",")) {
                    if (!label.isBlank()) {
                      assertThat(available)
                          .as("label %s grouped by in %s", label.trim(), expr)
                          .contains(label.trim());
                    }
                  }
                }
              }
            });
  }

  /**
   * Every PromQL panel returns data on the running system, asked of a real Prometheus that scrapes
   * the services (Debian's {@code prometheus} package; the test is skipped without it, and CI
   * installs it).
   */
  @Test
  void everyBoardPanelReturnsDataFromARealPrometheus() throws Exception {
    Optional<Path> binary = RealPrometheus.binary();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        binary.isPresent() || System.getenv("CI") != null,
        "no prometheus binary on this machine (apt-get install prometheus)");
    assertThat(binary).as("CI installs prometheus (see .ci/run)").isPresent();
    List<Integer> ports =
        java.util.Arrays.stream(ServiceModule.values()).map(standalone::portOf).toList();
    try (RealPrometheus prometheus = RealPrometheus.start(binary.get(), data, ports)) {
      for (String expr : boardExpressions()) {
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofSeconds(2))
            .untilAsserted(
                () ->
                    assertThat(prometheus.query(RealPrometheus.withGrafanaVariables(expr)))
                        .as("series returned by %s", expr)
                        .isPositive());
      }
    }
  }

  private static List<String> boardExpressions() throws IOException {
    List<String> expressions = new java.util.ArrayList<>();
    for (Path board : GrafanaDashboardsTests.dashboardFiles()) {
      for (JsonNode panel : GrafanaDashboardsTests.read(board).get("panels")) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asString("");
          if (!expr.isEmpty()) {
            expressions.add(expr);
          }
        }
      }
    }
    return expressions;
  }

  private static Map<String, Set<String>> exportedLabels() throws Exception {
    Map<String, Set<String>> labels = new java.util.TreeMap<>();
    for (ServiceModule module : ServiceModule.values()) {
      for (String line : get(module, "/actuator/prometheus", null).body().split("\\n")) {
        Matcher series = SERIES.matcher(line);
        if (line.startsWith("#") || !series.find()) {
          continue;
        }
        Set<String> names = labels.computeIfAbsent(series.group(1), name -> new TreeSet<>());
        if (series.group(2) != null) {
          Matcher label = LABEL_MATCHER.matcher(series.group(2));
          while (label.find()) {
            names.add(label.group(1));
          }
        }
      }
    }
    return labels;
  }

  /**
   * Every metric the Prometheus alerting rules watch is exported, so a rule cannot silently watch
   * nothing; the counters that appear with their first event (a dead letter, a fallback) are the
   * only exceptions, named here.
   */
  @Test
  @SuppressWarnings("unchecked")
  void exportsEveryMetricTheAlertingRulesWatch() throws Exception {
    Set<String> appearWithTheirFirstEvent =
        Set.of(
            "shouwang_riskengine_deadletters_total",
            "shouwang_alerts_dead_lettered_total",
            "shouwang_notifications_fallbacks_total");
    Set<String> watched = new TreeSet<>();
    Map<String, Object> rules =
        ComposeFileTests.yaml(ComposeFileTests.ROOT.resolve("docker/prometheus/alerts.yml"));
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        Matcher names = METRIC.matcher(rule.get("expr").toString());
        while (names.find()) {
          watched.add(names.group(1));
        }
      }
    }
    watched.removeAll(appearWithTheirFirstEvent);
    assertThat(watched).contains("shouwang_riskengine_running");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(exportedMetricNames()).containsAll(watched));
  }

  @Test
  void runsEveryTableQueryOfTheDashboardsOnTheServicesDatabases() throws Exception {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(json(get(ServiceModule.ALERTING, "/api/v1/alerts", "auditor")).size())
                    .isPositive());
    // the simulated county's clock is not the wall clock: a wide time range, every variable at 全部
    for (Map.Entry<String, JsonNode> query : BoardQueriesIntegrationTests.sqlQueries().entrySet()) {
      ServiceModule database =
          "audit-db".equals(query.getValue().path("uid").asString())
              ? ServiceModule.AUDIT
              : ServiceModule.ALERTING;
      String sql = BoardQueriesIntegrationTests.withGrafanaMacros(query.getKey(), "20 years");
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                try (Connection connection =
                        DriverManager.getConnection(
                            standalone.jdbcUrl(database), "postgres", "postgres");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                  assertThat(rows.next()).as("rows of %s", sql).isTrue();
                }
              });
    }
  }

  private static Set<String> exportedMetricNames() throws Exception {
    Set<String> names = new TreeSet<>();
    for (ServiceModule module : ServiceModule.values()) {
      for (String line : get(module, "/actuator/prometheus", null).body().split("\\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          Matcher name = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(line);
          if (name.find()) {
            names.add(name.group(1));
          }
        }
      }
    }
    return names;
  }

  private static void banner() {
    assertThat(standalone.banner()).contains("守望").contains("cadre-0001");
  }

  private static HttpResponse<String> get(ServiceModule module, String path, String user)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.portOf(module) + path));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":shouwang").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
