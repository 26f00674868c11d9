package org.shouwang.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/** The audit API as the logged-in user (it admits auditors and administrators only). */
@Component
public class AuditApi {

  private final RestClient client;

  AuditApi(@Qualifier("auditClient") RestClient client) {
    this.client = client;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      long sequence,
      String occurredAt,
      String appendedAt,
      String kind,
      String householdId,
      String actor,
      String sourceTopic,
      JsonNode payloadJson,
      String payload) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Page(List<Entry> entries, Long nextAfterSequence) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ChainBreak(Long sequence, String problem, String reason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Verification(
      String status,
      long checkedEntries,
      Long fromSequence,
      Long headSequence,
      String headHash,
      int checkpointsKnown,
      long checkpointsMatched,
      long durationMillis,
      ChainBreak firstBreak) {}

  /** One page of a search; {@code filters} holds the API's own parameter names. */
  public Page search(Map<String, String> filters, Long afterSequence, int limit) {
    return client
        .get()
        .uri(
            u -> {
              UriBuilder b = u.path("/api/v1/audit/events");
              filters.forEach(b::queryParam);
              if (afterSequence != null) {
                b.queryParam("afterSequence", afterSequence);
              }
              return b.queryParam("limit", limit).build();
            })
        .retrieve()
        .body(Page.class);
  }

  public Verification verify() {
    return client.get().uri("/api/v1/audit/verify").retrieve().body(Verification.class);
  }

  /** Streams the export in the given format ({@code csv}, {@code jsonl}) into {@code out}. */
  public void export(Map<String, String> filters, String format, OutputStream out) {
    client
        .get()
        .uri(
            u -> {
              UriBuilder b = u.path("/api/v1/audit/export");
              filters.forEach(b::queryParam);
              return b.queryParam("format", format).build();
            })
        .exchange(
            (request, response) -> {
              if (response.getStatusCode().isError()) {
                throw new ApiRefusal(response.getStatusCode().value(), "export refused");
              }
              try (InputStream in = response.getBody()) {
                in.transferTo(out);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return null;
            });
  }
}
