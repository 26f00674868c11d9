package org.shouwang.standalone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (the machine's {@code prometheus} binary) scraping the standalone's
 * services every second, for the test that asks it every board query.
 */
final class RealPrometheus implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int port;

  private RealPrometheus(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The prometheus binary on the PATH, if there is one. */
  static Optional<Path> binary() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(directory -> !directory.isBlank())
        .map(directory -> Path.of(directory, "prometheus"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static RealPrometheus start(Path binary, Path workDirectory, List<Integer> servicePorts)
      throws IOException {
    Path home = Files.createDirectories(workDirectory.resolve("prometheus"));
    String targets =
        servicePorts.stream().map(p -> "'localhost:" + p + "'").collect(Collectors.joining(", "));
    Path config = home.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: shouwang
            metrics_path: /actuator/prometheus
            static_configs:
              - targets: [%s]
        """
            .formatted(targets));
    int port = freePort();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("prometheus.log").toFile())
            .start();
    RealPrometheus prometheus = new RealPrometheus(process, port);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> prometheus.query("up == 1") == servicePorts.size());
    return prometheus;
  }

  /** How many series an instant query returns; fails on a query Prometheus refuses. */
  int query(String expr) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + port
                              + "/api/v1/query?query="
                              + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (!"success".equals(body.path("status").asString())) {
        throw new AssertionError("Prometheus refused " + expr + ": " + response.body());
      }
      return body.path("data").path("result").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The expression as Grafana sends it with every variable at "all" and a one-hour range. */
  static String withGrafanaVariables(String expr) {
    return expr.replace("$township", ".*")
        .replace("$__range", "1h")
        .replace("$__rate_interval", "1m")
        .replace("$__interval", "15s");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
