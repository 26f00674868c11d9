package org.shouwang.riskengine.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.shouwang.events.Alert;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Department;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.platform.kafka.KafkaTopicsProperties;
import org.shouwang.riskengine.RiskEngineProperties;
import org.shouwang.riskengine.state.HouseholdStore;

/**
 * The topology in a {@code TopologyTestDriver}, driven from plain records: send events and
 * payments, read alerts and dead letters. Event ids are derived from a counter, so two engines fed
 * the same steps see the same ids.
 */
public final class Engine implements AutoCloseable {

  public static final String HOUSEHOLD = "430421-105-00123";
  public static final String TOWNSHIP = "430421105";
  public static final String VILLAGE = "430421105201";
  public static final String CADRE = "cadre-0001";
  public static final OffsetDateTime START = OffsetDateTime.parse("2026-01-05T09:00:00+08:00");

  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final RiskEngineMetrics metrics = new RiskEngineMetrics(registry);
  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> events;
  private final TestInputTopic<byte[], byte[]> payments;
  private final TestOutputTopic<String, Alert> alerts;
  private final TestOutputTopic<byte[], byte[]> eventDeadLetters;
  private final TestOutputTopic<byte[], byte[]> paymentDeadLetters;
  private int sequence;

  public Engine() {
    this(RiskEngineProperties.defaults());
  }

  public Engine(RiskEngineProperties properties) {
    this(properties, newStateDir());
  }

  public Engine(RiskEngineProperties properties, Path stateDir) {
    this(properties, stateDir, Clock.systemUTC());
  }

  /** An engine whose reader judges "in the future" by {@code clock}. */
  public Engine(Clock clock) {
    this(RiskEngineProperties.defaults(), newStateDir(), clock);
  }

  public Engine(RiskEngineProperties properties, Path stateDir, Clock clock) {
    ContractTopics topics = new ContractTopics(new KafkaTopicsProperties("", 1, (short) 1, false));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "risk-engine-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            RiskTopology.build(topics, properties, metrics, clock), config, START.toInstant());
    events =
        driver.createInputTopic(
            Topics.HOUSEHOLD_EVENTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
    payments =
        driver.createInputTopic(
            Topics.SUBSIDY_PAYMENTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
    alerts =
        driver.createOutputTopic(
            Topics.RISK_ALERTS.name(),
            new StringDeserializer(),
            ContractSerdes.alert().deserializer());
    eventDeadLetters =
        driver.createOutputTopic(
            Topics.HOUSEHOLD_EVENTS.deadLetterTopic(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    paymentDeadLetters =
        driver.createOutputTopic(
            Topics.SUBSIDY_PAYMENTS.deadLetterTopic(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  public static Path newStateDir() {
    try {
      Path base = Path.of(System.getProperty("java.io.tmpdir"));
      Files.createDirectories(base);
      return Files.createTempDirectory(base, "risk-engine-ttd");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String nextId() {
    return UUID.nameUUIDFromBytes(("id-" + ++sequence).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Sends an event of the default household at the given time; returns its id. */
  public String send(OffsetDateTime at, EventData data) {
    return send(HOUSEHOLD, at, data);
  }

  public String send(String household, OffsetDateTime at, EventData data) {
    String id = nextId();
    send(HouseholdEvent.of(id, household, at, Source.DEPARTMENT, Department.CIVIL_AFFAIRS, data));
    return id;
  }

  public void send(HouseholdEvent event) {
    events.pipeInput(
        event.householdId().getBytes(StandardCharsets.UTF_8),
        ContractSerdes.toJson(event),
        event.occurredAt().toInstant());
  }

  /** Pays the default household; returns the payment id. */
  public String pay(Programme programme, String period, String amount, OffsetDateTime at) {
    return pay(HOUSEHOLD, programme, period, amount, at);
  }

  public String pay(
      String household, Programme programme, String period, String amount, OffsetDateTime at) {
    String id = nextId();
    pay(new SubsidyPayment(id, household, programme, period, new BigDecimal(amount), at, "民政局"));
    return id;
  }

  public void pay(SubsidyPayment payment) {
    payments.pipeInput(
        payment.householdId().getBytes(StandardCharsets.UTF_8),
        ContractSerdes.toJson(payment),
        payment.paidAt().toInstant());
  }

  public void sendRawEvent(String key, String json) {
    events.pipeInput(
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        json.getBytes(StandardCharsets.UTF_8));
  }

  public void sendRawPayment(String key, String json) {
    payments.pipeInput(
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** Registers the default household (formerly poor, 4 members, 2 labourers). */
  public String register(OffsetDateTime at) {
    return register(HOUSEHOLD, at, true, 4, 2);
  }

  public String register(
      String household, OffsetDateTime at, boolean formerlyPoor, int members, int labourers) {
    return send(
        household,
        at,
        new EventData.HouseholdRegistered(
            TOWNSHIP, "西渡镇", VILLAGE, "梅花村", members, labourers, formerlyPoor, CADRE, null));
  }

  /** Every alert emitted since the last call. */
  public List<Alert> alerts() {
    return new ArrayList<>(alerts.readValuesToList());
  }

  public List<Alert> alerts(Rule rule) {
    return alerts().stream().filter(a -> a.rule() == rule).toList();
  }

  public List<TestRecord<byte[], byte[]>> eventDeadLetters() {
    return eventDeadLetters.readRecordsToList();
  }

  public List<TestRecord<byte[], byte[]>> paymentDeadLetters() {
    return paymentDeadLetters.readRecordsToList();
  }

  public void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  /** The household store as the processor sees it (decoded states, metered, logged, RocksDB). */
  public HouseholdStore householdStore() {
    return (HouseholdStore) driver.getStateStore(RiskTopology.HOUSEHOLD_STORE);
  }

  /** The event-time clock the task last saved in the household store, or null if none. */
  public Long savedClock() {
    byte[] saved = householdStore().getRaw(HouseholdProcessor.CLOCK_KEY);
    return saved == null ? null : ByteBuffer.wrap(saved).getLong();
  }

  public Instant wallClockStart() {
    return START.toInstant();
  }

  @Override
  public void close() {
    driver.close();
  }
}
