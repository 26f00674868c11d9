package org.shouwang.riskengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.Audience;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.Department;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.riskengine.streams.RiskEngineStreams;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The engine on the real broker: events in, alerts out (read committed), poison pills in the
 * dead-letter topic, a restart that resumes from its state, and the metrics on Prometheus.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RiskEngineApplicationIntegrationTests {

  private static final String PREFIX = SharedKafka.uniqueTopic("risk") + ".";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");
  private static final int PARTITIONS = 2;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    registry.add("shouwang.kafka.partitions", () -> String.valueOf(PARTITIONS));
    registry.add("shouwang.risk-engine.application-id", () -> PREFIX + "engine");
    registry.add("shouwang.risk-engine.instance-id", () -> PREFIX + "instance-1");
    registry.add(
        "shouwang.risk-engine.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/" + PREFIX + "state");
  }

  private static KafkaProducer<String, byte[]> producer;
  private static final List<ConsumerRecord<String, byte[]>> alerts = new CopyOnWriteArrayList<>();
  private static final List<ConsumerRecord<byte[], byte[]>> deadLetters =
      new CopyOnWriteArrayList<>();

  @Autowired MockMvcTester mvc;
  @Autowired ContractTopics topics;
  @Autowired RiskEngineStreams engine;

  @BeforeAll
  static void clients() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void closeClients() {
    producer.close();
    if (alertConsumer != null) {
      alertConsumer.close();
    }
    if (deadLetterConsumer != null) {
      deadLetterConsumer.close();
    }
  }

  @Test
  void turnsHouseholdEventsIntoCommittedAlerts() {
    String household = household();
    register(household);
    send(household, new EventData.MedicalExpense("m2", new BigDecimal("8500"), true));
    send(household, new EventData.SchoolEnrolmentChanged("m4", 12, false));
    pay(household, Programme.MINIMUM_LIVING_ALLOWANCE, "2026-02", "720");
    pay(household, Programme.MINIMUM_LIVING_ALLOWANCE, "2026-02", "720");

    List<Alert> raised = awaitAlerts(household, 3);
    assertThat(raised)
        .extracting(Alert::rule)
        .containsExactlyInAnyOrder(
            Rule.MEDICAL_BURDEN, Rule.SCHOOL_DROPOUT, Rule.DUPLICATE_PAYMENT);
    assertThat(raised)
        .filteredOn(a -> a.rule() == Rule.DUPLICATE_PAYMENT)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.audience()).isEqualTo(Audience.AUDITOR);
              assertThat(a.cadreId()).isNull();
            });
  }

  @Test
  void sendsAPoisonPillToTheDeadLetterTopicWhileLaterRecordsAreProcessed() {
    String household = household();
    producer.send(
        new ProducerRecord<>(
            topics.name(Topics.HOUSEHOLD_EVENTS),
            household,
            "{\"eventId\": 42".getBytes(StandardCharsets.UTF_8)));
    register(household);
    send(household, new EventData.HousingAssessed(HousingGrade.D));

    assertThat(awaitAlerts(household, 1))
        .extracting(Alert::rule)
        .containsExactly(Rule.UNSAFE_HOUSING);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              pollDeadLetters();
              assertThat(deadLetters)
                  .filteredOn(r -> household.equals(new String(r.key(), StandardCharsets.UTF_8)))
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(new String(r.value(), StandardCharsets.UTF_8))
                            .isEqualTo("{\"eventId\": 42");
                        assertThat(
                                new String(
                                    r.headers().lastHeader(DeadLetterHeaders.REASON_CODE).value(),
                                    StandardCharsets.UTF_8))
                            .isEqualTo("MALFORMED_JSON");
                      });
            });
  }

  @Test
  void aRestartedEngineResumesFromItsStateWithoutRepeatingAlerts() {
    String household = household();
    register(household);
    send(household, new EventData.HousingAssessed(HousingGrade.C));
    awaitAlerts(household, 1);

    engine.stop();
    engine.start();
    await().atMost(WAIT).until(() -> engine.state() == KafkaStreams.State.RUNNING);

    // the house is still unsafe: known from the restored state, so no second alert
    send(household, new EventData.HousingAssessed(HousingGrade.C));
    send(household, new EventData.MedicalInsuranceChanged("m1", false));
    List<Alert> raised = awaitAlerts(household, 2);
    assertThat(raised).extracting(Alert::rule).containsExactly(Rule.UNSAFE_HOUSING, Rule.UNINSURED);
  }

  @Test
  void anAbsenceDeadlineScheduledBeforeARestartFiresAfterIt() {
    String household = household();
    register(household);
    send(
        household,
        AT,
        new EventData.EntitlementChanged(
            Programme.MINIMUM_LIVING_ALLOWANCE, true, new BigDecimal("720")));
    // an alert of the same household proves the grant before it was processed (same partition)
    send(household, AT, new EventData.HousingAssessed(HousingGrade.C));
    awaitAlerts(household, 1);

    engine.stop();
    engine.start();
    await().atMost(WAIT).until(() -> engine.state() == KafkaStreams.State.RUNNING);

    // another household of the same partition moves the task's event time past the deadline:
    // only the deadline index rebuilt from the restored state can know this household is due
    String neighbour = householdOnSamePartition(household);
    send(neighbour, AT.plusMonths(3), new EventData.HousingAssessed(HousingGrade.A));
    // both deadlines: the identification clock the unsafe house started (nobody decided within 15
    // days) and the month not paid
    List<Alert> raised = awaitAlerts(household, 3);
    assertThat(raised)
        .extracting(Alert::rule)
        .containsExactly(Rule.UNSAFE_HOUSING, Rule.IDENTIFICATION_OVERDUE, Rule.PAYMENT_MISSED);
  }

  @Test
  void exposesItsMetricsToPrometheus() {
    String household = household();
    register(household);
    send(household, new EventData.WaterAssessed(false, 0));
    producer.send(
        new ProducerRecord<>(
            topics.name(Topics.SUBSIDY_PAYMENTS),
            household,
            "[]".getBytes(StandardCharsets.UTF_8)));
    awaitAlerts(household, 1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/actuator/prometheus"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("application=\"risk-engine\"")
                    .contains("shouwang_riskengine_events_processed_total{")
                    .contains("type=\"WATER_ASSESSED\"")
                    .contains("shouwang_riskengine_alerts_total{")
                    .contains("rule=\"UNSAFE_WATER\"")
                    .contains("shouwang_riskengine_deadletters_total{")
                    .contains("reason=\"NOT_AN_OBJECT\"")
                    .contains("shouwang_riskengine_alert_lag_seconds_bucket{")
                    .contains("shouwang_riskengine_households_at_risk{")
                    .contains("shouwang_riskengine_state_bytes")
                    .contains("shouwang_riskengine_state_households")
                    .containsPattern("shouwang_riskengine_running\\{[^}]*\\} 1\\.0")
                    // Kafka Streams' own metrics, bound to Micrometer
                    .contains("kafka_stream_"));
  }

  @Test
  void servesHealth() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
  }

  @Test
  void requiresAuthenticationOnTheApi() {
    assertThat(mvc.get().uri("/api/v1/anything")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  // ---------------------------------------------------------------- helpers

  private static String household() {
    return "430421-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void register(String household) {
    send(
        household,
        new EventData.HouseholdRegistered(
            "430421105", "西渡镇", "430421105201", "梅花村", 4, 2, true, "cadre-0001", null));
  }

  /** A household whose events land on the same partition (and task) as the given one. */
  private static String householdOnSamePartition(String household) {
    int partition = partition(household);
    while (true) {
      String other = household();
      if (partition(other) == partition) {
        return other;
      }
    }
  }

  private static int partition(String household) {
    return Utils.toPositive(Utils.murmur2(household.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  private void send(String household, EventData data) {
    send(household, AT, data);
  }

  private void send(String household, OffsetDateTime at, EventData data) {
    HouseholdEvent event =
        HouseholdEvent.of(
            UUID.randomUUID().toString(),
            household,
            at,
            Source.DEPARTMENT,
            Department.CIVIL_AFFAIRS,
            data);
    producer.send(
        new ProducerRecord<>(
            topics.name(Topics.HOUSEHOLD_EVENTS), household, ContractSerdes.toJson(event)));
  }

  private void pay(String household, Programme programme, String period, String amount) {
    SubsidyPayment payment =
        new SubsidyPayment(
            UUID.randomUUID().toString(),
            household,
            programme,
            period,
            new BigDecimal(amount),
            AT,
            "衡阳县民政局");
    producer.send(
        new ProducerRecord<>(
            topics.name(Topics.SUBSIDY_PAYMENTS), household, ContractSerdes.toJson(payment)));
  }

  /** Waits for exactly this many alerts of the household, and a moment more for strays. */
  private List<Alert> awaitAlerts(String household, int count) {
    producer.flush();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              pollAlerts();
              assertThat(alertsOf(household)).hasSizeGreaterThanOrEqualTo(count);
            });
    pollAlerts();
    List<Alert> raised = alertsOf(household);
    assertThat(raised).hasSize(count);
    return raised;
  }

  private static List<Alert> alertsOf(String household) {
    List<Alert> result = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : alerts) {
      if (household.equals(r.key())) {
        result.add(ContractSerdes.alert().deserializer().deserialize(r.topic(), r.value()));
      }
    }
    return result;
  }

  private static KafkaConsumer<String, byte[]> alertConsumer;
  private static KafkaConsumer<byte[], byte[]> deadLetterConsumer;

  private void pollAlerts() {
    if (alertConsumer == null) {
      alertConsumer = consumer(new StringDeserializer(), topics.name(Topics.RISK_ALERTS));
    }
    alertConsumer.poll(Duration.ofMillis(500)).forEach(alerts::add);
  }

  private void pollDeadLetters() {
    if (deadLetterConsumer == null) {
      deadLetterConsumer =
          consumer(
              new ByteArrayDeserializer(),
              topics.resolve(Topics.HOUSEHOLD_EVENTS).deadLetterTopic());
    }
    deadLetterConsumer.poll(Duration.ofMillis(500)).forEach(deadLetters::add);
  }

  private static <K> KafkaConsumer<K, byte[]> consumer(
      org.apache.kafka.common.serialization.Deserializer<K> keys, String topic) {
    KafkaConsumer<K, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                PREFIX + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            keys,
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }
}
