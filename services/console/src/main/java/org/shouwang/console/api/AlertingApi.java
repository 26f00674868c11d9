package org.shouwang.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The alerting API as the logged-in user: a case, its actions, alerts and the inbox. */
@Component
public class AlertingApi {

  private final RestClient client;

  AlertingApi(@Qualifier("alertingClient") RestClient client) {
    this.client = client;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CaseSummary(
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
      String deadlineKind,
      OffsetDateTime deadline,
      boolean overdue,
      int escalationLevel,
      String dismissReason,
      String outcome) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CaseDetail(
      CaseSummary summary,
      List<CaseAlert> alerts,
      List<HistoryEntry> history,
      List<Measure> measures) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CaseAlert(
      String alertId, Rule rule, Severity severity, String message, OffsetDateTime detectedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HistoryEntry(
      OffsetDateTime at, String actor, CaseAction action, CaseState state, String reason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Measure(
      AssistanceMeasure kind,
      String description,
      BigDecimal amount,
      String recordedBy,
      OffsetDateTime recordedAt) {}

  /** An alert as the contract writes it; only what the case page shows beyond the case API. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AlertEvidence(String alertId, List<String> evidence) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InboxMessage(
      long id, String title, String body, OffsetDateTime createdAt, OffsetDateTime readAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Inbox(long unread, List<InboxMessage> items) {}

  public CaseDetail caseDetail(UUID caseId) {
    return client.get().uri("/api/v1/cases/{id}", caseId).retrieve().body(CaseDetail.class);
  }

  /** Runs an action ({@code acknowledge}, {@code verify}, {@code measures}, {@code resolve}). */
  public void act(UUID caseId, String action, Map<String, Object> body) {
    client
        .post()
        .uri("/api/v1/cases/{id}/{action}", caseId, action)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }

  /** The household's alerts in the user's scope, for their evidence. */
  public List<AlertEvidence> alerts(String householdId) {
    return client
        .get()
        .uri(u -> u.path("/api/v1/alerts").queryParam("householdId", householdId).build())
        .retrieve()
        .body(new ParameterizedTypeReference<List<AlertEvidence>>() {});
  }

  public Inbox inbox(boolean unreadOnly, int size) {
    return client
        .get()
        .uri(
            u ->
                u.path("/api/v1/inbox")
                    .queryParam("unreadOnly", unreadOnly)
                    .queryParam("size", size)
                    .build())
        .retrieve()
        .body(Inbox.class);
  }

  public void markRead(long id) {
    client.post().uri("/api/v1/inbox/{id}/read", id).retrieve().toBodilessEntity();
  }
}
