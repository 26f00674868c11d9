package org.shouwang.alerting.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Notifications sent, failed (one failed attempt) and retried (another attempt scheduled on the
 * same channel), by channel; fallbacks to the next channel.
 */
@Component
class NotificationMetrics {

  static final String INBOX = "INBOX";

  private final MeterRegistry registry;

  NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (String channel : new String[] {INBOX, "WECOM", "DINGTALK", "WEBHOOK", "EMAIL"}) {
      counter("shouwang.notifications.sent", "Notifications delivered", channel);
      counter("shouwang.notifications.failed", "Failed delivery attempts", channel);
      counter("shouwang.notifications.retried", "Attempts rescheduled after a failure", channel);
    }
  }

  void sent(String channel) {
    counter("shouwang.notifications.sent", "Notifications delivered", channel).increment();
  }

  void failed(String channel) {
    counter("shouwang.notifications.failed", "Failed delivery attempts", channel).increment();
  }

  void retried(String channel) {
    counter("shouwang.notifications.retried", "Attempts rescheduled after a failure", channel)
        .increment();
  }

  void fellBack(String fromChannel) {
    Counter.builder("shouwang.notifications.fallbacks")
        .description("Channels given up after their attempts, falling back to the next")
        .tag("channel", fromChannel)
        .register(registry)
        .increment();
  }

  private Counter counter(String name, String description, String channel) {
    return Counter.builder(name)
        .description(description)
        .tag("channel", channel)
        .register(registry);
  }
}
