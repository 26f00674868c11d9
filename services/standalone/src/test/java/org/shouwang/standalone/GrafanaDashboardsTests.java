package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The boards are provisioned from files: stable uids, Chinese titles, every panel with a query. */
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
}
