package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shouwang.alerting.AlertingApplication;
import org.shouwang.riskengine.RiskEngineApplication;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out on the shared broker: two risk engine instances (one Kafka Streams application) and two
 * alerting instances (one consumer group, one database) at once. Records stream while one instance
 * of each is stopped and later started again; every household still gets exactly one alert on the
 * topic and one case, so no alert or case is lost or doubled and no household's alerts were raised
 * by two instances at once (the engine's exactly-once processing moves a partition, its state and
 * its output between instances as a whole).
 */
class ScaleOutIntegrationTests {

  private static final int PARTITIONS = 4;
  private static final int HOUSEHOLDS = 300;
  private static final Duration SETTLE = Duration.ofMinutes(4);

  private final String prefix = "scale" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private final SharedPostgres.Database database = SharedPostgres.newDatabase("scaleout");
  private final List<ConfigurableApplicationContext> running = new ArrayList<>();

  @TempDir Path data;

  @AfterEach
  void stopAll() {
    running.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void twoEnginesAndTwoAlertingInstancesLoseAndDoubleNothingWhileOneOfEachRestarts()
      throws Exception {
    ConfigurableApplicationContext engineOne = engine(1);
    ConfigurableApplicationContext engineTwo = engine(2);
    ConfigurableApplicationContext alertingOne = alerting();
    ConfigurableApplicationContext alertingTwo = alerting();

    try (KafkaProducer<String, String> producer = producer()) {
      int third = HOUSEHOLDS / 3;
      send(producer, 0, third);
      await()
          .atMost(SETTLE)
          .untilAsserted(() -> assertThat(count("SELECT count(*) FROM cases")).isPositive());
      // one of each stops while records keep coming
      stop(engineOne);
      stop(alertingOne);
      send(producer, third, 2 * third);
      // and starts again on the same state directory while the rest streams
      engine(1);
      alerting();
      send(producer, 2 * third, HOUSEHOLDS);
    }
    assertThat(engineTwo.isActive()).isTrue();
    assertThat(alertingTwo.isActive()).isTrue();

    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(count("SELECT count(DISTINCT household_id) FROM cases"))
                  .isEqualTo(HOUSEHOLDS);
              assertThat(alertsOnTopic()).hasSize(HOUSEHOLDS);
            });
    Map<String, Integer> perHousehold = new HashMap<>();
    for (ConsumerRecord<String, String> alert : alertsOnTopic()) {
      assertThat(alert.value()).contains("\"rule\":\"UNSAFE_HOUSING\"");
      perHousehold.merge(alert.key(), 1, Integer::sum);
    }
    assertThat(perHousehold)
        .hasSize(HOUSEHOLDS)
        .allSatisfy((household, n) -> assertThat(n).isOne());
    assertThat(count("SELECT count(*) FROM alerts")).isEqualTo(HOUSEHOLDS);
    assertThat(count("SELECT count(*) FROM cases")).isEqualTo(HOUSEHOLDS);
    assertThat(count("SELECT count(*) FROM notification_items WHERE kind = 'ALERT'"))
        .isEqualTo(HOUSEHOLDS);
  }

  private ConfigurableApplicationContext engine(int instance) {
    return start(
        RiskEngineApplication.class,
        "--spring.autoconfigure.exclude=" + Standalone.NO_DATABASE,
        "--shouwang.risk-engine.application-id=" + prefix + "engine",
        "--shouwang.risk-engine.state-dir=" + data.resolve("engine-" + instance));
  }

  private ConfigurableApplicationContext alerting() {
    return start(
        AlertingApplication.class,
        "--spring.datasource.url=" + database.jdbcUrl(),
        "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password(),
        "--shouwang.alerting.consumer.group-id=" + prefix + "alerting");
  }

  private ConfigurableApplicationContext start(Class<?> application, String... own) {
    List<String> arguments = new ArrayList<>(List.of(own));
    arguments.add("--server.port=0");
    arguments.add("--spring.jmx.enabled=false");
    arguments.add("--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
    arguments.add("--shouwang.kafka.topic-prefix=" + prefix);
    arguments.add("--shouwang.kafka.partitions=" + PARTITIONS);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application)
            .logStartupInfo(false)
            .registerShutdownHook(false)
            .run(arguments.toArray(String[]::new));
    running.add(context);
    return context;
  }

  private void stop(ConfigurableApplicationContext context) {
    context.close();
    running.remove(context);
  }

  private void send(KafkaProducer<String, String> producer, int from, int to) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    for (int i = from; i < to; i++) {
      String household = String.format("430421-102-%05d", i + 1);
      OffsetDateTime at = now.minusMinutes(30).plusSeconds(i);
      for (String event : UnsafeHousingEvents.of(household, at, "430421102", "cadre-0002", "C")) {
        producer.send(new ProducerRecord<>(prefix + "household.events", household, event));
      }
    }
    producer.flush();
  }

  private static KafkaProducer<String, String> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Every committed alert on the topic, read from the start. */
  private List<ConsumerRecord<String, String>> alertsOnTopic() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, String>> alerts = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        partitions.add(new TopicPartition(prefix + "risk.alerts", p));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(alerts::add);
      }
    }
    return alerts;
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
