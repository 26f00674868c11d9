package org.shouwang.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.testsupport.SharedKafka;

/** Records of every kind the audit log reads, as other services write them. */
final class TestRecords {

  /** Every kind of record, for one household. */
  enum Sample {
    HOUSEHOLD_EVENT("household.events", "HOUSEHOLD_EVENT:MEDICAL_EXPENSE"),
    PAYMENT("subsidy.payments", "SUBSIDY_PAYMENT:MINIMUM_LIVING_ALLOWANCE"),
    ALERT("risk.alerts", "ALERT:MEDICAL_BURDEN"),
    CASE_ACTION("case.events", "CASE:ACKNOWLEDGED"),
    NOTIFICATION("case.events", "CASE:NOTIFICATION_SENT"),
    INVALID_EVENT_DEAD_LETTER("household.events.dlt", "DEAD_LETTER:household.events"),
    PAYMENT_DEAD_LETTER("subsidy.payments.dlt", "DEAD_LETTER:subsidy.payments"),
    ALERT_DEAD_LETTER("risk.alerts.dlt", "DEAD_LETTER:risk.alerts"),
    CASE_DEAD_LETTER("case.events.dlt", "DEAD_LETTER:case.events");

    final String topic;
    final String kind;

    Sample(String topic, String kind) {
      this.topic = topic;
      this.kind = kind;
    }
  }

  private TestRecords() {}

  static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
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

  /** {@code n} records cycling through every sample, keyed by the household. */
  static List<ProducerRecord<String, byte[]>> records(String prefix, String household, int n) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    Sample[] samples = Sample.values();
    for (int i = 0; i < n; i++) {
      records.add(record(prefix, household, samples[i % samples.length]));
    }
    return records;
  }

  static ProducerRecord<String, byte[]> record(String prefix, String household, Sample sample) {
    String id = UUID.randomUUID().toString();
    String json =
        switch (sample) {
          case HOUSEHOLD_EVENT, INVALID_EVENT_DEAD_LETTER ->
              "{\"eventId\":\"%s\",\"householdId\":\"%s\",\"type\":\"MEDICAL_EXPENSE\",\"occurredAt\":\"2026-03-02T09:30:00+08:00\",\"source\":\"DEPARTMENT\",\"department\":\"MEDICAL_INSURANCE\",\"data\":{\"memberId\":\"m2\",\"outOfPocket\":8500.00,\"inpatient\":true}}";
          case PAYMENT, PAYMENT_DEAD_LETTER ->
              "{\"paymentId\":\"%s\",\"householdId\":\"%s\",\"programme\":\"MINIMUM_LIVING_ALLOWANCE\",\"period\":\"2026-03\",\"amount\":720.00,\"paidAt\":\"2026-03-10T10:00:00+08:00\",\"payer\":\"衡阳县民政局\"}";
          case ALERT, ALERT_DEAD_LETTER ->
              "{\"alertId\":\"%s\",\"householdId\":\"%s\",\"rule\":\"MEDICAL_BURDEN\",\"ruleVersion\":1,\"severity\":\"HIGH\",\"audience\":\"CADRE\",\"detectedAt\":\"2026-03-02T09:31:00+08:00\",\"evidence\":[],\"message\":\"近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元\"}";
          case CASE_ACTION, CASE_DEAD_LETTER ->
              "{\"eventId\":\"%s\",\"caseId\":\"c1\",\"householdId\":\"%s\",\"action\":\"ACKNOWLEDGED\",\"state\":\"ACKNOWLEDGED\",\"actor\":\"cadre-0001\",\"at\":\"2026-03-02T10:00:00+08:00\"}";
          case NOTIFICATION ->
              "{\"eventId\":\"%s\",\"caseId\":\"c1\",\"householdId\":\"%s\",\"action\":\"NOTIFICATION_SENT\",\"actor\":\"system\",\"at\":\"2026-03-02T09:32:00+08:00\",\"details\":{\"channel\":\"EMAIL\"}}";
        };
    byte[] value = String.format(json, id, household).getBytes(StandardCharsets.UTF_8);
    if (sample == Sample.INVALID_EVENT_DEAD_LETTER) {
      // what a dead-letter topic may hold: bytes that are not even UTF-8
      value = new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '"'};
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(prefix + sample.topic, household, value);
    if (sample.topic.endsWith(".dlt")) {
      String original = prefix + sample.topic.substring(0, sample.topic.length() - 4);
      record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, original.getBytes());
      record
          .headers()
          .add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array());
      record
          .headers()
          .add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(17).array());
      record.headers().add(DeadLetterHeaders.REASON_CODE, "MALFORMED_JSON".getBytes());
    }
    return record;
  }

  static void send(List<ProducerRecord<String, byte[]>> records) {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(r);
      }
      producer.flush();
    }
  }
}
