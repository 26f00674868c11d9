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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default killed with SIGKILL while records stream through ingest, then started again
 * on the same data while the producer resends everything it sent (the same ids): no household
 * event, alert, case, notification or audit entry is lost or doubled. The second variant also kills
 * PostgreSQL, which otherwise outlives the JVM (pg_ctl detaches it).
 *
 * <p>The standalone runs in a child JVM on the test's class path, so the kill is a real one: the
 * broker, the database server's client side, the Kafka Streams engine and every consumer die
 * without a chance to flush or commit.
 */
class StandaloneRestartIntegrationTests {

  private static final int HOUSEHOLDS = 240;
  private static final int HOUSEHOLDS_PER_BATCH = 20;
  private static final int BATCHES_BEFORE_KILL = 5;
  private static final Duration START = Duration.ofMinutes(4);
  private static final Duration SETTLE = Duration.ofMinutes(4);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  private final List<ChildStandalone> children = new ArrayList<>();

  @Test
  void losesAndDoublesNothingWhenTheJvmIsKilled() throws Exception {
    killWhileStreamingThenResend(false);
  }

  @Test
  void losesAndDoublesNothingWhenTheJvmAndPostgresAreKilled() throws Exception {
    killWhileStreamingThenResend(true);
  }

  private void killWhileStreamingThenResend(boolean killPostgres) throws Exception {
    Ports ports = Ports.free();
    List<String> batches = batches();

    ChildStandalone first = ChildStandalone.start(data, ports, "first");
    children.add(first);
    AtomicInteger acknowledged = new AtomicInteger();
    CompletableFuture<Void> streaming =
        CompletableFuture.runAsync(
            () -> {
              for (String batch : batches) {
                try {
                  if (post(ports, batch).statusCode() != 202) {
                    return;
                  }
                } catch (IOException e) {
                  return; // the service died under the request: expected
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                acknowledged.incrementAndGet();
              }
            });
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> assertThat(acknowledged.get()).isGreaterThanOrEqualTo(BATCHES_BEFORE_KILL));
    long postgresPid = first.postgresPid();
    first.kill();
    if (killPostgres) {
      ProcessHandle postgres = ProcessHandle.of(postgresPid).orElseThrow();
      assertThat(postgres.destroyForcibly()).as("SIGKILL sent to PostgreSQL").isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> !postgres.isAlive());
    } else {
      assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
          .as("PostgreSQL outlives the killed JVM")
          .contains(true);
    }
    streaming.join();
    assertThat(acknowledged.get())
        .as("the kill came while records were still streaming")
        .isLessThan(batches.size());

