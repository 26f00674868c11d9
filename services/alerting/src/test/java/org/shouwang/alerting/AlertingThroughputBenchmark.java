package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Topics;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the test run (the name does not end in Tests): {@code bench/alerting.sh} runs it.
 * Sends {@code bench.alerts} alerts for {@code bench.households} households and measures how long
 * until every alert is a case in the database and every notification is delivered (inbox).
 */
@SpringBootTest(
    properties = {
      "shouwang.alerting.notifications.group-window=1s",
      "shouwang.alerting.notifications.poll-interval=100ms",
      "shouwang.alerting.notifications.batch-size=500",
      "shouwang.alerting.consumer.concurrency=3",
    })
class AlertingThroughputBenchmark {

  private static final Logger log = LoggerFactory.getLogger(AlertingThroughputBenchmark.class);
  static final String PREFIX = SharedKafka.uniqueTopic("bench") + ".";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    SharedPostgres.newDatabase("alerting_bench").register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    registry.add("shouwang.alerting.consumer.group-id", () -> "bench-" + PREFIX);
  }

  @Autowired JdbcClient jdbc;

  @Test
  void measuresAlertsToCasesAndNotifications() {
    int alerts = Integer.getInteger("bench.alerts", 2000);
    int households = Integer.getInteger("bench.households", 500);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < households; i++) {
      ids.add(String.format("430421-101-%05d", i));
    }
    Rule[] rules = {Rule.MEDICAL_BURDEN, Rule.UNINSURED, Rule.LOW_INCOME, Rule.UNSAFE_HOUSING};
    List<Alert> batch = new ArrayList<>();
    for (int i = 0; i < alerts; i++) {
      batch.add(
          TestAlerts.alert(
              ids.get(i % households),
              rules[(i / households) % rules.length],
              Severity.values()[i % 4],
              "cadre-" + String.format("%04d", i % 50)));
    }
    long start = System.nanoTime();
    try (TestAlerts producer = new TestAlerts(PREFIX + Topics.RISK_ALERTS.name())) {
      producer.sendAll(batch);
    }
    long sent = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> count("select count(*) from alerts where case_id is not null") == alerts);
    long stored = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> count("select count(*) from notifications where status = 'PENDING'") == 0);
    long delivered = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> count("select count(*) from case_event_outbox where published_at is null") == 0);
    long published = System.nanoTime();

    assertThat(count("select count(*) from cases")).isEqualTo(households);
    double storeSeconds = (stored - start) / 1e9;
    log.info(
        "BENCH alerts={} households={} produce={}s alerts->cases={}s ({} alerts/s)"
            + " all-notifications-delivered={}s case-events-published={}s notifications={}",
        alerts,
        households,
        String.format("%.2f", (sent - start) / 1e9),
        String.format("%.2f", storeSeconds),
        String.format("%.0f", alerts / storeSeconds),
        String.format("%.2f", (delivered - start) / 1e9),
        String.format("%.2f", (published - start) / 1e9),
        count("select count(*) from notifications"));
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
