package org.shouwang.alerting.cases;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseState;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/** A row of {@code cases}, with the rules of its alerts. */
record CaseRow(
    UUID caseId,
    String householdId,
    Audience audience,
    CaseState state,
    Severity severity,
    String townshipCode,
    String villageCode,
    String cadreId,
    UUID previousCaseId,
    OffsetDateTime openedAt,
    OffsetDateTime updatedAt,
    OffsetDateTime acknowledgedAt,
    OffsetDateTime verifiedAt,
    OffsetDateTime firstMeasureAt,
    OffsetDateTime closedAt,
    DeadlineKind deadlineKind,
    OffsetDateTime deadline,
    int escalationLevel,
    OffsetDateTime nextEscalationAt,
    OffsetDateTime escalatedAt,
    String dismissReason,
    String outcome,
    String rules) {

  /** Columns of every query that reads a case. */
  static final String SELECT =
      "select c.*, (select string_agg(distinct a.rule, ',' order by a.rule) from alerts a"
          + " where a.case_id = c.case_id) as rules from cases c";

  List<Rule> ruleList() {
    return rules == null || rules.isEmpty()
        ? List.of()
        : Arrays.stream(rules.split(",")).map(Rule::valueOf).toList();
  }

  boolean overdueAt(OffsetDateTime now) {
    return !state.closed() && deadline != null && !deadline.isAfter(now);
  }
}
