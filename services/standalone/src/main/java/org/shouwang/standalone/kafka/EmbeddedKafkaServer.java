package org.shouwang.standalone.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster (broker and controller in one process, KRaft) whose log lives in a
 * directory of its own: formatted on first start, reused afterwards, so data survives a restart.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  /**
   * @param directory where the cluster keeps its log and configuration
   * @param port the client port (9092 by default)
   * @param controllerPort the KRaft controller port
   */
  public EmbeddedKafkaServer(Path directory, int port, int controllerPort) {
    this.directory = directory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** The bootstrap servers clients connect to. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Formats the storage if it is new, starts the server and waits until it answers. */
  public void start() {
    try {
      Files.createDirectories(directory);
      Path logs = directory.resolve("logs");
      Properties config = config(logs);
      Path configFile = directory.resolve("server.properties");
      try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
        config.store(out, "written by Shouwang standalone at every start");
      }
      format(configFile);
      server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
      server.startup();
      awaitReady();
      log.info("Kafka broker (KRaft) ready on {}, data in {}", bootstrapServers(), logs);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare Kafka's directory " + directory, e);
    }
  }

  private Properties config(Path logs) {
    Properties p = new Properties();
    p.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("log.dirs", logs.toString()),
            Map.entry("num.partitions", "6"),
            // one node: internal topics cannot wait for replicas that never come
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "true")));
    return p;
  }

  private void format(Path configFile) throws IOException {
    Path clusterIdFile = directory.resolve("cluster-id");
    if (!Files.exists(clusterIdFile)) {
      Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
    }
    String clusterId = Files.readString(clusterIdFile).strip();
    PrintStream quiet =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    int exit =
        StorageTool.execute(
            new String[] {
              "format",
              "--config",
              configFile.toString(),
              "--cluster-id",
              clusterId,
              "--ignore-formatted"
            },
            quiet);
    if (exit != 0) {
      throw new IllegalStateException("formatting Kafka's storage failed with exit code " + exit);
    }
  }

  private void awaitReady() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis()))) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "the Kafka broker did not answer on " + bootstrapServers() + " within " + READY_TIMEOUT,
          e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
      log.info("Kafka broker stopped");
    }
  }
}
