package org.shouwang.alerting.cases;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.cases.CaseViews.CaseDetail;
import org.shouwang.alerting.logging.LogContext;
import org.shouwang.alerting.notification.NotificationKind;
import org.shouwang.alerting.notification.NotificationOutbox;
import org.shouwang.alerting.notification.NotificationTexts;
import org.shouwang.alerting.publishing.CaseEventOutbox;
import org.shouwang.alerting.publishing.HouseholdEventOutbox;
import org.shouwang.alerting.routing.Router;
import org.shouwang.events.Alert;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.CaseState;
import org.shouwang.events.ContractSerdes;
import org.shouwang.platform.security.ShouwangUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case work. An alert joins the open case of its household and audience, or opens one; every change
 * writes its history row, its case event (outbox) and its notifications (outbox) in the same
 * transaction, so a change is either entirely there or not at all.
 */
@Service
public class CaseService {

  private static final Logger log = LoggerFactory.getLogger(CaseService.class);

  /** What became of a consumed alert. */
  public enum Intake {
    /** It opened a new case. */
    NEW_CASE,
    /** It joined the household's open case. */
    ADDED_TO_CASE,
    /** Its id was already in the database (redelivery): nothing changed. */
    DUPLICATE
  }

  private final JdbcClient jdbc;
  private final CaseQueries queries;
  private final Clock clock;
  private final Router router;
  private final NotificationOutbox notifications;
  private final CaseEventOutbox events;
  private final HouseholdEventOutbox householdEvents;
  private final CaseMetrics metrics;
  private final AlertingProperties.Escalation escalation;

