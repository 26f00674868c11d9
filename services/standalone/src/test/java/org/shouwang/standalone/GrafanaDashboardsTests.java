package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.shouwang.events.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The boards are provisioned from files: stable uids, Chinese titles, every panel with a query;
 * what a supervisor reads is in Chinese with units, counters through rates, and the SQL panels read
 * the board tables within the board's time range.
 */
class GrafanaDashboardsTests {

  static final Path DASHBOARDS = ComposeFileTests.ROOT.resolve("grafana/dashboards");

  static List<Path> dashboardFiles() throws IOException {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  static JsonNode read(Path file) {
    return JsonMapper.builder().build().readTree(file.toFile());
  }

  @Test
  void providesTheFourBoardsOfTheSupervisors() throws IOException {
    assertThat(dashboardFiles())
        .extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrder(
            "county-overview.json",
            "alert-operations.json",
            "funds-integrity.json",
            "pipeline-health.json");
  }

  @Test
  void givesEachBoardItsFileStemAsUidAndAChineseTitle() throws IOException {
    for (Path file : dashboardFiles()) {
      JsonNode board = read(file);
      String stem = file.getFileName().toString().replace(".json", "");
      assertThat(board.get("uid").asString()).isEqualTo(stem);
      assertThat(board.get("title").asString())
          .as("title of %s", stem)
          .containsPattern("\\p{IsHan}");
    }
  }

  @Test
  void givesEveryPanelATitleAndAQueryOnAProvisionedDatasource() throws IOException {
    List<String> datasources = List.of("prometheus", "alerting-db", "audit-db");
    for (Path file : dashboardFiles()) {
      for (JsonNode panel : read(file).get("panels")) {
        if ("row".equals(panel.path("type").asString())) {
          continue;
        }
        assertThat(panel.path("title").asString())
            .as("a panel of %s", file)
            .containsPattern("\\p{IsHan}");
        assertThat(panel.path("targets").isEmpty())
            .as("panel %s has queries", panel.path("title"))
            .isFalse();
        for (JsonNode target : panel.get("targets")) {
          assertThat(datasources).contains(target.path("datasource").path("uid").asString());
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void provisionsDatasourcesAndDashboardsFromFiles() throws IOException {
    Map<String, Object> datasources =
        ComposeFileTests.yaml(
            ComposeFileTests.ROOT.resolve("grafana/provisioning/datasources/datasources.yml"));
    assertThat((List<Map<String, Object>>) datasources.get("datasources"))
        .extracting(d -> d.get("uid"))
        .containsExactlyInAnyOrder("prometheus", "alerting-db", "audit-db");
    Map<String, Object> providers =
        ComposeFileTests.yaml(
            ComposeFileTests.ROOT.resolve("grafana/provisioning/dashboards/dashboards.yml"));
    assertThat((List<Map<String, Object>>) providers.get("providers"))
        .allSatisfy(p -> assertThat(p).containsEntry("allowUiUpdates", false));
  }

  private static final Pattern COUNTER =
      Pattern.compile(
          "\\b((?:shouwang|kafka|jvm|process)_[a-z0-9_]+_(?:total|count|sum|bucket))\\b");
  private static final Pattern CASE_GAUGE =
      Pattern.compile("shouwang_cases_(?:open|overdue|escalated)\\b");
  private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

  @Test
  void givesTheSupervisorsBoardsTownshipAndVillageVariablesWithChineseNames() throws IOException {
    for (Path file : dashboardFiles()) {
      if (file.getFileName().toString().equals("pipeline-health.json")) {
        continue; // the operators' board: services, not places
      }
      JsonNode variables = read(file).path("templating").path("list");
      assertThat(variables.findValuesAsString("label")).as("%s", file).contains("乡镇", "村");
      for (JsonNode variable : variables) {
        assertThat(variable.path("datasource").path("uid").asString()).isEqualTo("audit-db");
        assertThat(variable.path("query").asString())
            .as("the dropdown shows names, the panels filter codes")
            .contains("AS __text")
            .contains("AS __value")
            .contains("board_household");
        assertThat(variable.path("allValue").asString()).isEqualTo(".*");
      }
    }
  }

  @Test
  void linksEveryBoardToTheOthersKeepingVariablesAndTimeRange() throws IOException {
    for (Path file : dashboardFiles()) {
      JsonNode board = read(file);
      assertThat(board.path("tags").toString()).contains("\"shouwang\"");
      JsonNode link = board.path("links").get(0);
      assertThat(link.path("type").asString()).isEqualTo("dashboards");
      assertThat(link.path("tags").toString()).contains("\"shouwang\"");
      assertThat(link.path("includeVars").asBoolean()).as("%s", file).isTrue();
      assertThat(link.path("keepTime").asBoolean()).as("%s", file).isTrue();
    }
  }

  @Test
  void givesEveryStatAUnitAndThresholdsAndEveryChartAUnit() throws IOException {
    for (JsonNode panel : panels()) {
      String type = panel.path("type").asString();
      JsonNode defaults = panel.path("fieldConfig").path("defaults");
      String title = panel.path("title").asString();
      if (type.equals("stat")) {
        assertThat(defaults.path("unit").asString()).as("unit of %s", title).isNotBlank();
        assertThat(defaults.path("thresholds").path("steps").size())
            .as("thresholds of %s", title)
            .isPositive();
      } else if (!type.equals("table")) {
        assertThat(defaults.path("unit").asString()).as("unit of %s", title).isNotBlank();
      }
    }
  }

  @Test
  void showsCountersThroughRatesAndCaseGaugesOnceAcrossInstances() throws IOException {
    for (String expr : expressions()) {
      Matcher counters = COUNTER.matcher(expr);
      while (counters.find()) {
        String before = expr.substring(0, counters.start());
        assertThat(before)
            .as("%s in %s is read through rate or increase", counters.group(1), expr)
            .matches("(?s).*\\b(?:rate|increase)\\(\\s*$");
      }
      Matcher gauges = CASE_GAUGE.matcher(expr);
      while (gauges.find()) {
        assertThat(expr.substring(0, gauges.start()))
            .as("every alerting instance exports the case gauges: %s", expr)
            .endsWith("max without (instance, pod) (");
      }
    }
  }

  /** Closed code sets shown in legends get their Chinese names (renameByRegex on the legend). */
  @Test
  void showsChineseNamesInLegendsNotCodes() throws IOException {
    Map<String, Set<String>> codes =
        Map.of(
            "state", names(CaseState.values()),
            "action", names(CaseAction.values()),
            "type", withPayments(names(EventType.values())),
            "channel", Set.of("INBOX", "WECOM", "DINGTALK", "WEBHOOK", "EMAIL"),
            "level", Set.of("1", "2"),
            "deadline", Set.of("ACKNOWLEDGE", "MEASURE"),
            "application",
                Set.of("ingest", "risk-engine", "alerting", "audit", "simulator", "console"));
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        Matcher labels = LEGEND_LABEL.matcher(target.path("legendFormat").asString(""));
        while (labels.find()) {
          String label = labels.group(1);
          assertThat(label)
              .as("legend of %s: a name label, not a code", panel.path("title"))
              .isNotIn("rule", "risk_type", "township", "audience", "severity");
          for (String code : codes.getOrDefault(label, Set.of())) {
            String legend = target.path("legendFormat").asString().replace(labels.group(), code);
            assertThat(renamed(panel, legend))
                .as("legend %s of %s", legend, panel.path("title"))
                .doesNotContain(code)
                .containsPattern("\\p{IsHan}");
          }
        }
      }
    }
  }

  @Test
  void readsTheBoardTablesWithinTheBoardsTimeRange() throws IOException {
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        String sql = target.path("rawSql").asString("");
        if (!"audit-db".equals(target.path("datasource").path("uid").asString()) || sql.isEmpty()) {
          continue;
        }
        assertThat(sql).as("%s", panel.path("title")).doesNotContain("audit_log", "convert_from");
        assertThat(sql).contains("board_");
        if (!sql.startsWith("SELECT township_code AS township")) { // the names joined to a chart
          assertThat(sql).as("%s", panel.path("title")).contains("$__timeFilter(");
        }
      }
    }
  }

  @Test
  void namesTheTownshipsOfChartsByTownship() throws IOException {
    for (JsonNode panel : panels()) {
      if (!panel.path("title").asString().contains("按乡镇")) {
        continue;
      }
      String all = panel.toString();
      assertThat(all).as("%s", panel.path("title")).contains("township_name");
    }
  }

  private static String renamed(JsonNode panel, String legend) {
    String name = legend;
    for (JsonNode transformation : panel.path("transformations")) {
      if ("renameByRegex".equals(transformation.path("id").asString())) {
        JsonNode options = transformation.path("options");
        name =
            Pattern.compile(options.path("regex").asString())
                .matcher(name)
                .replaceFirst(options.path("renamePattern").asString());
      }
    }
    return name;
  }

  private static Set<String> names(Enum<?>[] values) {
    Set<String> names = new TreeSet<>();
    for (Enum<?> value : values) {
      names.add(value.name());
    }
    return names;
  }

  private static Set<String> withPayments(Set<String> types) {
    Set<String> all = new TreeSet<>(types);
    all.add("SUBSIDY_PAYMENT");
    return all;
  }

  static List<JsonNode> panels() throws IOException {
    List<JsonNode> panels = new java.util.ArrayList<>();
    for (Path file : dashboardFiles()) {
      read(file).path("panels").forEach(panels::add);
    }
    return panels;
  }

  static List<String> expressions() throws IOException {
    List<String> expressions = new java.util.ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        if (!target.path("expr").asString("").isEmpty()) {
          expressions.add(target.path("expr").asString());
        }
      }
    }
    return expressions;
  }
}
