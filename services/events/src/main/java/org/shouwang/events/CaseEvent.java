package org.shouwang.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change to a case or a notification about it, published by alerting on {@link
 * Topics#CASE_EVENTS} for the audit log. Keyed by household id like every other topic.
 *
 * @param eventId unique id of this change
 * @param caseId the case
 * @param householdId the household
 * @param audience CADRE or AUDITOR case
 * @param action what happened
 * @param state the case's state after it
 * @param severity the case's severity after it
 * @param actor who did it: a user name, or {@code system} for the service itself
 * @param at when
 * @param reason why, as the actor gave it (may be absent)
 * @param alertIds the alerts this change concerns
 * @param townshipCode the household's township
 * @param details further facts of the change (measure kind and amount, channel and recipient...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(
    String eventId,
    String caseId,
    String householdId,
    Audience audience,
    CaseAction action,
    CaseState state,
    Severity severity,
    String actor,
    OffsetDateTime at,
    String reason,
    List<String> alertIds,
    String townshipCode,
    Map<String, String> details) {

  /** The actor name of changes the service makes by itself. */
  public static final String SYSTEM_ACTOR = "system";

  public CaseEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
