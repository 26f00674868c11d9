package org.shouwang.alerting.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.shouwang.alerting.AlertingProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues notification items in the caller's transaction. Items for a recipient join the message
 * still collecting within its group window, so a burst of alerts becomes one message.
 */
@Component
public class NotificationOutbox {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AlertingProperties.Notifications config;

  NotificationOutbox(JdbcClient jdbc, Clock clock, AlertingProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.config = properties.notifications();
  }

  /** Queues one item for a recipient; it goes out only if the caller's transaction commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(String recipient, UUID caseId, NotificationKind kind, String text) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    // the row lock keeps the dispatcher (which skips locked rows) from composing it meanwhile;
    // once composed, the body is set and the row no longer qualifies
    Optional<Long> collecting =
        jdbc.sql(
                "select id from notifications where recipient = ? and body is null"
                    + " and status = 'PENDING' and send_after > ? order by id desc limit 1"
                    + " for update")
            .params(recipient, now)
            .query(Long.class)
            .optional();
    long id =
        collecting.orElseGet(
            () -> {
              OffsetDateTime due = now.plus(config.groupWindow());
              return jdbc.sql(
                      "insert into notifications (recipient, created_at, send_after, status,"
                          + " next_attempt_at) values (?, ?, ?, 'PENDING', ?) returning id")
                  .params(recipient, now, due, due)
                  .query(Long.class)
                  .single();
            });
    jdbc.sql(
            "insert into notification_items (notification_id, case_id, kind, text, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(id, caseId, kind.name(), text, now)
        .update();
  }
}
