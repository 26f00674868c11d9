package org.shouwang.alerting.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.CaseState;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.Severity;
import org.shouwang.events.Source;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.platform.kafka.KafkaTopicsProperties;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox while Kafka is down, on the real database and the shared broker: a relay pass that
 * cannot reach a broker publishes nothing and keeps every row (case and household events), and the
 * next pass with the broker back sends each of them once, in order, to its topic.
 */
class CaseEventRelayIntegrationTests {

  private static final String PREFIX = SharedKafka.uniqueTopic("relay") + ".";
  private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  private static JdbcClient jdbc;
  private static TransactionTemplate tx;
  private static ContractTopics topics;
  private static AlertingProperties properties;

  @BeforeAll
  static void setUp() throws IOException {
    SharedPostgres.Database database = SharedPostgres.newDatabase("alerting_relay");
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .locations("classpath:db/migration/alerting")
        .load()
        .migrate();
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
    jdbc = JdbcClient.create(dataSource);
    tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    topics = new ContractTopics(new KafkaTopicsProperties(PREFIX, 1, (short) 1, true));
    SharedKafka.createTopics(
        1, topics.name(Topics.CASE_EVENTS), topics.name(Topics.HOUSEHOLD_EVENTS));
    List<org.springframework.core.env.PropertySource<?>> sources =
        List.of(
            new ResourcePropertySource(new ClassPathResource("alerting.properties")),
            new ResourcePropertySource(
                new ClassPathResource("shouwang-platform-defaults.properties")));
    properties =
        new Binder(
                ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources))
            .bind("shouwang.alerting", AlertingProperties.class)
            .get();
  }

  @Test
  void keepsEveryRowWhileKafkaIsDownAndSendsEachOnceWhenItIsBack() {
    String household = "430421-101-" + (10000 + (int) (Math.random() * 89999));
    String caseEventId = UUID.randomUUID().toString();
    String householdEventId = UUID.randomUUID().toString();
    tx.executeWithoutResult(
        status -> {
          new CaseEventOutbox(jdbc, CLOCK).append(caseEvent(caseEventId, household));
          new HouseholdEventOutbox(jdbc, CLOCK)
              .append(
                  HouseholdEvent.of(
                      householdEventId,
                      household,
                      OffsetDateTime.now(CLOCK),
                      Source.CADRE,
                      null,
                      new EventData.AssistanceRecorded(AssistanceMeasure.EMPLOYMENT, null)));
        });

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PublishingMetrics metrics = new PublishingMetrics(registry);
    KafkaTemplate<Object, Object> down = template("127.0.0.1:" + closedPort());
    try {
      new CaseEventRelay(jdbc, tx, down, topics, CLOCK, metrics, properties).relay();
    } finally {
      down.getProducerFactory().reset();
    }
    assertThat(registry.get("shouwang.case.events.relay.failures").counter().count()).isEqualTo(1);
    assertThat(unpublished()).isEqualTo(2);

    KafkaTemplate<Object, Object> up = template(SharedKafka.bootstrapServers());
    try {
      CaseEventRelay relay = new CaseEventRelay(jdbc, tx, up, topics, CLOCK, metrics, properties);
      relay.relay();
      assertThat(unpublished()).isZero();
      relay.relay();
    } finally {
      up.getProducerFactory().reset();
    }
    assertThat(registry.get("shouwang.case.events.published").counter().count()).isEqualTo(1);
    assertThat(registry.get("shouwang.household.events.published").counter().count()).isEqualTo(1);

    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(
          List.of(topics.name(Topics.CASE_EVENTS), topics.name(Topics.HOUSEHOLD_EVENTS)));
      List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertThat(seen).hasSize(2);
              });
      // nothing more arrives: each row went once
      consumer.poll(Duration.ofSeconds(1)).forEach(seen::add);
      assertThat(seen)
          .extracting(r -> r.topic() + " " + r.key())
          .containsExactlyInAnyOrder(
              topics.name(Topics.CASE_EVENTS) + " " + household,
              topics.name(Topics.HOUSEHOLD_EVENTS) + " " + household);
      assertThat(seen)
          .filteredOn(r -> r.topic().equals(topics.name(Topics.HOUSEHOLD_EVENTS)))
          .singleElement()
          .satisfies(r -> assertThat(new String(r.value())).contains(householdEventId));
    }
  }

  private static long unpublished() {
    return jdbc.sql("select count(*) from case_event_outbox where published_at is null")
        .query(Long.class)
        .single();
  }

  private static CaseEvent caseEvent(String eventId, String household) {
    return new CaseEvent(
        eventId,
        UUID.randomUUID().toString(),
        household,
        Audience.CADRE,
        CaseAction.MEASURE_RECORDED,
        CaseState.ASSISTING,
        Severity.HIGH,
        "cadre-0001",
        OffsetDateTime.now(CLOCK),
        "介绍务工",
        List.of(),
        "430421101",
        Map.of("measure", "EMPLOYMENT"));
  }

  private static KafkaTemplate<Object, Object> template(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all",
            // the broker that is down fails the pass quickly instead of after a minute
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            2000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            3000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            1000);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "relay-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  /** A port nothing listens on: the broker that is down. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
