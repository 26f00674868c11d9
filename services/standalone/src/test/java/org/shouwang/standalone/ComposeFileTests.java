package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docker-compose.yml cannot run here (no Docker engine), so its shape is checked instead. */
class ComposeFileTests {

  static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    return (Map<String, Map<String, Object>>)
        yaml(ROOT.resolve("docker-compose.yml")).get("services");
  }

  @Test
  void runsTheInfrastructureAndEveryServiceModule() throws IOException {
    assertThat(services().keySet())
        .contains("kafka", "postgres", "prometheus", "grafana", "mailpit")
        .containsAll(List.of("ingest", "risk-engine", "alerting", "audit", "simulator"));
    for (ServiceModule module : ServiceModule.values()) {
      Map<String, Object> service = services().get(module.id());
      assertThat((List<String>) service.get("ports"))
          .as("%s publishes its contract port", module.id())
          .contains(module.port() + ":" + module.port());
      assertThat(service.get("build"))
          .as("%s is built from this repository", module.id())
          .isNotNull();
    }
  }

  @Test
  void pinsEveryImage() throws IOException {
    services()
        .forEach(
            (name, service) -> {
              String image = (String) service.get("image");
              assertThat(image).as("%s has an image", name).isNotBlank();
              assertThat(image).as("%s pins its tag", name).contains(":").doesNotEndWith(":latest");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void givesEveryServiceAHealthCheckAndWaitsForHealthyDependencies() throws IOException {
    services()
        .forEach(
            (name, service) -> {
              Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
              assertThat(health).as("%s has a health check", name).isNotNull();
              assertThat((List<String>) health.get("test")).as("%s health test", name).isNotEmpty();
              Object dependsOn = service.get("depends_on");
              if (dependsOn != null) {
                ((Map<String, Map<String, String>>) dependsOn)
                    .forEach(
                        (dependency, condition) ->
                            assertThat(condition)
                                .as("%s waits for %s", name, dependency)
                                .containsEntry("condition", "service_healthy"));
              }
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void mountsConfigurationReadOnly() throws IOException {
    services()
        .forEach(
            (name, service) -> {
              List<String> volumes = (List<String>) service.getOrDefault("volumes", List.of());
              volumes.stream()
                  .filter(v -> v.startsWith("./"))
                  .forEach(v -> assertThat(v).as("%s mounts %s", name, v).endsWith(":ro"));
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEveryService() throws IOException {
    Map<String, Object> config = yaml(ROOT.resolve("docker/prometheus/prometheus.yml"));
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
    List<String> targets =
        jobs.stream()
            .flatMap(j -> ((List<Map<String, List<String>>>) j.get("static_configs")).stream())
            .flatMap(s -> s.get("targets").stream())
            .toList();
    for (ServiceModule module : ServiceModule.values()) {
      assertThat(targets).contains(module.id() + ":" + module.port());
    }
    assertThat(jobs)
        .allSatisfy(j -> assertThat(j.get("metrics_path")).isEqualTo("/actuator/prometheus"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void startsEveryServiceWithoutDemoAccountsUnlessAskedFor() throws IOException {
    for (ServiceModule module : ServiceModule.values()) {
      Map<String, Object> environment =
          (Map<String, Object>) services().get(module.id()).get("environment");
      assertThat(environment)
          .as("%s passes SHOUWANG_DEMO_USERS through, off by default", module.id())
          .containsEntry("SHOUWANG_DEMO_USERS", "${SHOUWANG_DEMO_USERS:-false}");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsTheRiskEngineStateOnItsVolume() throws IOException {
    Map<String, Object> engine = services().get("risk-engine");
    Map<String, Object> environment = (Map<String, Object>) engine.get("environment");
    assertThat(environment)
        .containsEntry("SHOUWANG_RISKENGINE_STATEDIR", "/var/lib/shouwang/risk-engine");
    assertThat((List<String>) engine.get("volumes"))
        .contains("risk-engine-state:/var/lib/shouwang");
  }

  @Test
  @SuppressWarnings("unchecked")
  void givesDemoRecipientsAnEmailChannelSoMailpitShowsMail() throws IOException {
    Map<String, Object> environment =
        (Map<String, Object>) services().get("alerting").get("environment");
    assertThat(environment).containsEntry("SPRING_MAIL_HOST", "mailpit");
    Map<String, Object> json =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load((String) environment.get("SPRING_APPLICATION_JSON"));
    Map<String, Object> recipients =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>)
                            ((Map<String, Object>) json.get("shouwang")).get("alerting"))
                        .get("routing"))
                .get("recipients");
    assertThat((Map<String, Object>) recipients.get("cadre-0001"))
        .extractingByKey("channels")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .first()
        .isEqualTo(Map.of("type", "EMAIL", "address", "cadre-0001@shouwang.example"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void limitsTheMemoryOfEveryContainer() throws IOException {
    services()
        .forEach(
            (name, service) -> {
              Map<String, Object> limits =
                  (Map<String, Object>)
                      ((Map<String, Object>)
                              ((Map<String, Object>) service.getOrDefault("deploy", Map.of()))
                                  .getOrDefault("resources", Map.of()))
                          .get("limits");
              assertThat(limits).as("%s has a memory limit", name).containsKey("memory");
              assertThat(limits.get("memory").toString()).matches("\\d+[mg]");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsPrometheusGrafanaAndAlertmanagerDataOnVolumes() throws IOException {
    assertThat((List<String>) services().get("prometheus").get("volumes"))
        .contains("prometheus-data:/prometheus");
    assertThat((List<String>) services().get("grafana").get("volumes"))
        .contains("grafana-data:/var/lib/grafana");
    assertThat((List<String>) services().get("alertmanager").get("volumes"))
        .contains("alertmanager-data:/alertmanager");
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsTheSimulatorsLabelsAndPlaceOnItsVolumeAndCatchesUpLikeTheStandalone()
      throws IOException {
    Map<String, Object> simulator = services().get("simulator");
    Map<String, Object> environment = (Map<String, Object>) simulator.get("environment");
    assertThat((List<String>) simulator.get("volumes"))
        .contains("simulator-data:/var/lib/shouwang");
    Map<String, Object> standalone =
        StandaloneDefaults.of(ServiceModule.SIMULATOR, Path.of("/var/lib/shouwang"));
    assertThat(environment)
        .containsEntry(
            "SHOUWANG_SIMULATOR_GROUNDTRUTHPATH",
            standalone.get("shouwang.simulator.ground-truth-path"))
        .containsEntry(
            "SHOUWANG_SIMULATOR_PROGRESSPATH", standalone.get("shouwang.simulator.progress-path"))
        .containsEntry(
            "SHOUWANG_SIMULATOR_AFTERCATCHUP", standalone.get("shouwang.simulator.after-catch-up"));
  }

  /** No service logs in as the superuser; the audit service is not the owner of its log. */
  @Test
  @SuppressWarnings("unchecked")
  void givesEveryServiceItsOwnDatabaseRole() throws IOException {
    Map<String, String> logins = new java.util.TreeMap<>();
    services()
        .forEach(
            (name, service) ->
                ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                    .forEach(
                        (key, value) -> {
                          if (key.endsWith("_USERNAME") && key.contains("DATA")) {
                            logins.put(name + " " + key, String.valueOf(value));
                          }
                        }));
    assertThat(logins)
        .containsEntry("alerting SPRING_DATASOURCE_USERNAME", "shouwang_alerting")
        .containsEntry("audit SPRING_DATASOURCE_USERNAME", "shouwang_audit")
        .containsEntry("console SHOUWANG_CONSOLE_ALERTINGDATABASE_USERNAME", "shouwang_console")
        .containsEntry("console SHOUWANG_CONSOLE_AUDITDATABASE_USERNAME", "shouwang_console");
    assertThat(logins.values()).doesNotContain("shouwang", "postgres");
    Map<String, Object> audit = (Map<String, Object>) services().get("audit").get("environment");
    assertThat(audit).containsEntry("SPRING_FLYWAY_USER", "shouwang_audit_owner");
    Map<String, Object> datasources =
        yaml(ROOT.resolve("grafana/provisioning/datasources/datasources.yml"));
    assertThat((List<Map<String, Object>>) datasources.get("datasources"))
        .filteredOn(d -> d.containsKey("user"))
        .allSatisfy(d -> assertThat(d).containsEntry("user", "grafana"));
  }

  @Test
  void sharesOneLockedMavenCacheBetweenTheImageBuilds() throws IOException {
    assertThat(Files.readString(ROOT.resolve("Dockerfile")))
        .containsPattern("--mount=type=cache,[^\\s]*target=/root/\\.m2[^\\s]*,sharing=locked");
  }

  @Test
  @SuppressWarnings("unchecked")
  void routesThePipelineAlertsThroughAlertmanagerToTheWeComRobotOfTheEnvironment()
      throws IOException {
    Map<String, Object> alertmanager = services().get("alertmanager");
    assertThat((Map<String, Object>) alertmanager.get("environment"))
        .containsKeys("ALERTMANAGER_RELAY_USER", "ALERTMANAGER_RELAY_PASSWORD");
    assertThat(String.join(" ", (List<String>) alertmanager.get("command")))
        .contains("$$ALERTMANAGER_RELAY_USER", "$$ALERTMANAGER_RELAY_PASSWORD")
        .contains("--config.file=/tmp/alertmanager.yml");
    assertThat((List<String>) alertmanager.get("volumes"))
        .contains("./docker/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
    assertThat((Map<String, Object>) services().get("prometheus").get("depends_on"))
        .containsKey("alertmanager");
    // Alertmanager posts to alerting's relay, which posts the robot's own message to the URL
    assertThat(Files.readString(ROOT.resolve("docker/alertmanager/alertmanager.yml")))
        .contains("url: http://alerting:8083/api/v1/operations/alertmanager");
    assertThat((Map<String, Object>) services().get("alerting").get("environment"))
        .extractingByKey("SHOUWANG_ALERTING_OPERATIONS_WECOMURL")
        .asString()
        .startsWith("${WECOM_ROBOT_URL:-");
  }
}
