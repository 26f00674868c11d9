package org.shouwang.alerting.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.AlertingProperties.Channel;
import org.shouwang.alerting.logging.LogContext;
import org.shouwang.alerting.publishing.CaseEventOutbox;
import org.shouwang.alerting.routing.Router;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.CaseState;
import org.shouwang.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due notifications. Each is handled in its own transaction with its row locked ({@code
 * FOR UPDATE SKIP LOCKED}, so several instances and threads share the work): composed on first pass
 * (and put in the inbox), then tried on the recipient's current channel; every attempt is recorded
 * with its result. A failure is retried with exponential backoff; after {@code max-attempts}
 * failures the next channel takes over, and when none is left the inbox copy is the delivery.
 *
 * <p>Delivery runs on threads of its own ({@code notifications.delivery-threads}), not on the
 * application's scheduler: a webhook that answers slowly, or not at all until its timeout, holds
 * only a delivery thread, while escalation and the case-event relay keep their schedule.
 */
@Component
class Dispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Router router;
  private final ChannelSenders senders;
  private final CaseEventOutbox events;
  private final NotificationMetrics metrics;
  private final AlertingProperties.Notifications config;
  private ScheduledThreadPoolExecutor executor;

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  Dispatcher(
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock,
      Router router,
      ChannelSenders senders,
      CaseEventOutbox events,
      NotificationMetrics metrics,
      AlertingProperties properties) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.router = router;
    this.senders = senders;
    this.events = events;
    this.metrics = metrics;
    this.config = properties.notifications();
  }

  /**
   * Starts one delivery loop per delivery thread, each a pass every poll interval; the loops take
   * different notifications (SKIP LOCKED), so one blocked on a slow receiver does not stop the
   * rest.
   */
  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    AtomicInteger number = new AtomicInteger();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            config.deliveryThreads(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "notification-delivery-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long interval = Math.max(1, config.pollInterval().toMillis());
    for (int i = 0; i < config.deliveryThreads(); i++) {
      pool.scheduleWithFixedDelay(this::dispatchDue, interval, interval, TimeUnit.MILLISECONDS);
    }
    executor = pool;
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    // an attempt under way is interrupted; its transaction rolls back and the next start retries it
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Notification delivery threads still busy after {}", STOP_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  void dispatchDue() {
    try {
      for (int i = 0; i < config.batchSize(); i++) {
        if (Thread.currentThread().isInterrupted()
            || !Boolean.TRUE.equals(tx.execute(status -> dispatchOne()))) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Notification dispatch pass failed (will retry): {}", e.toString());
    }
  }

  record Due(
      long id,
      String recipient,
      String title,
      String body,
      int channelIndex,
      int attemptsOnChannel) {}

  record Item(UUID caseId, NotificationKind kind, String text, String householdId) {}

  /** Handles one due notification; false when none is due. */
  boolean dispatchOne() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Due due =
        jdbc.sql(
                "select id, recipient, title, body, channel_index, attempts_on_channel"
                    + " from notifications where status = 'PENDING' and next_attempt_at <= ?"
                    + " order by next_attempt_at, id limit 1 for update skip locked")
            .param(now)
            .query(Due.class)
            .optional()
            .orElse(null);
    if (due == null) {
      return false;
    }
    List<Item> items =
        jdbc.sql(
                "select i.case_id, i.kind, i.text, c.household_id from notification_items i"
                    + " join cases c on c.case_id = i.case_id where i.notification_id = ?"
                    + " order by i.id")
            .param(due.id())
            .query(Item.class)
            .list();
    List<String> households = items.stream().map(Item::householdId).distinct().toList();
    try (LogContext context =
        LogContext.of(LogContext.NOTIFICATION_ID, LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.NOTIFICATION_ID, due.id())
            .put(
                LogContext.CASE_ID,
                items.stream()
                    .map(i -> i.caseId().toString())
                    .distinct()
                    .collect(Collectors.joining(",")))
            .put(LogContext.HOUSEHOLD_ID, households.size() == 1 ? households.get(0) : null)) {
      return deliver(due, items, now);
    }
  }

  private boolean deliver(Due due, List<Item> items, OffsetDateTime now) {
    List<UUID> caseIds = items.stream().map(Item::caseId).distinct().toList();
    if (due.body() == null) {
      due = compose(due, items, now);
    }
    Message message = new Message(due.id(), due.recipient(), due.title(), due.body(), caseIds);
    List<Channel> channels = router.channelsOf(due.recipient());
    if (due.channelIndex() >= channels.size()) {
      // no external channel, or every one gave up: the inbox copy is what reaches the recipient
      String status = channels.isEmpty() ? "SENT" : "FELL_BACK_TO_INBOX";
      log.info("Notification {} to {} in the inbox ({})", due.id(), due.recipient(), status);
      finish(due.id(), status, NotificationMetrics.INBOX, now);
      metrics.sent(NotificationMetrics.INBOX);
      publish(
          message,
          channels.isEmpty() ? CaseAction.NOTIFICATION_SENT : CaseAction.NOTIFICATION_FAILED,
          NotificationMetrics.INBOX,
          now);
      return true;
    }
    Channel channel = channels.get(due.channelIndex());
    int attempt = due.attemptsOnChannel() + 1;
    long started = System.nanoTime();
    String error = null;
    try {
      senders.send(channel, message);
    } catch (DeliveryException e) {
      error = e.getMessage();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    jdbc.sql(
            "insert into delivery_attempts (notification_id, channel, target, attempt, at, success,"
                + " error, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            due.id(),
            channel.type().name(),
            channel.target(),
            attempt,
            now,
            error == null,
            error,
            millis)
        .update();
    String name = channel.type().name();
    if (error == null) {
      log.info(
          "Notification {} delivered to {} over {} ({} ms)",
          due.id(),
          due.recipient(),
          name,
          millis);
      finish(due.id(), "SENT", name, now);
      metrics.sent(name);
      publish(message, CaseAction.NOTIFICATION_SENT, name, now);
      return true;
    }
    metrics.failed(name);
    log.info(
        "Notification {} to {} over {} failed (attempt {}): {}",
        due.id(),
        due.recipient(),
        name,
        attempt,
        error);
    if (attempt >= config.maxAttempts()) {
      metrics.fellBack(name);
      jdbc.sql(
              "update notifications set channel_index = channel_index + 1, attempts_on_channel = 0,"
                  + " next_attempt_at = ? where id = ?")
          .params(now, due.id())
          .update();
    } else {
      metrics.retried(name);
      jdbc.sql("update notifications set attempts_on_channel = ?, next_attempt_at = ? where id = ?")
          .params(attempt, now.plus(config.backoffAfter(attempt)), due.id())
          .update();
    }
    return true;
  }

  private Due compose(Due due, List<Item> items, OffsetDateTime now) {
    String title = NotificationTexts.title(items.stream().map(Item::kind).toList());
    String body = NotificationTexts.body(items.stream().map(Item::text).toList());
    jdbc.sql("update notifications set title = ?, body = ? where id = ?")
        .params(title, body, due.id())
        .update();
    jdbc.sql(
            "insert into inbox (recipient, notification_id, title, body, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(due.recipient(), due.id(), title, body, now)
        .update();
    return new Due(
        due.id(), due.recipient(), title, body, due.channelIndex(), due.attemptsOnChannel());
  }

  private void finish(long id, String status, String channel, OffsetDateTime now) {
    jdbc.sql(
            "update notifications set status = ?, delivered_channel = ?, delivered_at = ?"
                + " where id = ?")
        .params(status, channel, now, id)
        .update();
  }

  record CaseFacts(
      UUID caseId,
      String householdId,
      Audience audience,
      CaseState state,
      Severity severity,
      String townshipCode) {}

  private void publish(Message message, CaseAction action, String channel, OffsetDateTime now) {
    if (message.caseIds().isEmpty()) {
      return;
    }
    List<CaseFacts> cases =
        jdbc.sql(
                "select case_id, household_id, audience, state, severity, township_code"
                    + " from cases where case_id = any(?)")
            .param(message.caseIds().toArray(UUID[]::new))
            .query(CaseFacts.class)
            .list();
    for (CaseFacts c : cases) {
      events.append(
          new CaseEvent(
              UUID.randomUUID().toString(),
              c.caseId().toString(),
              c.householdId(),
              c.audience(),
              action,
              c.state(),
              c.severity(),
              CaseEvent.SYSTEM_ACTOR,
              now,
              null,
              List.of(),
              c.townshipCode(),
              Map.of(
                  "channel",
                  channel,
                  "recipient",
                  message.recipient(),
                  "notificationId",
                  Long.toString(message.id()))));
    }
  }
}
