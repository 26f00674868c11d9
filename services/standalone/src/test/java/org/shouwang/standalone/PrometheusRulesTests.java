package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules in {@code docker/prometheus/} are valid and do what their unit tests say
 * ({@code promtool check rules} and {@code promtool test rules}); skipped where promtool is not on
 * the machine, required in CI, which installs it.
 */
class PrometheusRulesTests {

  static final Path PROMETHEUS = ComposeFileTests.ROOT.resolve("docker/prometheus");

  @Test
  void rulesPassPromtoolsCheck() throws Exception {
    String output = promtool("check", "rules", PROMETHEUS.resolve("alerts.yml").toString());
    assertThat(output).contains("SUCCESS");
  }

  @Test
  void rulesFireAsTheirUnitTestsExpect() throws Exception {
    String output = promtool("test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString());
    assertThat(output).contains("SUCCESS");
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusInComposeLoadsTheRules() throws IOException {
    Map<String, Object> config = ComposeFileTests.yaml(PROMETHEUS.resolve("prometheus.yml"));
    assertThat((List<String>) config.get("rule_files")).contains("/etc/prometheus/alerts.yml");
    Map<String, Object> compose =
        ComposeFileTests.yaml(ComposeFileTests.ROOT.resolve("docker-compose.yml"));
    Map<String, Object> prometheus =
        (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("prometheus");
    assertThat((List<String>) prometheus.get("volumes"))
        .contains("./docker/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
  }

  private static String promtool(String... arguments) throws Exception {
    Optional<Path> promtool =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .filter(directory -> !directory.isBlank())
            .map(directory -> Path.of(directory, "promtool"))
            .filter(Files::isExecutable)
            .findFirst();
    Assumptions.assumeTrue(
        promtool.isPresent() || System.getenv("CI") != null,
        "promtool is not on this machine (apt-get install prometheus)");
    assertThat(promtool).as("CI installs promtool (see .ci/run)").isPresent();
    List<String> command = new java.util.ArrayList<>(List.of(promtool.get().toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
