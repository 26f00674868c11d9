package org.shouwang.riskengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Rule;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.plan.GroundTruth;
import org.shouwang.simulator.plan.SimRecord;
import org.shouwang.simulator.plan.SimulationConfig;
import org.shouwang.simulator.plan.SimulationPlan;
import org.shouwang.testsupport.SharedKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scores detection on the real broker against the simulator's ground truth: a small county's year,
 * with labelled scenarios for every rule (ADR 0005's identification and elimination rules too) and
 * benign life around them, the cadres' well-run work included, streamed through the engine with
 * exactly-once. Every labelled (household, rule) must be alerted, nothing else, and each first
 * alert at its label's expected time.
 */
@SpringBootTest
class SimulatedCountyDetectionIntegrationTests {

  private static final Logger log =
      LoggerFactory.getLogger(SimulatedCountyDetectionIntegrationTests.class);
  private static final String PREFIX = SharedKafka.uniqueTopic("score") + ".";
  private static final int PARTITIONS = 3;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    registry.add("shouwang.kafka.partitions", () -> PARTITIONS);
    registry.add("shouwang.risk-engine.application-id", () -> PREFIX + "engine");
    registry.add("shouwang.risk-engine.instance-id", () -> PREFIX + "instance-1");
    registry.add(
        "shouwang.risk-engine.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/" + PREFIX + "state");
    // history is replayed: its clock is event time alone, not today's wall clock
    registry.add("shouwang.risk-engine.clock.wall-clock-fallback", () -> "false");
  }

  @Autowired ContractTopics topics;
  @Autowired MeterRegistry registry;
  @Autowired RiskEngineProperties properties;

  static SimulationPlan smallCounty() {
    CountyShape defaults = CountyShape.defaults();
    CountyShape small =
        new CountyShape(
            1500,
            5,
            60,
            defaults.formerlyPoorShare(),
            defaults.monitoredShare(),
            defaults.householdsPerCadre(),
            defaults.minimumLivingAllowanceShare(),
            defaults.extremePovertyShare(),
            defaults.disabilityShare(),
            defaults.publicWelfareJobShare());
    return SimulationPlan.generate(
        SimulationConfig.defaults(
                20261128L,
                OffsetDateTime.parse("2025-01-01T00:00:00+08:00"),
                OffsetDateTime.parse("2025-12-31T00:00:00+08:00"))
            .withCounty(small)
            .withRiskMix());
  }

  private static SimulationPlan plan;

  /**
   * History is replayed as a whole: the year is on both topics before the engine starts, so Kafka
   * Streams interleaves them by event time (a registration before the payments after it).
   */
  @BeforeAll
  static void produceTheYear() {
    plan = smallCounty();
    List<String> names = new ArrayList<>();
    for (var topic : Topics.all()) {
      names.add(PREFIX + topic.name());
      names.add(PREFIX + topic.deadLetterTopic());
    }
    SharedKafka.createTopics(PARTITIONS, names.toArray(String[]::new));
    produce(plan.records());
  }

  @Test
  void raisesEveryLabelledScenarioOfTheSimulatedCountyAndNothingElse() throws Exception {
    assertThat(plan.scenarioCounts())
        .as("labels per rule")
        .allSatisfy((rule, count) -> assertThat(count).as(rule.name()).isPositive());

    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(processed())
                    .as("records processed by the engine")
                    .isGreaterThanOrEqualTo(plan.records().size()));
    String alertsTopic = topics.name(Topics.RISK_ALERTS);
    await().atMost(Duration.ofMinutes(1)).until(() -> noOpenTransaction(alertsTopic));
    List<Alert> alerts = readCommitted(alertsTopic);

    Score score = score(plan.groundTruth(), alerts);
    log.info(
        "simulated county: {} records, {} labels, {} alerts, recall {}, precision {},"
            + " misses/extras by rule {}",
        plan.records().size(),
        score.expected(),
        score.actual(),
        score.recall(),
        score.precision(),
        score.byRule());
    log.info(
        "evidence differing from the labels': {}", evidenceDiffering(plan.groundTruth(), alerts));
    assertThat(score.missed()).as("labelled scenarios without an alert").isEmpty();
    assertThat(score.unexpected()).as("alerts without a labelled scenario").isEmpty();
    assertThat(
            mistimed(plan.groundTruth(), alerts, properties.rules().payment().unregisteredGrace()))
        .as("first alerts not at their label's expected time (label → alert)")
        .isEmpty();
  }

  /** Per label, the label's evidence ids the first alert of its (household, rule) does not cite. */
  static Map<String, List<String>> evidenceDiffering(List<GroundTruth> labels, List<Alert> alerts) {
    Map<String, Alert> first = new java.util.HashMap<>();
    for (Alert alert : alerts) {
      first.merge(
          alert.householdId() + "|" + alert.rule(),
          alert,
          (a, b) -> a.detectedAt().isBefore(b.detectedAt()) ? a : b);
    }
    Map<String, List<String>> differing = new java.util.TreeMap<>();
    for (GroundTruth label : labels) {
      Alert alert = first.get(label.householdId() + "|" + label.rule());
      if (alert != null && !alert.evidence().containsAll(label.evidence())) {
        differing.put(
            label.rule() + " " + label.householdId(),
            List.of(String.valueOf(label.evidence()), String.valueOf(alert.evidence())));
      }
    }
    return differing;
  }

  /**
   * Labels whose first alert of the same (household, rule) came at another time than expected: the
   * deadlines (15 days, 7 days, 3 months, 30 days, a month's grace) are where detector and
   * simulator could read the policy differently. A payment to an unregistered household is flagged
   * once the engine's grace for a late registration has passed, so that much later.
   */
  static Map<String, String> mistimed(
      List<GroundTruth> labels, List<Alert> alerts, Duration unregisteredGrace) {
    Map<String, OffsetDateTime> first = new java.util.HashMap<>();
    for (Alert alert : alerts) {
      first.merge(
          alert.householdId() + "|" + alert.rule(),
          alert.detectedAt(),
          (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<String, String> mistimed = new java.util.TreeMap<>();
    for (GroundTruth label : labels) {
      String key = label.householdId() + "|" + label.rule();
      OffsetDateTime detected = first.get(key);
      OffsetDateTime expected =
          label.rule() == Rule.PAYMENT_UNREGISTERED
              ? label.expectedAt().plus(unregisteredGrace)
              : label.expectedAt();
      if (detected != null && !detected.toInstant().equals(expected.toInstant())) {
        mistimed.put(key, label.expectedAt() + " → " + detected);
      }
    }
    return mistimed;
  }

  private static void produce(List<SimRecord> records) {
    String events = PREFIX + Topics.HOUSEHOLD_EVENTS.name();
    String payments = PREFIX + Topics.SUBSIDY_PAYMENTS.name();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (SimRecord record : records) {
        String topic = record.kind() == SimRecord.Kind.EVENT ? events : payments;
        producer.send(
            new ProducerRecord<>(
                topic,
                null,
                record.at().toInstant().toEpochMilli(),
                record.householdId(),
                ContractSerdes.toJson(record.value())));
      }
      producer.flush();
    }
  }

  private double processed() {
    return registry.find("shouwang.riskengine.events.processed").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** Whether every alert written so far is committed: last stable offset equals the end. */
  private static boolean noOpenTransaction(String topic) throws Exception {
    try (Admin admin = SharedKafka.admin()) {
      Set<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> latest =
          partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      var committed =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(30, TimeUnit.SECONDS);
      var uncommitted =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
              .all()
              .get(30, TimeUnit.SECONDS);
      return partitions.stream()
          .allMatch(p -> committed.get(p).offset() == uncommitted.get(p).offset());
    }
  }

  private static List<Alert> readCommitted(String topic) {
    List<Alert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, Alert> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.GROUP_ID_CONFIG,
                PREFIX + "score"),
            new StringDeserializer(),
            Topics.RISK_ALERTS.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(200))) {
          alerts.add(record.value());
        }
      }
    }
    return alerts;
  }

  static Score score(List<GroundTruth> labels, List<Alert> alerts) {
    Set<String> expected =
        labels.stream().map(g -> g.householdId() + "|" + g.rule()).collect(Collectors.toSet());
    Set<String> actual =
        alerts.stream().map(a -> a.householdId() + "|" + a.rule()).collect(Collectors.toSet());
    Set<String> missed = new TreeSet<>(expected);
    missed.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    return new Score(expected.size(), actual.size(), missed, unexpected);
  }

  /** Recall and precision of (household, rule) pairs. */
  record Score(int expected, int actual, Set<String> missed, Set<String> unexpected) {
    double recall() {
      return expected == 0 ? 1 : (expected - missed.size()) / (double) expected;
    }

    double precision() {
      return actual == 0 ? 1 : (actual - unexpected.size()) / (double) actual;
    }

    Map<Rule, String> byRule() {
      Map<Rule, int[]> table = new EnumMap<>(Rule.class);
      missed.forEach(k -> table.computeIfAbsent(rule(k), r -> new int[2])[0]++);
      unexpected.forEach(k -> table.computeIfAbsent(rule(k), r -> new int[2])[1]++);
      Map<Rule, String> text = new EnumMap<>(Rule.class);
      table.forEach(
          (rule, counts) -> text.put(rule, counts[0] + " missed/" + counts[1] + " extra"));
      return text;
    }

    private static Rule rule(String key) {
      return Rule.valueOf(key.substring(key.indexOf('|') + 1));
    }
  }
}
