package org.shouwang.riskengine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.Rule;
import org.shouwang.events.Topics;

/** Records that cannot be read go to their dead-letter topic; the engine carries on. */
class DeadLetterTests {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-02-01T10:00:00+08:00");

  @Test
  void sendsAPoisonPillToTheDeadLetterTopicAndProcessesTheRecordsAfterIt() {
    try (Engine engine = new Engine()) {
      engine.register(AT);
      engine.sendRawEvent(Engine.HOUSEHOLD, "{not json");
      engine.send(AT.plusDays(1), new EventData.HousingAssessed(HousingGrade.D));

      TestRecord<byte[], byte[]> dead = single(engine);
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(Engine.HOUSEHOLD);
      Headers headers = dead.headers();
      assertThat(text(headers, DeadLetterHeaders.REASON_CODE)).isEqualTo("MALFORMED_JSON");
      assertThat(text(headers, DeadLetterHeaders.ORIGINAL_TOPIC))
          .isEqualTo(Topics.HOUSEHOLD_EVENTS.name());
      assertThat(
              ByteBuffer.wrap(headers.lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET).value())
                  .getLong())
          .isEqualTo(1L);
      assertThat(text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("not valid JSON");
      assertThat(engine.alerts(Rule.UNSAFE_HOUSING)).hasSize(1);
      assertThat(
              engine
                  .registry
                  .get("shouwang.riskengine.deadletters")
                  .tag("reason", "MALFORMED_JSON")
                  .counter()
                  .count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void sendsANumberBeyondTheRangeOfDecimalsToTheDeadLetterTopicAndCarriesOn() {
    try (Engine engine = new Engine()) {
      engine.register(AT);
      // Jackson throws a raw NumberFormatException for this exponent; it once stopped the engine
      engine.sendRawPayment(
          Engine.HOUSEHOLD,
          """
          {"paymentId":"p-1","householdId":"%s","programme":"EDUCATION_AID",
           "period":"2026","amount":1e99999999999,"paidAt":"2026-02-01T10:00:00+08:00"}"""
              .formatted(Engine.HOUSEHOLD));
      engine.send(AT.plusDays(1), new EventData.HousingAssessed(HousingGrade.D));

      assertThat(engine.paymentDeadLetters())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(text(d.headers(), DeadLetterHeaders.REASON_CODE))
                    .isEqualTo("MALFORMED_JSON");
                assertThat(text(d.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
                    .contains("1e99999999999");
              });
      assertThat(engine.alerts(Rule.UNSAFE_HOUSING)).hasSize(1);
    }
  }

  @Test
  void sendsARecordTheReaderThrowsOnToTheDeadLetterTopicAndCarriesOn() {
    // the reader asks the clock whether occurredAt lies in the future: a clock that fails stands in
    // for any exception the reader does not turn into a violation
    AtomicBoolean failing = new AtomicBoolean();
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            if (failing.get()) {
              throw new IllegalStateException("the clock failed");
            }
            return Instant.now();
          }
        };
    try (Engine engine = new Engine(clock)) {
      engine.register(AT);
      failing.set(true);
      engine.send(AT.plusDays(1), new EventData.HousingAssessed(HousingGrade.D));
      failing.set(false);
      engine.send(AT.plusDays(2), new EventData.HousingAssessed(HousingGrade.D));

      TestRecord<byte[], byte[]> dead = single(engine);
      assertThat(text(dead.headers(), DeadLetterHeaders.REASON_CODE)).isEqualTo("PROCESSING_ERROR");
      assertThat(text(dead.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE))
          .contains("the clock failed");
      assertThat(engine.alerts(Rule.UNSAFE_HOUSING)).hasSize(1);
    }
  }

  @Test
  void namesEveryViolationOfAnInvalidEvent() {
    try (Engine engine = new Engine()) {
      engine.sendRawEvent(
          Engine.HOUSEHOLD,
          """
          {"eventId":"e-1","householdId":"430421-105-00123","type":"MEDICAL_EXPENSE",
           "occurredAt":"2026-02-01T10:00:00+08:00","source":"SELF_DECLARATION",
           "data":{"memberId":"m1","outOfPocket":-5,"inpatient":true}}""");
      TestRecord<byte[], byte[]> dead = single(engine);
      assertThat(text(dead.headers(), DeadLetterHeaders.REASON_CODE)).isEqualTo("OUT_OF_RANGE");
      assertThat(text(dead.headers(), DeadLetterHeaders.VIOLATIONS)).contains("data.outOfPocket");
    }
  }

  @Test
  void refusesARecordWhoseKeyIsNotItsHousehold() {
    try (Engine engine = new Engine()) {
      engine.sendRawPayment(
          "430421-105-99999",
          """
          {"paymentId":"p-1","householdId":"430421-105-00123","programme":"EDUCATION_AID",
           "period":"2026","amount":1250,"paidAt":"2026-02-01T10:00:00+08:00"}""");
      assertThat(engine.eventDeadLetters()).isEmpty();
      assertThat(engine.paymentDeadLetters())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(text(d.headers(), DeadLetterHeaders.REASON_CODE))
                    .isEqualTo("INCONSISTENT");
                assertThat(text(d.headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(Topics.SUBSIDY_PAYMENTS.name());
              });
      assertThat(engine.alerts()).isEmpty();
    }
  }

  private static TestRecord<byte[], byte[]> single(Engine engine) {
    var dead = engine.eventDeadLetters();
    assertThat(dead).hasSize(1);
    return dead.get(0);
  }

  private static String text(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
