package org.shouwang.alerting.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.cases.CaseService;
import org.shouwang.alerting.logging.LogContext;
import org.shouwang.events.Alert;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each alert into case work in one database transaction ({@link CaseService#receive}); the
 * container commits the offset only after that transaction committed, and a redelivered alert is
 * recognised by its id, so every alert lands in the database exactly once.
 */
@Component
class AlertListener {

  /** The listener container's id, for tests and operators that stop and start it. */
  static final String ID = "alerting-intake";

  private final CaseService cases;
  private final IntakeMetrics metrics;
  private final String topic;
  private final AlertingProperties.Consumer consumer;

  AlertListener(
      CaseService cases,
      IntakeMetrics metrics,
      ContractTopics topics,
      AlertingProperties properties) {
    this.cases = cases;
    this.metrics = metrics;
    this.topic = topics.name(Topics.RISK_ALERTS);
    this.consumer = properties.consumer();
  }

  @KafkaListener(
      id = ID,
      topics = "#{__listener.topic()}",
      groupId = "#{__listener.groupId()}",
      concurrency = "#{__listener.concurrency()}",
      autoStartup = "#{__listener.autoStartup()}")
  void onAlert(ConsumerRecord<String, Alert> record) {
    Alert alert = record.value();
    try (LogContext context =
        LogContext.of(LogContext.HOUSEHOLD_ID, LogContext.ALERT_ID, LogContext.CASE_ID)
            .put(LogContext.HOUSEHOLD_ID, alert.householdId())
            .put(LogContext.ALERT_ID, alert.alertId())) {
      metrics.received(alert, cases.receive(alert));
    }
  }

  public String topic() {
    return topic;
  }

  public String groupId() {
    return consumer.groupId();
  }

  public String concurrency() {
    return Integer.toString(consumer.concurrency());
  }

  public String autoStartup() {
    return Boolean.toString(consumer.autoStartup());
  }
}
