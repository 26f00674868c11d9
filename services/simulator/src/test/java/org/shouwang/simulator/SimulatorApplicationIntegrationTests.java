package org.shouwang.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractReader;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.events.Topics;
import org.shouwang.events.Validated;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.plan.GroundTruthFile;
import org.shouwang.simulator.plan.SimRecord;
import org.shouwang.simulator.plan.SimulationConfig;
import org.shouwang.simulator.plan.SimulationPlan;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The simulator in a Spring context streams a small county to the real broker. */
@SpringBootTest
@AutoConfigureMockMvc
class SimulatorApplicationIntegrationTests {

  private static final String PREFIX = SharedKafka.uniqueTopic("simulator") + ".";
  private static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T00:00:00+08:00");
  private static final OffsetDateTime END = START.plusYears(1);
  private static final int HOUSEHOLDS = 300;
  private static final long SEED = 20_260_301L;
  private static final Path GROUND_TRUTH =
      Path.of("target", "tmp", "ground-truth-" + UUID.randomUUID() + ".jsonl");

  /** What the service must stream: the same plan, built through the plain Java API. */
  private static final SimulationPlan EXPECTED =
      SimulationPlan.generate(
          SimulationConfig.defaults(SEED, START, END)
              .withCounty(CountyShape.defaults().withHouseholds(HOUSEHOLDS))
              .withRiskMix());

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    registry.add("shouwang.simulator.seed", () -> SEED);
    registry.add("shouwang.simulator.county.households", () -> HOUSEHOLDS);
    registry.add("shouwang.simulator.start", START::toString);
    registry.add("shouwang.simulator.end", END::toString);
    // a year in well under a second
    registry.add("shouwang.simulator.speed", () -> 1.0e9);
    registry.add("shouwang.simulator.tick", () -> "20ms");
    registry.add("shouwang.simulator.ground-truth-path", GROUND_TRUTH::toString);
  }

  @Autowired MockMvcTester mvc;

  @Test
  void streamsTheWholeCountyToTheContractTopicsAndEveryRecordValidates() {
    Map<String, List<ConsumerRecord<String, byte[]>>> received = new HashMap<>();
    String events = PREFIX + Topics.HOUSEHOLD_EVENTS.name();
    String payments = PREFIX + Topics.SUBSIDY_PAYMENTS.name();
    long expectedEvents = EXPECTED.recordCounts().get(SimRecord.Kind.EVENT);
    long expectedPayments = EXPECTED.recordCounts().get(SimRecord.Kind.PAYMENT);

    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(events, payments));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> received.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
                return size(received, events) >= expectedEvents
                    && size(received, payments) >= expectedPayments;
              });
    }

    assertThat(size(received, events)).isEqualTo(expectedEvents);
    assertThat(size(received, payments)).isEqualTo(expectedPayments);
    ContractReader reader = new ContractReader(Clock.systemUTC());
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : received.get(events)) {
      Validated<HouseholdEvent> event = reader.readHouseholdEvent(record.value());
      assertThat(event.violations()).isEmpty();
      assertThat(record.key()).isEqualTo(event.value().householdId());
      ids.add(event.value().eventId());
    }
    for (ConsumerRecord<String, byte[]> record : received.get(payments)) {
      Validated<SubsidyPayment> payment = reader.readSubsidyPayment(record.value());
      assertThat(payment.violations()).isEmpty();
      assertThat(record.key()).isEqualTo(payment.value().householdId());
      ids.add(payment.value().paymentId());
    }
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            EXPECTED.records().stream().map(SimRecord::id).toList());
  }

  @Test
  void writesTheGroundTruthOfWhatItInjects() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(GROUND_TRUTH) && !Files.readAllLines(GROUND_TRUTH).isEmpty());

    assertThat(GroundTruthFile.read(GROUND_TRUTH)).isEqualTo(EXPECTED.groundTruth());
  }

  @Test
  void reportsItsStatusToAdministrators() {
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(
                        mvc.get().uri("/api/v1/simulation").header("Authorization", basic("admin")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.state")
                    .isEqualTo("FINISHED"));
    assertThat(mvc.get().uri("/api/v1/simulation").header("Authorization", basic("admin")))
        .bodyJson()
        .extractingPath("$.recordsSent")
        .isEqualTo(EXPECTED.records().size());
  }

  @Test
  void refusesTheStatusToCadresAndStrangers() {
    assertThat(mvc.get().uri("/api/v1/simulation").header("Authorization", basic("cadre-0001")))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/api/v1/simulation")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void servesHealthAndEveryMetricFamily() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/actuator/prometheus"))
                    .hasStatusOk()
                    .bodyText()
                    .contains(
                        "application=\"simulator\"",
                        "shouwang_simulator_records_sent_total{",
                        "type=\"HOUSEHOLD_REGISTERED\"",
                        "type=\"MINIMUM_LIVING_ALLOWANCE\"",
                        "shouwang_simulator_records_failed_total{",
                        "shouwang_simulator_scenarios_injected_total{",
                        "rule=\"PAYMENT_UNREGISTERED\"",
                        "shouwang_simulator_progress",
                        "shouwang_simulator_records_planned",
                        "shouwang_simulator_clock_lag_seconds",
                        "shouwang_simulator_clock_simulated_seconds"));
  }

  private static long size(Map<String, List<ConsumerRecord<String, byte[]>>> received, String t) {
    return received.getOrDefault(t, List.of()).size();
  }

  private static String basic(String user) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":shouwang").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "simulator-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5000),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
