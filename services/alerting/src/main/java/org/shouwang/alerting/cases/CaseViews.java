package org.shouwang.alerting.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/** What the case API returns. */
final class CaseViews {

  private CaseViews() {}

  /** A case as listed. */
  record CaseSummary(
      UUID caseId,
      String householdId,
      Audience audience,
      CaseState state,
      Severity severity,
      List<Rule> rules,
      String townshipCode,
      String villageCode,
      String cadreId,
      OffsetDateTime openedAt,
      OffsetDateTime updatedAt,
      OffsetDateTime acknowledgedAt,
      OffsetDateTime verifiedAt,
      OffsetDateTime firstMeasureAt,
      OffsetDateTime closedAt,
      DeadlineKind deadlineKind,
      OffsetDateTime deadline,
      boolean overdue,
      int escalationLevel,
      OffsetDateTime escalatedAt,
      String dismissReason,
      String outcome,
      UUID previousCaseId) {

    static CaseSummary of(CaseRow c, OffsetDateTime now) {
      return new CaseSummary(
          c.caseId(),
          c.householdId(),
          c.audience(),
          c.state(),
          c.severity(),
          c.ruleList(),
          c.townshipCode(),
          c.villageCode(),
          c.cadreId(),
          c.openedAt(),
          c.updatedAt(),
          c.acknowledgedAt(),
          c.verifiedAt(),
          c.firstMeasureAt(),
          c.closedAt(),
          c.state().closed() ? null : c.deadlineKind(),
          c.state().closed() ? null : c.deadline(),
          c.overdueAt(now),
          c.escalationLevel(),
          c.escalatedAt(),
          c.dismissReason(),
          c.outcome(),
          c.previousCaseId());
    }
  }

  /** A case with everything that happened to it. */
  record CaseDetail(
      CaseSummary summary,
      List<CaseAlert> alerts,
      List<HistoryEntry> history,
      List<Measure> measures,
      List<Notification> notifications) {}

  record CaseAlert(
      String alertId,
      Rule rule,
      String ruleTitle,
      Severity severity,
      String message,
      OffsetDateTime detectedAt,
      OffsetDateTime receivedAt) {}

  record HistoryEntry(
      OffsetDateTime at,
      String actor,
      CaseAction action,
      CaseState state,
      String reason,
      String details) {}

  record Measure(
      long id,
      AssistanceMeasure kind,
      String kindName,
      String description,
      BigDecimal amount,
      String recordedBy,
      OffsetDateTime recordedAt) {}

  record Notification(
      long id,
      String recipient,
      String status,
      String deliveredChannel,
      OffsetDateTime deliveredAt,
      OffsetDateTime sendAfter,
      List<Attempt> attempts) {}

  record Attempt(
      String channel,
      int attempt,
      OffsetDateTime at,
      boolean success,
      String error,
      long durationMs) {}

  /** One page of a list. */
  record Page<T>(List<T> items, int page, int size, long total) {}

  /** Details of a case event or history entry, as a JSON object of strings. */
  static String json(Map<String, String> details) {
    return new String(
        org.shouwang.events.ContractSerdes.toJson(details),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
