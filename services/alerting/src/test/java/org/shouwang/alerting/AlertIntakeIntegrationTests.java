package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Topics;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The consumer of {@code risk.alerts} on the real broker: redelivery and a replayed topic change
 * nothing, a poison pill goes to the dead-letter topic, and the metrics are exported.
 */
class AlertIntakeIntegrationTests extends AlertingFlowIntegrationTestSupport {

  @Test
  void ignoresARedeliveredAlertAndARestartedConsumer() throws Exception {
    String household = TestAlerts.household();
    Alert alert = TestAlerts.alert(household, Rule.LOAN_OVERDUE, Severity.MEDIUM, "cadre-0001");
    alerts.send(alert);
    String masked = masked(household);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));

    alerts.send(alert);
    MessageListenerContainer container = listeners.getListenerContainer("alerting-intake");
    container.stop();
    String topic = PREFIX + Topics.RISK_ALERTS.name();
    try (Admin admin = SharedKafka.admin()) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetAndMetadata> start =
          java.util.stream.IntStream.range(0, partitions)
              .boxed()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p), p -> new OffsetAndMetadata(0)));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                admin.alterConsumerGroupOffsets(GROUP, start).all().get();
                return true;
              });
      container.start();
      Map<TopicPartition, OffsetSpec> latest =
          start.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> {
                var ends = admin.listOffsets(latest).all().get();
                var committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream()
                    .allMatch(
                        e ->
                            e.getValue().offset() == 0
                                || (committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset()
                                        >= e.getValue().offset()));
              });
    }

    assertThat(
            jdbc.sql("select count(*) from alerts where household_id = ?")
                .param(household)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(countCases(household)).isEqualTo(1);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));
    assertThat(
            jdbc.sql(
                    "select count(distinct i.notification_id) from notification_items i join cases"
                        + " c on c.case_id = i.case_id where c.household_id = ?")
                .param(household)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void sendsAPoisonPillToTheDeadLetterTopicAndGoesOn() {
    String household = TestAlerts.household();
    alerts.sendRaw(household, "{\"alertId\":\"x\",\"rule\":\"NO_SUCH_RULE\"}");
    alerts.send(TestAlerts.alert(household, Rule.SCHOOL_DROPOUT, Severity.CRITICAL, "cadre-0001"));

    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    try (TestAlerts.TopicReader dlt =
        new TestAlerts.TopicReader(PREFIX + Topics.RISK_ALERTS.deadLetterTopic())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                List<ConsumerRecord<String, byte[]>> dead =
                    dlt.records().stream().filter(r -> household.equals(r.key())).toList();
                assertThat(dead).isNotEmpty();
                ConsumerRecord<String, byte[]> record = dead.get(0);
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .contains("NO_SUCH_RULE");
                assertThat(header(record, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(PREFIX + Topics.RISK_ALERTS.name());
                assertThat(header(record, DeadLetterHeaders.REASON_CODE)).isNotBlank();
                assertThat(header(record, DeadLetterHeaders.VIOLATIONS)).contains("NO_SUCH_RULE");
              });
    }
  }

  @Test
  void exportsCaseNotificationAndConsumerMetrics() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.INCOME_DROP, Severity.HIGH, "cadre-0001"));
    String masked = masked(household);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/actuator/prometheus"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("shouwang_cases_open{")
                    .contains("township=\"430421101\"")
                    .contains("shouwang_cases_time_to_acknowledge_seconds_bucket")
                    .contains("shouwang_cases_time_to_resolve_seconds_bucket")
                    .contains("shouwang_notifications_sent_total{")
                    .contains("channel=\"WEBHOOK\"")
                    .contains("shouwang_notifications_failed_total")
                    .contains("shouwang_notifications_retried_total")
                    .contains("shouwang_alerts_received_total")
                    .contains("shouwang_case_events_published_total")
                    .contains("kafka_consumer_fetch_manager_records_lag"));
  }
}
