package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Topic;
import org.shouwang.events.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes/} parse and say what a province needs: no
 * schema validator is packaged for these machines, so the shape is checked here.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTests {

  static final Path KUBERNETES = ComposeFileTests.ROOT.resolve("deploy/kubernetes");

  record Resource(Path file, Map<String, Object> body) {
    String kind() {
      return (String) body.get("kind");
    }

    String name() {
      return (String) ((Map<String, Object>) body.get("metadata")).get("name");
    }

    Map<String, Object> spec() {
      return (Map<String, Object>) body.get("spec");
    }
  }

  static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(KUBERNETES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static List<Resource> resources() throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (Path file : yamlFiles()) {
      try (Reader reader = Files.newBufferedReader(file)) {
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
          if (document != null) {
            resources.add(new Resource(file, (Map<String, Object>) document));
          }
        }
      }
    }
    return resources;
  }

  static List<Resource> ofKind(String kind) throws IOException {
    return resources().stream().filter(r -> kind.equals(r.kind())).toList();
  }

  @Test
  void parsesEveryManifestWithApiVersionKindAndName() throws IOException {
    assertThat(resources()).hasSizeGreaterThan(20);
    for (Resource resource : resources()) {
      assertThat(resource.body().get("apiVersion")).as("%s", resource.file()).isNotNull();
      assertThat(resource.kind()).as("%s", resource.file()).isNotBlank();
      if (!resource.kind().equals("Kustomization")) {
        assertThat(resource.name())
            .as("%s %s", resource.file(), resource.kind())
            .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
      }
    }
  }

  @Test
  void namesExactlyTheFilesThereAreInEachKustomization() throws IOException {
    for (Resource kustomization : ofKind("Kustomization")) {
      Path folder = kustomization.file().getParent();
      List<String> listed = (List<String>) kustomization.body().get("resources");
      for (String entry : listed) {
        assertThat(folder.resolve(entry)).as("%s lists %s", kustomization.file(), entry).exists();
      }
      try (Stream<Path> files = Files.list(folder)) {
        Set<String> present =
            files
                .map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("%s lists every manifest", kustomization.file()).containsAll(present);
      }
    }
  }

  @Test
  void runsEveryServiceButTheSimulatorWithItsImagePortProbesAndResources() throws IOException {
    List<Resource> workloads = new ArrayList<>(ofKind("Deployment"));
    workloads.addAll(ofKind("StatefulSet"));
    Set<String> names = new TreeSet<>();
    for (Resource workload : workloads) {
      names.add(workload.name());
      ServiceModule module = module(workload.name());
      Map<String, Object> container = container(workload);
      assertThat(container.get("image"))
          .as("image of %s", module.id())
          .isEqualTo("shouwang/" + module.id() + ":0.1.0");
      assertThat(container.get("ports").toString())
          .contains("containerPort=" + module.port())
          .contains("name=http");
      assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
      assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
      Map<String, Map<String, Object>> resources =
          (Map<String, Map<String, Object>>) container.get("resources");
      assertThat(resources.get("requests")).containsKeys("cpu", "memory");
      assertThat(resources.get("limits")).containsKey("memory");
      assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(module.port()));
      Map<String, Object> selector =
          (Map<String, Object>) ((Map<String, Object>) workload.spec().get("selector"));
      assertThat(selector.toString()).contains("app.kubernetes.io/name=" + module.id());
    }
    assertThat(names)
        .containsExactlyInAnyOrder("ingest", "risk-engine", "alerting", "audit", "console");
    for (String name : names) {
      assertThat(ofKind("Service"))
          .as("a Service in front of %s", name)
          .anySatisfy(
              service -> {
                assertThat(service.name()).isEqualTo(name);
                assertThat(service.spec().get("ports").toString())
                    .contains("port=" + module(name).port());
              });
    }
  }

  @Test
  void runsTheRiskEngineAsAStatefulSetWithPersistentStateAndStandbys() throws IOException {
    Resource engine = ofKind("StatefulSet").get(0);
    assertThat(engine.name()).isEqualTo("risk-engine");
    Map<String, String> env = env(container(engine));
    assertThat(env).containsEntry("SHOUWANG_RISKENGINE_STANDBYREPLICAS", "1");
    assertThat(env).containsKey("SHOUWANG_RISKENGINE_INSTANCEID");
    List<Map<String, Object>> claims =
        (List<Map<String, Object>>) engine.spec().get("volumeClaimTemplates");
    String claim = (String) ((Map<String, Object>) claims.get(0).get("metadata")).get("name");
    List<Map<String, Object>> mounts =
        (List<Map<String, Object>>) container(engine).get("volumeMounts");
    assertThat(mounts).anySatisfy(m -> assertThat(m).containsEntry("name", claim));
    String mountPath =
        (String)
            mounts.stream()
                .filter(m -> claim.equals(m.get("name")))
                .findFirst()
                .get()
                .get("mountPath");
    assertThat(env.get("SHOUWANG_RISKENGINE_STATEDIR")).startsWith(mountPath + "/");
    assertThat((Integer) engine.spec().get("replicas")).isGreaterThanOrEqualTo(2);
    assertThat(ofKind("Service"))
        .anySatisfy(s -> assertThat(s.name()).isEqualTo(engine.spec().get("serviceName")));
  }

  @Test
  void declaresEveryContractTopicWithOnePartitionCountAndAYearOfHistory() throws IOException {
    Map<String, Map<String, Object>> topics =
        ofKind("KafkaTopic").stream()
            .collect(
                Collectors.toMap(
                    t -> (String) t.spec().get("topicName"), Resource::spec, (a, b) -> a));
    for (Topic<String, ?> topic : Topics.all()) {
      assertThat(topics).containsKeys(topic.name(), topic.deadLetterTopic());
    }
    Set<Object> partitions =
        topics.values().stream().map(t -> t.get("partitions")).collect(Collectors.toSet());
    assertThat(partitions).as("co-partitioned by household").hasSize(1);
    Map<String, String> common =
        (Map<String, String>)
            ofKind("ConfigMap").stream()
                .filter(c -> c.name().equals("shouwang-common"))
                .findFirst()
                .orElseThrow()
                .body()
                .get("data");
    assertThat(common.get("SHOUWANG_KAFKA_PARTITIONS"))
        .isEqualTo(String.valueOf(partitions.iterator().next()));
    assertThat(common).containsEntry("SHOUWANG_KAFKA_CREATETOPICS", "false");
    for (String history : List.of(Topics.HOUSEHOLD_EVENTS.name(), Topics.SUBSIDY_PAYMENTS.name())) {
      Map<String, Object> config = (Map<String, Object>) topics.get(history).get("config");
      long retention = ((Number) config.get("retention.ms")).longValue();
      assertThat(Duration.ofMillis(retention)).isGreaterThanOrEqualTo(Duration.ofDays(396));
    }
  }

  @Test
  void usesAStrimziKafkaAndACloudNativePgClusterWithTheServicesRoles() throws IOException {
    assertThat(ofKind("Kafka"))
        .singleElement()
        .satisfies(k -> assertThat(k.name()).isEqualTo("shouwang"));
    Resource database = ofKind("Cluster").get(0);
    assertThat(database.body().get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
    String roles = database.spec().get("managed").toString();
    assertThat(roles)
        .contains("shouwang_alerting", "shouwang_audit", "shouwang_audit_owner", "grafana");
    assertThat(ofKind("Database"))
        .extracting(d -> d.spec().get("name") + " " + d.spec().get("owner"))
        .containsExactlyInAnyOrder("alerting shouwang_alerting", "audit shouwang_audit_owner");
    Map<String, String> audit = env(container(workload("audit")));
    assertThat(audit).containsKeys("SPRING_FLYWAY_USER", "SPRING_DATASOURCE_USERNAME");
  }

  private static Resource workload(String name) throws IOException {
    return Stream.concat(ofKind("Deployment").stream(), ofKind("StatefulSet").stream())
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ServiceModule module(String id) {
    return Stream.of(ServiceModule.values())
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no service module " + id));
  }

  private static Map<String, Object> container(Resource workload) {
    Map<String, Object> template = (Map<String, Object>) workload.spec().get("template");
    List<Map<String, Object>> containers =
        (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  private static String probePath(Map<String, Object> container, String probe) {
    Map<String, Object> http =
        (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
    assertThat(http.get("port")).isEqualTo("http");
    return (String) http.get("path");
  }

  /** Literal values, and a secret or field reference as its description. */
  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> env = new java.util.TreeMap<>();
    for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
      Object value = variable.get("value");
      env.put(
          (String) variable.get("name"),
          value != null ? value.toString() : String.valueOf(variable.get("valueFrom")));
    }
    return env;
  }
}