    ChildStandalone second = ChildStandalone.start(data, ports, "second");
    children.add(second);
    try {
      // the producer did not learn which records of the interrupted request landed: it resends
      // everything, with the same ids
      int duplicates = 0;
      int accepted = 0;
      for (String batch : batches) {
        HttpResponse<String> response = post(ports, batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.path("rejected").asInt()).as(response.body()).isZero();
        assertThat(report.path("failed").asInt()).as(response.body()).isZero();
        duplicates += report.path("duplicates").asInt();
        accepted += report.path("accepted").asInt();
      }
      assertThat(duplicates)
          .as("records acknowledged before the kill are recognised after the restart")
          .isGreaterThanOrEqualTo(acknowledged.get() * HOUSEHOLDS_PER_BATCH * 2);
      assertThat(accepted + duplicates).isEqualTo(HOUSEHOLDS * 2);

      await()
          .atMost(SETTLE)
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                assertThat(count(ports, "alerting", "SELECT count(*) FROM cases"))
                    .isEqualTo(HOUSEHOLDS);
                assertThat(
                        count(
                            ports,
                            "audit",
                            "SELECT count(*) FROM audit_log WHERE source_topic = 'risk.alerts'"))
                    .isEqualTo(HOUSEHOLDS);
                assertThat(consumersBehind(ports)).isEmpty();
              });

      // every event on household.events once, and in the audit log once
      assertThat(
              count(
                  ports,
                  "audit",
                  "SELECT count(*) FROM audit_log WHERE source_topic = 'household.events'"))
          .isEqualTo(HOUSEHOLDS * 2);
      assertThat(
              count(
                  ports,
                  "audit",
                  "SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'eventId')"
                      + " FROM audit_log WHERE source_topic = 'household.events'"))
          .isEqualTo(HOUSEHOLDS * 2);
      // one alert per household, on the topic (audit) and in alerting
      assertThat(
              count(
                  ports,
                  "audit",
                  "SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'householdId')"
                      + " FROM audit_log WHERE source_topic = 'risk.alerts'"))
          .isEqualTo(HOUSEHOLDS);
      assertThat(
              count(
                  ports,
                  "alerting",
                  "SELECT count(DISTINCT household_id) FROM alerts WHERE rule = 'UNSAFE_HOUSING'"))
          .isEqualTo(HOUSEHOLDS);
      assertThat(count(ports, "alerting", "SELECT count(*) FROM alerts")).isEqualTo(HOUSEHOLDS);
      // one case per household, each announced to its cadre once
      assertThat(count(ports, "alerting", "SELECT count(DISTINCT household_id) FROM cases"))
          .isEqualTo(HOUSEHOLDS);
      assertThat(
              count(
                  ports,
                  "alerting",
                  "SELECT count(*) FROM notification_items WHERE kind = 'ALERT'"))
          .isEqualTo(HOUSEHOLDS);
      assertThat(
              count(
                  ports,
                  "alerting",
                  "SELECT count(DISTINCT case_id) FROM notification_items WHERE kind = 'ALERT'"))
          .isEqualTo(HOUSEHOLDS);
      // the hash chain is whole across both runs
      HttpResponse<String> verify =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + ports.service(ServiceModule.AUDIT)
                              + "/api/v1/audit/verify"))
                  .header("Authorization", basic("auditor"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
      assertThat(JSON.readTree(verify.body()).path("status").asString())
          .as(verify.body())
          .isEqualTo("OK");
    } finally {
      second.stop();
    }
  }

  /** A failed run must leave neither a child JVM nor its PostgreSQL (pg_ctl detaches it) behind. */
  @AfterEach
  void stopLeftoverPostgres() throws IOException {
    children.forEach(child -> child.process.destroyForcibly());
    Path pid = data.resolve("standalone/postgres/postmaster.pid");
    if (Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** Each household registered, then its housing appraised D: one UNSAFE_HOUSING alert each. */
  private static List<String> batches() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    List<String> batches = new ArrayList<>();
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      String household = String.format("430421-101-%05d", i + 1);
      OffsetDateTime at = now.minusMinutes(30).plusSeconds(i);
      for (String event : UnsafeHousingEvents.of(household, at, "430421101", "cadre-0001", "D")) {
        batch.append(batch.length() == 0 ? "[" : ",").append(event);
      }
      if ((i + 1) % HOUSEHOLDS_PER_BATCH == 0) {
        batches.add(batch.append("]").toString());
        batch.setLength(0);
      }
    }
    return batches;
  }

  private HttpResponse<String> post(Ports ports, String batch)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + ports.service(ServiceModule.INGEST)
                        + "/api/v1/household-events"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Authorization", basic("ingest"))
            .POST(HttpRequest.BodyPublishers.ofString(batch))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":shouwang").getBytes(StandardCharsets.UTF_8));
  }

  private static long count(Ports ports, String database, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + ports.postgres + "/" + database,
                "postgres",
                "postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Each consumer group's partitions whose committed offset is behind the end of the log. */
  private static List<String> consumersBehind(Ports ports) throws Exception {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.kafka);
    List<String> behind = new ArrayList<>();
    try (Admin admin = Admin.create(config)) {
      for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        committed.forEach(
            (partition, offset) -> {
              // a transactional producer's last commit marker takes an offset no consumer commits
              long end = ends.get(partition).offset() - (transactional(partition.topic()) ? 1 : 0);
              if (offset == null || offset.offset() < end) {
                behind.add(
                    group.groupId()
                        + " "
                        + partition
                        + " at "
                        + (offset == null ? "-" : offset.offset())
                        + " of "
                        + end);
              }
            });
      }
    }
    return behind;
  }

  /** Topics written by the risk engine's exactly-once producer: alerts and its own topics. */
  private static boolean transactional(String topic) {
    return topic.equals("risk.alerts") || topic.startsWith("shouwang-risk-engine-");
  }

  /** Every port the child standalone listens on, chosen once so the restart reuses them. */
  record Ports(int kafka, int controller, int postgres, Map<ServiceModule, Integer> services) {

    static Ports free() throws IOException {
      Map<ServiceModule, Integer> services = new EnumMap<>(ServiceModule.class);
      for (ServiceModule module : ServiceModule.values()) {
        services.put(module, freePort());
      }
      return new Ports(freePort(), freePort(), freePort(), services);
    }

    int service(ServiceModule module) {
      return services.get(module);
    }
  }

  /** The standalone's main class in a JVM of its own. */
  static final class ChildStandalone {

    private final Process process;
    private final Path log;
    private final Path data;

    private ChildStandalone(Process process, Path log, Path data) {
      this.process = process;
      this.log = log;
      this.data = data;
    }

    static ChildStandalone start(Path data, Ports ports, String name) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>();
      command.add(java);
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-Xmx1g");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Standalone.class.getName());
      command.add("--data-dir=" + data.resolve("standalone"));
      command.add("--no-simulator");
      command.add("--shouwang.kafka.partitions=2");
      for (ServiceModule module : ServiceModule.values()) {
        command.add("--" + module.id() + ".server.port=" + ports.service(module));
      }
      Path log = data.resolve(name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.remove("KAFKA_BOOTSTRAP_SERVERS");
      env.remove("SHOUWANG_DATABASE_URL");
      env.put("SHOUWANG_KAFKA_PORT", Integer.toString(ports.kafka));
      env.put("SHOUWANG_KAFKA_CONTROLLER_PORT", Integer.toString(ports.controller));
      env.put("SHOUWANG_POSTGRES_PORT", Integer.toString(ports.postgres));
      ChildStandalone child = new ChildStandalone(builder.start(), log, data);
      HttpClient http = HttpClient.newHttpClient();
      try {
        await()
            .atMost(START)
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptionsInstanceOf(IOException.class)
            .untilAsserted(
                () -> {
                  assertThat(child.process.isAlive()).as(child.tail()).isTrue();
                  for (ServiceModule module : ServiceModule.values()) {
                    if (module == ServiceModule.SIMULATOR) {
                      continue;
                    }
                    HttpResponse<String> health =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://localhost:"
                                            + ports.service(module)
                                            + "/actuator/health"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(health.body()).as(module.id()).contains("\"status\":\"UP\"");
                  }
                });
      } catch (Throwable e) {
        // whatever failed (a timeout, a refused connection), no child JVM outlives the test
        child.process.destroyForcibly();
        throw e;
      }
      return child;
    }

    long postgresPid() throws IOException {
      return Long.parseLong(
          Files.readAllLines(data.resolve("standalone/postgres/postmaster.pid")).get(0).trim());
    }

    void kill() {
      process.destroyForcibly(); // SIGKILL
      await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGTERM: the standalone's shutdown hook stops the services, PostgreSQL and the broker. */
    void stop() {
      process.destroy();
      try {
        await().atMost(Duration.ofMinutes(1)).until(() -> !process.isAlive());
      } finally {
        process.destroyForcibly();
      }
    }

    String tail() {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
