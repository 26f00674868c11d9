package org.shouwang.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractJson;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ViolationCode;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.platform.kafka.KafkaTopicsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class IntakeTests {

  /** A producer that refuses records of one household while {@code failing} is set. */
  static final class FlakyProducer extends MockProducer<String, byte[]> {
    volatile boolean failing = true;

    FlakyProducer(boolean autoComplete) {
      super(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, Callback callback) {
      if (failing && "h-fail".equals(record.key())) {
        TimeoutException refused = new TimeoutException("the broker is gone");
        callback.onCompletion(null, refused);
        return CompletableFuture.failedFuture(refused);
      }
      return super.send(record, callback);
    }
  }

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final FlakyProducer producer = new FlakyProducer(true);
  private final Intake intake = intake(producer, Duration.ofSeconds(5), 100);

  private Intake intake(MockProducer<String, byte[]> producer, Duration timeout, int capacity) {
    return new Intake(
        new ContractReader(),
        new ContractTopics(new KafkaTopicsProperties("t.", 1, (short) 1, false)),
        new RecordPublisher(producer),
        new IntakeMetrics(registry),
        timeout,
        capacity);
  }

  private static Candidate event(int index, String id, String household) {
    return Candidate.json(
        index,
        ContractJson.mapper()
            .readTree(
                """
                {"eventId":"%s","householdId":"%s","type":"HOUSING_ASSESSED",\
                "occurredAt":"2026-03-02T09:30:00+08:00","source":"SYSTEM","data":{"grade":"C"}}"""
                    .formatted(id, household)));
  }

  private IntakeReport ingest(Intake intake, Candidate... candidates) throws InterruptedException {
    return intake.ingest(RecordKind.HOUSEHOLD_EVENT, Channel.API, List.of(candidates), null);
  }

  private double records(String outcome) {
    return registry.find(IntakeMetrics.RECORDS).tag("outcome", outcome).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  void sendsValidRecordsToThePrefixedTopicKeyedByHousehold() throws InterruptedException {
    IntakeReport report = ingest(intake, event(0, "e1", "h-1"), event(1, "e2", "h-2"));

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, ProducerRecord::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t.household.events", "h-1"),
            org.assertj.core.groups.Tuple.tuple("t.household.events", "h-2"));
  }

  @Test
  void neverSendsAnInvalidRecordAndStillSendsTheValidOnes() throws InterruptedException {
    Candidate invalid =
        Candidate.json(1, ContractJson.mapper().readTree("{\"eventId\":\"bad\",\"type\":\"X\"}"));
    IntakeReport report = ingest(intake, event(0, "e1", "h-1"), invalid);

    assertThat(report.results())
        .extracting(RecordResult::status)
        .containsExactly(RecordStatus.ACCEPTED, RecordStatus.REJECTED);
    assertThat(report.results().get(1).id()).isEqualTo("bad");
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void reportsARecordKafkaRefusedAsFailedAndAnswers503() throws InterruptedException {
    IntakeReport report = ingest(intake, event(0, "e1", "h-1"), event(1, "e2", "h-fail"));

    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.results().get(1).reason()).contains("the broker is gone");
    assertThatThrownBy(() -> IntakeResponses.of(report))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(e.getBody().getProperties()).containsEntry("failed", 1);
            });
    assertThat(records("failed")).isEqualTo(1.0);
  }

  @Test
  void acceptsAFailedRecordWhenItIsResent() throws InterruptedException {
    ingest(intake, event(0, "e2", "h-fail"));
    producer.failing = false;

    IntakeReport resent = ingest(intake, event(0, "e2", "h-fail"));

    assertThat(resent.results().get(0).status()).isEqualTo(RecordStatus.ACCEPTED);
  }

  @Test
  void reportsRecordsKafkaDoesNotAcknowledgeInTimeAsFailed() throws InterruptedException {
    FlakyProducer silent = new FlakyProducer(false);
    IntakeReport report = ingest(intake(silent, Duration.ofMillis(50), 100), event(0, "e1", "h-1"));

    assertThat(report.results().get(0).status()).isEqualTo(RecordStatus.FAILED);
    assertThat(report.results().get(0).reason()).contains("did not acknowledge");
  }

  @Test
  void dropsAnIdAcceptedRecentlyAndCountsIt() throws InterruptedException {
    ingest(intake, event(0, "e1", "h-1"));
    IntakeReport again = ingest(intake, event(0, "e1", "h-1"), event(1, "e1", "h-1"));

    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(producer.history()).hasSize(1);
    assertThat(records("duplicate")).isEqualTo(2.0);
  }

  @Test
  void forgetsTheOldestIdsBeyondItsCapacity() throws InterruptedException {
    Intake small = intake(producer, Duration.ofSeconds(5), 2);
    ingest(small, event(0, "e1", "h-1"), event(1, "e2", "h-1"), event(2, "e3", "h-1"));

    IntakeReport again = ingest(small, event(0, "e1", "h-1"), event(1, "e3", "h-1"));

    assertThat(again.results())
        .extracting(RecordResult::status)
        .containsExactly(RecordStatus.ACCEPTED, RecordStatus.DUPLICATE);
  }

  @Test
  void remembersNothingWhenTheFilterIsOff() throws InterruptedException {
    Intake off = intake(producer, Duration.ofSeconds(5), 0);
    ingest(off, event(0, "e1", "h-1"));
    assertThat(ingest(off, event(0, "e1", "h-1")).accepted()).isEqualTo(1);
  }

  @Test
  void countsRejectedRecordsByTypeSourceAndReason() throws InterruptedException {
    Candidate noGrade =
        Candidate.json(
            0,
            ContractJson.mapper()
                .readTree(
                    """
                    {"eventId":"e9","householdId":"h-1","type":"HOUSING_ASSESSED",\
                    "occurredAt":"2026-03-02T09:30:00+08:00","source":"CADRE_VISIT","data":{}}"""));
    ingest(intake, noGrade);

    assertThat(
            registry
                .get(IntakeMetrics.RECORDS)
                .tag("outcome", "rejected")
                .tag("type", "HOUSING_ASSESSED")
                .tag("source", "CADRE_VISIT")
                .tag("department", "none")
                .tag("reason", "REQUIRED")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.get(IntakeMetrics.VIOLATIONS).tag("code", "REQUIRED").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void recordsTheBatchSize() throws InterruptedException {
    List<Candidate> batch = new ArrayList<>();
    IntStream.range(0, 5).forEach(i -> batch.add(event(i, "b" + i, "h-1")));
    intake.ingest(RecordKind.HOUSEHOLD_EVENT, Channel.API, batch, null);

    assertThat(
            registry
                .get(IntakeMetrics.BATCH_SIZE)
                .tag("kind", "household-event")
                .tag("channel", "api")
                .summary()
                .totalAmount())
        .isEqualTo(5.0);
    assertThat(
            registry
                .get(IntakeMetrics.PRODUCE_LATENCY)
                .tag("kind", "household-event")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void refusesANumberThatWouldBeABillionDigitsWrittenOut() throws InterruptedException {
    Candidate huge =
        Candidate.json(
            0,
            ContractJson.mapper()
                .readTree(
                    """
                    {"eventId":"e10","householdId":"h-1","type":"BUSINESS_FAILED",\
                    "occurredAt":"2026-03-02T09:30:00+08:00","source":"SYSTEM",\
                    "data":{"loss":1e999999999}}"""));
    Candidate tiny =
        Candidate.json(
            1,
            ContractJson.mapper()
                .readTree(
                    """
                    {"eventId":"e11","householdId":"h-1","type":"BUSINESS_FAILED",\
                    "occurredAt":"2026-03-02T09:30:00+08:00","source":"SYSTEM",\
                    "data":{"loss":1e-999999999}}"""));

    IntakeReport report = ingest(intake, huge, tiny);

    assertThat(report.rejected()).isEqualTo(2);
    assertThat(report.results().get(0).violations())
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("data.loss"))
        .satisfies(v -> assertThat(v.code()).isEqualTo(ViolationCode.OUT_OF_RANGE));
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void failsTheRestOfARequestAtOnceWhenASendIsRefusedOutright() throws InterruptedException {
    AtomicInteger attempts = new AtomicInteger();
    MockProducer<String, byte[]> unreachable =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized Future<RecordMetadata> send(
              ProducerRecord<String, byte[]> record, Callback callback) {
            attempts.incrementAndGet();
            throw new TimeoutException("no metadata within 10000 ms");
          }
        };
    IntakeReport report =
        ingest(
            intake(unreachable, Duration.ofSeconds(5), 100),
            event(0, "u1", "h-1"),
            event(1, "u2", "h-2"),
            event(2, "u3", "h-3"));

    assertThat(report.failed()).isEqualTo(3);
    assertThat(attempts).hasValue(1);
    assertThat(report.results().get(2).reason()).contains("no metadata");
  }
}
