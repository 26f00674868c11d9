package org.shouwang.audit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.platform.kafka.KafkaTopicsProperties;

class RecordClassifierTests {

  private final RecordClassifier classifier =
      new RecordClassifier(
          new ContractTopics(new KafkaTopicsProperties("t1.", 2, (short) 1, true)));

  @Test
  void subscribesToEveryContractTopicAndItsDeadLetterTopic() {
    assertThat(classifier.topics())
        .containsExactlyInAnyOrder(
            "t1.household.events",
            "t1.household.events.dlt",
            "t1.subsidy.payments",
            "t1.subsidy.payments.dlt",
            "t1.risk.alerts",
            "t1.risk.alerts.dlt",
            "t1.case.events",
            "t1.case.events.dlt");
  }

  @Test
  void readsAHouseholdEventsTypeDepartmentAndTime() {
    NewEntry e =
        classify(
            "t1.household.events",
            "{\"eventId\":\"e1\",\"householdId\":\"430421-105-00123\",\"type\":\"MEDICAL_EXPENSE\","
                + "\"occurredAt\":\"2026-03-02T09:30:00+08:00\",\"source\":\"DEPARTMENT\","
                + "\"department\":\"MEDICAL_INSURANCE\",\"data\":{}}");

    assertThat(e.kind()).isEqualTo("HOUSEHOLD_EVENT:MEDICAL_EXPENSE");
    assertThat(e.householdId()).isEqualTo("430421-105-00123");
    assertThat(e.actor()).isEqualTo("MEDICAL_INSURANCE");
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
    assertThat(e.sourceTopic()).isEqualTo("t1.household.events");
    assertThat(e.sourceOffset()).isEqualTo(5L);
  }

  @Test
  void readsAPaymentsProgrammeAndPayer() {
    NewEntry e =
        classify(
            "t1.subsidy.payments",
            "{\"paymentId\":\"p1\",\"householdId\":\"h1\",\"programme\":\"MINIMUM_LIVING_ALLOWANCE\","
                + "\"period\":\"2026-03\",\"amount\":720.00,\"paidAt\":\"2026-03-10T10:00:00+08:00\","
                + "\"payer\":\"衡阳县民政局\"}");

    assertThat(e.kind()).isEqualTo("SUBSIDY_PAYMENT:MINIMUM_LIVING_ALLOWANCE");
    assertThat(e.actor()).isEqualTo("衡阳县民政局");
    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
  }

  @Test
  void readsAnAlertsRuleAsRaisedByTheRiskEngine() {
    NewEntry e =
        classify(
            "t1.risk.alerts",
            "{\"alertId\":\"a1\",\"householdId\":\"h1\",\"rule\":\"MEDICAL_BURDEN\","
                + "\"severity\":\"HIGH\",\"detectedAt\":\"2026-03-02T09:30:00+08:00\",\"message\":\"m\"}");

    assertThat(e.kind()).isEqualTo("ALERT:MEDICAL_BURDEN");
    assertThat(e.actor()).isEqualTo("risk-engine");
  }

  @Test
  void readsACaseEventsActionAndActor() {
    NewEntry e =
        classify(
            "t1.case.events",
            "{\"eventId\":\"c1\",\"caseId\":\"k1\",\"householdId\":\"h1\",\"action\":\"ACKNOWLEDGED\","
                + "\"actor\":\"cadre-0001\",\"at\":\"2026-03-02T10:00:00+08:00\"}");

    assertThat(e.kind()).isEqualTo("CASE:ACKNOWLEDGED");
    assertThat(e.actor()).isEqualTo("cadre-0001");
  }

  @Test
  void keepsAnUnknownCodeOutOfTheKindSoKindsStayABoundedSet() {
    NewEntry e =
        classify("t1.household.events", "{\"householdId\":\"h1\",\"type\":\"SOMETHING_NEW\"}");

    assertThat(e.kind()).isEqualTo("HOUSEHOLD_EVENT:UNKNOWN");
  }

  @Test
  void keepsAnInvalidDeadLetterAsReceivedWithItsReason() {
    byte[] garbage = {(byte) 0xff, '{', 0, 'x'};
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, "t1.household.events".getBytes());
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(1).array());
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(99).array());
    headers.add(DeadLetterHeaders.REASON_CODE, "MALFORMED_JSON".getBytes());
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "t1.household.events.dlt",
            0,
            3,
            1_700_000_000_000L,
            TimestampType.CREATE_TIME,
            4,
            garbage.length,
            "h9".getBytes(StandardCharsets.UTF_8),
            garbage,
            headers,
            Optional.empty());

    NewEntry e = classifier.classify(record);

    assertThat(e.kind()).isEqualTo("DEAD_LETTER:household.events");
    assertThat(e.payload()).isEqualTo(garbage);
    assertThat(e.householdId()).isEqualTo("h9");
    assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(e.detail())
        .contains("\"originalTopic\":\"t1.household.events\"")
        .contains("\"originalPartition\":1")
        .contains("\"originalOffset\":99")
        .contains("\"reasonCode\":\"MALFORMED_JSON\"");
  }

  @Test
  void neverThrowsOnAPayloadThatIsNotAnObject() {
    for (String value : new String[] {"[1,2]", "\"x\"", "{\"householdId\":", "null", ""}) {
      NewEntry e = classify("t1.case.events", value);
      assertThat(e.kind()).isEqualTo("CASE:UNKNOWN");
      assertThat(e.householdId()).isEqualTo("key-1");
    }
  }

  private NewEntry classify(String topic, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return classifier.classify(
        new ConsumerRecord<>(
            topic,
            0,
            5,
            0L,
            TimestampType.CREATE_TIME,
            5,
            bytes.length,
            "key-1".getBytes(StandardCharsets.UTF_8),
            bytes,
            new RecordHeaders(),
            Optional.empty()));
  }
}
