package org.shouwang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

class AuditPipelineIntegrationTests extends AuditIntegrationTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired JdbcTemplate jdbc;
  @Autowired ConcurrentMessageListenerContainer<byte[], byte[]> container;
  @Autowired AuditLog log;

  @Test
  void appendsEveryKindOfRecordOnceAcrossARestartMidStreamAndAFullReplay() throws Exception {
    String household = "hh-restart-" + UUID.randomUUID().toString().substring(0, 8);
    List<ProducerRecord<String, byte[]>> first = TestRecords.records(PREFIX, household, 90);
    List<ProducerRecord<String, byte[]>> second = TestRecords.records(PREFIX, household, 45);

    TestRecords.send(first);
    await().atMost(WAIT).until(() -> count(household) > 0);
    container.stop();
    long appendedBeforeRestart = count(household);
    TestRecords.send(second);
    container.start();
    await().atMost(WAIT).until(() -> count(household) == 135);

    // replay everything: rewind the group to the beginning of every partition
    container.stop();
    rewindGroup();
    container.start();
    await().atMost(WAIT).until(this::groupCaughtUp);

    assertThat(appendedBeforeRestart).isLessThan(135);
    assertThat(count(household)).isEqualTo(135);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE household_id = ?"
                    + " GROUP BY source_topic, source_partition, source_offset"
                    + " HAVING count(*) > 1) dup",
                Long.class,
                household))
        .isZero();
    Map<String, Long> perKind =
        jdbc
            .queryForList(
                "SELECT kind, count(*) AS n FROM audit_log WHERE household_id = ? GROUP BY kind",
                household)
            .stream()
            .collect(
                Collectors.toMap(
                    row -> (String) row.get("kind"), row -> ((Number) row.get("n")).longValue()));
    Map<String, Long> expected = new HashMap<>();
    Arrays.stream(TestRecords.Sample.values()).forEach(s -> expected.put(s.kind, 15L));
    assertThat(perKind).isEqualTo(expected);
    assertThat(log.verify(null, null, Map.of()).ok()).isTrue();
  }

  @Test
  void keepsADeadLetterThatIsNotEvenTextWithItsReason() {
    String household = "hh-dlt-" + UUID.randomUUID().toString().substring(0, 8);
    TestRecords.send(
        List.of(
            TestRecords.record(PREFIX, household, TestRecords.Sample.INVALID_EVENT_DEAD_LETTER)));

    await().atMost(WAIT).until(() -> count(household) == 1);

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT kind, payload, detail, source_topic FROM audit_log WHERE household_id = ?",
            household);
    assertThat(row.get("kind")).isEqualTo("DEAD_LETTER:household.events");
    assertThat((byte[]) row.get("payload"))
        .isEqualTo(new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '"'});
    assertThat((String) row.get("detail")).contains("MALFORMED_JSON");
    assertThat(row.get("source_topic")).isEqualTo(PREFIX + "household.events.dlt");
  }

  private long count(String household) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM audit_log WHERE household_id = ?", Long.class, household);
  }

  private List<TopicPartition> partitions(Admin admin) throws Exception {
    List<String> topics =
        admin.listTopics().names().get().stream().filter(t -> t.startsWith(PREFIX)).toList();
    return admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .toList();
  }

  private void rewindGroup() throws Exception {
    try (Admin admin = SharedKafka.admin()) {
      Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
      for (TopicPartition tp : partitions(admin)) {
        zero.put(tp, new OffsetAndMetadata(0));
      }
      // the group is empty once the container stopped; retry while the broker still sees it
      await()
          .atMost(WAIT)
          .ignoreExceptions()
          .until(
              () -> {
                admin.alterConsumerGroupOffsets(GROUP, zero).all().get();
                return true;
              });
    }
  }

  private boolean groupCaughtUp() throws Exception {
    try (Admin admin = SharedKafka.admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicPartition tp : partitions(admin)) {
        latest.put(tp, OffsetSpec.latest());
      }
      var ends = admin.listOffsets(latest).all().get();
      for (var end : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(end.getKey());
        long position = c == null ? 0 : c.offset();
        if (position < end.getValue().offset()) {
          return false;
        }
      }
      return true;
    }
  }
}
