package org.shouwang.alerting.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.logging.LogContext;
import org.shouwang.alerting.notification.NotificationKind;
import org.shouwang.alerting.notification.NotificationOutbox;
import org.shouwang.alerting.notification.NotificationTexts;
import org.shouwang.alerting.routing.Router;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates overdue cases on the configured clock. A case whose deadline (acknowledgement, or the
 * first measure after acknowledgement) passed goes to level 1, the township's supervisors; if it is
 * still overdue after the severity's acknowledgement time again, to level 2, the county's. Each
 * escalation is recorded in the history, published, sent to the supervisors and reminded to the
 * household's cadre. Audit findings stay within the audit office.
 */
@Component
class CaseEscalation {

  private static final Logger log = LoggerFactory.getLogger(CaseEscalation.class);
  static final int TOP_LEVEL = 2;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CaseService cases;
  private final Router router;
  private final NotificationOutbox notifications;
  private final CaseMetrics metrics;
  private final AlertingProperties.Escalation config;

  CaseEscalation(
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock,
      CaseService cases,
      Router router,
      NotificationOutbox notifications,
      CaseMetrics metrics,
      AlertingProperties properties) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.cases = cases;
    this.router = router;
    this.notifications = notifications;
    this.metrics = metrics;
    this.config = properties.escalation();
  }

  @Scheduled(fixedDelayString = "${shouwang.alerting.escalation.check-interval:30s}")
  void escalateOverdue() {
    try {
      for (int i = 0; i < 500; i++) {
        if (!Boolean.TRUE.equals(tx.execute(status -> escalateOne()))) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Escalation pass failed (will retry): {}", e.toString());
    }
  }

  /** Escalates the most overdue case one level; false when none is due. */
  boolean escalateOne() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    CaseRow c =
        jdbc.sql(
                CaseRow.SELECT
                    + " where c.next_escalation_at <= ? and c.state not in ('RESOLVED',"
                    + " 'DISMISSED') order by c.next_escalation_at limit 1"
                    + " for update of c skip locked")
            .param(now)
            .query(CaseRow.class)
            .optional()
            .orElse(null);
    if (c == null) {
      return false;
    }
    try (LogContext context =
        LogContext.of(LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.CASE_ID, c.caseId())
            .put(LogContext.HOUSEHOLD_ID, c.householdId())) {
      escalate(c, now);
    }
    return true;
  }

  private void escalate(CaseRow c, OffsetDateTime now) {
    int level = Math.min(c.escalationLevel() + 1, TOP_LEVEL);
    OffsetDateTime next =
        level < TOP_LEVEL ? now.plus(config.acknowledgeWithin(c.severity())) : null;
    jdbc.sql(
            "update cases set escalation_level = ?, escalated_at = ?, next_escalation_at = ?,"
                + " updated_at = ? where case_id = ?")
        .params(level, now, next, now, c.caseId())
        .update();
    boolean measureOverdue = c.deadlineKind() == DeadlineKind.MEASURE;
    // the database answers in UTC; people read the deadline in the configured zone
    OffsetDateTime deadline =
        c.deadline() == null
            ? now
            : c.deadline().atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    List<String> recipients =
        router.recipientsOfEscalation(c.audience(), c.townshipCode(), c.cadreId(), level);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("level", Integer.toString(level));
    details.put("deadline", deadline.toString());
    details.put("deadlineKind", c.deadlineKind() == null ? "" : c.deadlineKind().name());
    details.put("recipients", String.join(",", recipients));
    // state and severity do not change with an escalation: the row read above describes it
    CaseRow escalated = c;
    cases.record(
        escalated,
        CaseAction.ESCALATED,
        CaseEvent.SYSTEM_ACTOR,
        measureOverdue ? "超过时限未落实帮扶措施" : "超过确认时限未确认",
        List.of(),
        details,
        now);
    String text =
        NotificationTexts.escalationItem(
            c.householdId(),
            c.villageCode(),
            c.ruleList(),
            c.severity(),
            measureOverdue,
            deadline,
            c.audience() == Audience.CADRE ? c.cadreId() : null,
            c.caseId());
    for (String recipient : recipients) {
      notifications.enqueue(recipient, c.caseId(), NotificationKind.ESCALATION, text);
    }
    if (c.audience() == Audience.CADRE && c.cadreId() != null) {
      notifications.enqueue(
          c.cadreId(),
          c.caseId(),
          NotificationKind.REMINDER,
          NotificationTexts.reminderItem(
              c.householdId(),
              c.villageCode(),
              c.ruleList(),
              measureOverdue,
              deadline,
              c.caseId()));
      cases.record(
          escalated,
          CaseAction.REMINDED,
          CaseEvent.SYSTEM_ACTOR,
          "已提醒帮扶责任人",
          List.of(),
          Map.of("recipient", c.cadreId()),
          now);
    }
    metrics.escalation(level, c.deadlineKind());
    metrics.transition(CaseAction.ESCALATED);
    log.info("Escalated case {} to level {} ({})", c.caseId(), level, c.deadlineKind());
  }
}
