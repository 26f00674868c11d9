package org.shouwang.riskengine.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.File;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.shouwang.riskengine.RiskEngineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the topology: exactly-once v2, state under the configured directory, static membership when
 * an instance id is set, and leaves the group on close so a restart gets its tasks back at once
 * instead of after a session timeout.
 */
public final class RiskEngineStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RiskEngineStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Topology topology;
  private final RiskEngineProperties properties;
  private final Properties config;
  private final MeterRegistry registry;
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics clientMetrics;

  /**
   * @param registry where Kafka Streams' own metrics (lag, rates, state) and {@code
   *     shouwang.riskengine.running} go (1 while RUNNING: the ops alert RiskEngineNotRunning)
   */
  public RiskEngineStreams(
      Topology topology,
      RiskEngineProperties properties,
      String bootstrap,
      MeterRegistry registry) {
    this.topology = topology;
    this.properties = properties;
    this.config = config(properties, bootstrap);
    this.registry = registry;
    Gauge.builder(
            "shouwang.riskengine.running",
            this,
            engine -> engine.state() == KafkaStreams.State.RUNNING ? 1 : 0)
        .description("1 while the engine's Kafka Streams client is RUNNING, else 0")
        .register(registry);
  }

  /** The Kafka Streams configuration of the engine. */
  public static Properties config(RiskEngineProperties properties, String bootstrap) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(properties));
    if (!properties.instanceId().isBlank()) {
      p.put(
          StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          properties.instanceId());
    }
    return p;
  }

  static String stateDir(RiskEngineProperties properties) {
    return properties.stateDir().isBlank()
        ? new File(System.getProperty("java.io.tmpdir"), "shouwang-risk-engine").getPath()
        : properties.stateDir();
  }

  @Override
  public void start() {
    KafkaStreams created = new KafkaStreams(topology, config);
    created.setUncaughtExceptionHandler(
        e -> {
          log.error("a risk engine stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    // the client's metrics (records lag, process rates, thread states) next to the engine's own
    clientMetrics = new KafkaStreamsMetrics(created);
    clientMetrics.bindTo(registry);
    created.start();
    streams = created;
    log.info(
        "risk engine started: application id {}, state in {}",
        properties.applicationId(),
        config.get(StreamsConfig.STATE_DIR_CONFIG));
  }

  @Override
  public void stop() {
    KafkaStreams running = streams;
    if (running != null) {
      running.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
      streams = null;
      if (clientMetrics != null) {
        clientMetrics.close();
        clientMetrics = null;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  @Override
  public boolean isAutoStartup() {
    return properties.autoStartup();
  }

  /** The running engine's state, or {@code NOT_RUNNING}. */
  public KafkaStreams.State state() {
    KafkaStreams running = streams;
    return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
  }
}
