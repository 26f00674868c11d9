package org.shouwang.ingest.batch;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.ContractJson;
import org.shouwang.ingest.IngestProperties;
import org.shouwang.ingest.intake.Candidate;
import org.shouwang.ingest.intake.Channel;
import org.shouwang.ingest.intake.Intake;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.IntakeResponses;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RequestBodies;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/household-events} and {@code POST /api/v1/subsidy-payments}: one JSON record
 * or an array of up to {@code shouwang.ingest.max-records}.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('INGEST', 'ADMIN')")
class BatchController {

  private final Intake intake;
  private final IngestProperties properties;

  BatchController(Intake intake, IngestProperties properties) {
    this.intake = intake;
    this.properties = properties;
  }

  @PostMapping(path = "/household-events", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IntakeReport> householdEvents(
      HttpServletRequest request, @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    return ingest(RecordKind.HOUSEHOLD_EVENT, request, user);
  }

  @PostMapping(path = "/subsidy-payments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IntakeReport> subsidyPayments(
      HttpServletRequest request, @AuthenticationPrincipal ShouwangUser user)
      throws IOException, InterruptedException {
    return ingest(RecordKind.SUBSIDY_PAYMENT, request, user);
  }

  private ResponseEntity<IntakeReport> ingest(
      RecordKind kind, HttpServletRequest request, ShouwangUser user)
      throws IOException, InterruptedException {
    byte[] body = RequestBodies.read(request, properties.maxBodySize());
    List<Candidate> candidates = candidates(parse(body), properties.maxRecords());
    return IntakeResponses.of(intake.ingest(kind, Channel.API, candidates, user));
  }

  static JsonNode parse(byte[] body) {
    JsonNode tree;
    try {
      tree = ContractJson.mapper().readTree(body);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 0
              ? ""
              : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw malformed("The body is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw malformed("The body is empty: send one record or a JSON array of records.");
    }
    return tree;
  }

  static List<Candidate> candidates(JsonNode tree, int maxRecords) {
    if (tree.isObject()) {
      return List.of(Candidate.json(0, tree));
    }
    if (!tree.isArray()) {
      throw malformed("The body must be one record (a JSON object) or a JSON array of records.");
    }
    if (tree.isEmpty()) {
      throw malformed("The array is empty: nothing to take in.");
    }
    if (tree.size() > maxRecords) {
      ErrorResponseException problem =
          IntakeResponses.problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "Too many records",
              "The array has "
                  + tree.size()
                  + " records; at most "
                  + maxRecords
                  + " are allowed per request. Split it; nothing was written.");
      problem.getBody().setProperty("code", "TOO_LARGE");
      throw problem;
    }
    List<Candidate> candidates = new ArrayList<>(tree.size());
    for (int i = 0; i < tree.size(); i++) {
      candidates.add(Candidate.json(i, tree.get(i)));
    }
    return candidates;
  }

  private static ErrorResponseException malformed(String detail) {
    ErrorResponseException problem =
        IntakeResponses.problem(HttpStatus.BAD_REQUEST, "Malformed request", detail);
    problem.getBody().setProperty("code", "MALFORMED_JSON");
    return problem;
  }
}