  CaseService(
      JdbcClient jdbc,
      CaseQueries queries,
      Clock clock,
      Router router,
      NotificationOutbox notifications,
      CaseEventOutbox events,
      HouseholdEventOutbox householdEvents,
      CaseMetrics metrics,
      AlertingProperties properties) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.clock = clock;
    this.router = router;
    this.notifications = notifications;
    this.events = events;
    this.householdEvents = householdEvents;
    this.metrics = metrics;
    this.escalation = properties.escalation();
  }

  /** Records an alert and the case work it causes, exactly once per alert id. */
  @Transactional
  public Intake receive(Alert alert) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int inserted =
        jdbc.sql(
                "insert into alerts (alert_id, household_id, rule, severity, audience,"
                    + " detected_at, township_code, village_code, cadre_id, payload, received_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (alert_id) do nothing")
            .params(
                alert.alertId(),
                alert.householdId(),
                alert.rule().name(),
                alert.severity().name(),
                alert.audience().name(),
                alert.detectedAt(),
                alert.townshipCode(),
                alert.villageCode(),
                alert.cadreId(),
                new String(ContractSerdes.toJson(alert), StandardCharsets.UTF_8),
                now)
            .update();
    if (inserted == 0) {
      return Intake.DUPLICATE;
    }
    Duration acknowledgeWithin = escalation.acknowledgeWithin(alert.severity());
    OffsetDateTime deadline = now.plus(acknowledgeWithin);
    Optional<CaseRow> open = queries.findOpenForUpdate(alert.householdId(), alert.audience());
    UUID caseId;
    CaseAction action;
    String reason = null;
    if (open.isEmpty()) {
      caseId = UUID.randomUUID();
      UUID previous = queries.lastClosed(alert.householdId(), alert.audience()).orElse(null);
      if (previous != null) {
        reason = "前一案件已办结，新的预警另立案件";
      }
      jdbc.sql(
              "insert into cases (case_id, household_id, audience, state, severity,"
                  + " township_code, village_code, cadre_id, previous_case_id, opened_at,"
                  + " updated_at, deadline_kind, deadline, escalation_level, next_escalation_at)"
                  + " values (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, 'ACKNOWLEDGE', ?, 0, ?)")
          .params(
              caseId,
              alert.householdId(),
              alert.audience().name(),
              alert.severity().name(),
              alert.townshipCode(),
              alert.villageCode(),
              alert.cadreId(),
              previous,
              now,
              now,
              deadline,
              deadline)
          .update();
      action = CaseAction.OPENED;
    } else {
      CaseRow c = open.get();
      caseId = c.caseId();
      // a more severe alert on an unacknowledged case brings its deadline forward
      jdbc.sql(
              "update cases set severity = ?, township_code = coalesce(?, township_code),"
                  + " village_code = coalesce(?, village_code), cadre_id = coalesce(?, cadre_id),"
                  + " updated_at = ?,"
                  + " next_escalation_at = case when state = 'OPEN' and escalation_level = 0"
                  + "   and deadline > ? then ? else next_escalation_at end,"
                  + " deadline = case when state = 'OPEN' and deadline > ? then ? else deadline end"
                  + " where case_id = ?")
          .params(
              c.severity().max(alert.severity()).name(),
              alert.townshipCode(),
              alert.villageCode(),
              alert.cadreId(),
              now,
              deadline,
              deadline,
              deadline,
              deadline,
              caseId)
          .update();
      action = CaseAction.ALERT_ADDED;
    }
    jdbc.sql("update alerts set case_id = ? where alert_id = ?")
        .params(caseId, alert.alertId())
        .update();
    CaseRow c = queries.find(caseId).orElseThrow();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("alertId", alert.alertId());
    details.put("rule", alert.rule().name());
    details.put("alertSeverity", alert.severity().name());
    List<String> recipients =
        router.recipientsOfAlert(alert.audience(), c.townshipCode(), c.cadreId());
    details.put("recipients", String.join(",", recipients));
    record(c, action, CaseEvent.SYSTEM_ACTOR, reason, List.of(alert.alertId()), details, now);
    String text =
        NotificationTexts.alertItem(
            alert.audience(),
            alert.householdId(),
            c.villageCode(),
            alert.rule(),
            alert.severity(),
            alert.message(),
            acknowledgeWithin,
            caseId);
    for (String recipient : recipients) {
      notifications.enqueue(recipient, caseId, NotificationKind.ALERT, text);
    }
    metrics.transition(action);
    try (LogContext context =
        LogContext.of(LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.CASE_ID, caseId)
            .put(LogContext.HOUSEHOLD_ID, alert.householdId())) {
      log.info(
          "Alert {} ({}, {}) {} case {}",
          alert.alertId(),
          alert.rule(),
          alert.severity(),
          action == CaseAction.OPENED ? "opened" : "joined",
          caseId);
    }
    return action == CaseAction.OPENED ? Intake.NEW_CASE : Intake.ADDED_TO_CASE;
  }

  /** {@code OPEN → ACKNOWLEDGED}; the measure deadline starts. */
  @Transactional
  public CaseDetail acknowledge(UUID caseId, ShouwangUser user, String note) {
    try (LogContext context =
        LogContext.of(LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.CASE_ID, caseId)) {
      CaseRow c = lockForAction(caseId, user);
      CaseState next = CaseTransitions.apply(c.state(), CaseAction.ACKNOWLEDGED);
      OffsetDateTime now = OffsetDateTime.now(clock);
      OffsetDateTime measureDeadline = now.plus(escalation.measureDeadline());
      jdbc.sql(
              "update cases set state = ?, acknowledged_at = ?, updated_at = ?,"
                  + " deadline_kind = 'MEASURE', deadline = ?, next_escalation_at = ?,"
                  + " escalation_level = 0 where case_id = ?")
          .params(next.name(), now, now, measureDeadline, measureDeadline, caseId)
          .update();
      metrics.acknowledged(c.severity(), c.audience(), Duration.between(c.openedAt(), now));
      return after(caseId, CaseAction.ACKNOWLEDGED, user, blankToNull(note), Map.of(), now)
          .detail();
    }
  }

  /**
   * {@code ACKNOWLEDGED → VERIFIED} when confirmed, {@code → DISMISSED} with a reason when not. A
   * confirmed CADRE case is the cadre's home visit: {@code IDENTIFICATION_STEP HOME_VISIT} of the
   * household goes to {@code household.events} with the change (ADR 0005), under an id derived from
   * the case id.
   */
  @Transactional
  public CaseDetail verify(UUID caseId, ShouwangUser user, Boolean confirmed, String reason) {
    try (LogContext context =
        LogContext.of(LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.CASE_ID, caseId)) {
      if (confirmed == null) {
        throw badRequest("verify: confirmed is required (true: the risk is real, false: dismiss)");
      }
      if (!confirmed && blankToNull(reason) == null) {
        throw badRequest(
            "verify: reason is required when confirmed is false (why it is dismissed)");
      }
      CaseRow c = lockForAction(caseId, user);
      CaseAction action = confirmed ? CaseAction.VERIFIED : CaseAction.DISMISSED;
      CaseState next = CaseTransitions.apply(c.state(), action);
      OffsetDateTime now = OffsetDateTime.now(clock);
      if (confirmed) {
        jdbc.sql("update cases set state = ?, verified_at = ?, updated_at = ? where case_id = ?")
            .params(next.name(), now, now, caseId)
            .update();
      } else {
        jdbc.sql(
                "update cases set state = ?, dismiss_reason = ?, closed_at = ?, updated_at = ?,"
                    + " deadline_kind = null, deadline = null, next_escalation_at = null"
                    + " where case_id = ?")
            .params(next.name(), reason.strip(), now, now, caseId)
            .update();
        metrics.closed(c.audience(), next, Duration.between(c.openedAt(), now));
      }
      CaseDetail detail = after(caseId, action, user, blankToNull(reason), Map.of(), now).detail();
      if (confirmed && c.audience() == Audience.CADRE) {
        householdEvents.append(CadreWorkEvents.homeVisit(caseId, c.householdId(), now));
      }
      return detail;
    }
  }

  /**
   * Records an assistance measure: {@code VERIFIED|ASSISTING → ASSISTING}. A measure of a CADRE
   * case is the household's assistance: {@code ASSISTANCE_RECORDED} with the measure and amount
   * goes to {@code household.events} with the change (ADR 0005), under an id derived from the case
   * event that recorded it.
   */
  @Transactional
  public CaseDetail recordMeasure(
      UUID caseId, ShouwangUser user, String kind, String description, BigDecimal amount) {
    try (LogContext context =
        LogContext.of(LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.CASE_ID, caseId)) {
      AssistanceMeasure measure = parseMeasure(kind);
      if (blankToNull(description) == null) {
        throw badRequest("measures: description is required (what was done for the household)");
      }
      if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
        throw badRequest("measures: amount must be ≥ 0 yuan with at most 2 decimals");
      }
      CaseRow c = lockForAction(caseId, user);
      CaseState next = CaseTransitions.apply(c.state(), CaseAction.MEASURE_RECORDED);
      OffsetDateTime now = OffsetDateTime.now(clock);
      jdbc.sql(
              "insert into measures (case_id, kind, description, amount, recorded_by, recorded_at)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(caseId, measure.name(), description.strip(), amount, user.getUsername(), now)
          .update();
      jdbc.sql(
              "update cases set state = ?, first_measure_at = coalesce(first_measure_at, ?),"
                  + " updated_at = ?, deadline_kind = null, deadline = null,"
                  + " next_escalation_at = null where case_id = ?")
          .params(next.name(), now, now, caseId)
          .update();
      Map<String, String> details = new LinkedHashMap<>();
      details.put("measure", measure.name());
      if (amount != null) {
        details.put("amount", amount.toPlainString());
      }
      Recorded recorded =
          after(caseId, CaseAction.MEASURE_RECORDED, user, description.strip(), details, now);
      if (c.audience() == Audience.CADRE) {
        householdEvents.append(
            CadreWorkEvents.assistance(
                recorded.event().eventId(), c.householdId(), measure, amount, now));
      }
      return recorded.detail();
    }
  }

  /** {@code ASSISTING → RESOLVED} with an outcome. */
  @Transactional
  public CaseDetail resolve(UUID caseId, ShouwangUser user, String outcome) {
    try (LogContext context =
        LogContext.of(LogContext.CASE_ID, LogContext.HOUSEHOLD_ID)
            .put(LogContext.CASE_ID, caseId)) {
      if (blankToNull(outcome) == null) {
        throw badRequest("resolve: outcome is required (how the risk was resolved)");
      }
      CaseRow c = lockForAction(caseId, user);
      CaseState next = CaseTransitions.apply(c.state(), CaseAction.RESOLVED);
      OffsetDateTime now = OffsetDateTime.now(clock);
      jdbc.sql(
              "update cases set state = ?, outcome = ?, closed_at = ?, updated_at = ?,"
                  + " deadline_kind = null, deadline = null, next_escalation_at = null"
                  + " where case_id = ?")
          .params(next.name(), outcome.strip(), now, now, caseId)
          .update();
      metrics.closed(c.audience(), next, Duration.between(c.openedAt(), now));
      return after(caseId, CaseAction.RESOLVED, user, outcome.strip(), Map.of(), now).detail();
    }
  }

  /** A change as the API answers it, and the case event that published it. */
  private record Recorded(CaseDetail detail, CaseEvent event) {}

  private Recorded after(
      UUID caseId,
      CaseAction action,
      ShouwangUser user,
      String reason,
      Map<String, String> details,
      OffsetDateTime now) {
    CaseRow c = queries.find(caseId).orElseThrow();
    CaseEvent event = record(c, action, user.getUsername(), reason, List.of(), details, now);
    metrics.transition(action);
    log.info("Case {}: {} by {}, now {}", caseId, action, user.getUsername(), c.state());
    return new Recorded(queries.detail(c, now), event);
  }

  /** Writes the history row and the case event of a change, in the current transaction. */
  CaseEvent record(
      CaseRow c,
      CaseAction action,
      String actor,
      String reason,
      List<String> alertIds,
      Map<String, String> details,
      OffsetDateTime now) {
    jdbc.sql(
            "insert into case_history (case_id, at, actor, action, state, reason, details)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.caseId(),
            now,
            actor,
            action.name(),
            c.state().name(),
            reason,
            details.isEmpty() ? null : CaseViews.json(details))
        .update();
    CaseEvent event =
        new CaseEvent(
            UUID.randomUUID().toString(),
            c.caseId().toString(),
            c.householdId(),
            c.audience(),
            action,
            c.state(),
            c.severity(),
            actor,
            now,
            reason,
            alertIds,
            c.townshipCode(),
            details);
    events.append(event);
    return event;
  }

  private CaseRow lockForAction(UUID caseId, ShouwangUser user) {
    CaseRow c = queries.findForUpdate(caseId).orElseThrow(() -> CaseQueries.notFound(caseId));
    // the action's log context (opened by the action) restores it when the action ends
    org.slf4j.MDC.put(LogContext.HOUSEHOLD_ID, c.householdId());
    if (CaseAccess.hidden(user, c)) {
      throw CaseQueries.notFound(caseId);
    }
    if (!CaseAccess.canAct(user, c)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Case " + caseId + " is not yours to work: " + CaseQueries.whose(c));
    }
    return c;
  }

  private static AssistanceMeasure parseMeasure(String kind) {
    if (kind == null || kind.isBlank()) {
      throw badRequest("measures: kind is required, one of " + List.of(AssistanceMeasure.values()));
    }
    try {
      return AssistanceMeasure.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw badRequest(
          "measures: kind '"
              + kind
              + "' is not an assistance measure; one of "
              + new ArrayList<>(List.of(AssistanceMeasure.values())));
    }
  }

  static ResponseStatusException badRequest(String detail) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
