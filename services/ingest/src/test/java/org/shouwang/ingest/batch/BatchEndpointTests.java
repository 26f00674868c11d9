package org.shouwang.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import org.shouwang.ingest.IngestWebSlice;
import org.shouwang.ingest.intake.Channel;
import org.shouwang.ingest.intake.Intake;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RecordResult;
import org.shouwang.ingest.intake.RecordStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/v1/household-events} and {@code /subsidy-payments} in the web slice: who may
 * send, and the problem details of a refused body. The intake is a mock: what it does with the
 * records is {@code BatchIntegrationTests}' business.
 */
@IngestWebSlice
class BatchEndpointTests {

  private static final String ONE_RECORD = "{\"eventId\":\"e-1\"}";

  @Autowired MockMvcTester mvc;
  @MockitoBean Intake intake;

  private MvcTestResult post(String path, String body) {
    return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
  }

  private MvcTestResult post(String path, String body, String user, String password) {
    return mvc.post()
        .uri(path)
        .with(httpBasic(user, password))
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private static IntakeReport report(RecordStatus status, List<Violation> violations) {
    return new IntakeReport(
        RecordKind.HOUSEHOLD_EVENT.tag(),
        1,
        status == RecordStatus.ACCEPTED ? 1 : 0,
        0,
        status == RecordStatus.REJECTED ? 1 : 0,
        0,
        List.of(new RecordResult(0, null, "e-1", status, violations, null)));
  }

  @Test
  void refusesARequestWithoutCredentialsAsAProblem() {
    assertThat(post("/api/v1/household-events", ONE_RECORD))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .hasHeader("WWW-Authenticate", "Basic realm=\"shouwang\"")
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.status").isEqualTo(401);
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/household-events");
            });
    verifyNoInteractions(intake);
  }

  @Test
  void refusesAWrongPassword() {
    assertThat(post("/api/v1/subsidy-payments", ONE_RECORD, "ingest", "wrong"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(intake);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "supervisor", "supervisor-101", "auditor"})
  void refusesEveryRoleButIngestAndAdmin(String user) {
    for (String path : List.of("/api/v1/household-events", "/api/v1/subsidy-payments")) {
      assertThat(post(path, ONE_RECORD, user, "shouwang"))
          .hasStatus(HttpStatus.FORBIDDEN)
          .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
          .bodyJson()
          .satisfies(
              json -> {
                assertThat(json).extractingPath("$.detail").isEqualTo("Your role may not do this.");
                assertThat(json).extractingPath("$.instance").isEqualTo(path);
              });
    }
    verifyNoInteractions(intake);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "civil-affairs", "admin"})
  void takesRecordsFromIngestAndAdminAccounts(String user) throws Exception {
    when(intake.ingest(any(), any(), anyList(), any()))
        .thenReturn(report(RecordStatus.ACCEPTED, List.of()));

    assertThat(post("/api/v1/household-events", ONE_RECORD, user, "shouwang"))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .extractingPath("$.accepted")
        .isEqualTo(1);
    verify(intake)
        .ingest(
            eq(RecordKind.HOUSEHOLD_EVENT),
            eq(Channel.API),
            argThat(candidates -> candidates.size() == 1),
            argThat(sender -> sender.getUsername().equals(user)));
  }

  @Test
  void answersARecordThatBreaksTheContractWithItsFieldAndReason() throws Exception {
    when(intake.ingest(any(), any(), anyList(), any()))
        .thenReturn(
            report(
                RecordStatus.REJECTED,
                List.of(
                    new Violation(
                        "householdId", ViolationCode.REQUIRED, "householdId is required"))));

    assertThat(post("/api/v1/household-events", ONE_RECORD, "ingest", "shouwang"))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.status").isEqualTo(422);
              assertThat(json).extractingPath("$.rejected").isEqualTo(1);
              assertThat(json)
                  .extractingPath("$.results[0].violations[0].field")
                  .isEqualTo("householdId");
              assertThat(json)
                  .extractingPath("$.results[0].violations[0].reason")
                  .isEqualTo("householdId is required");
            });
  }

  @Test
  void answersMalformedJsonWithWhereItBreaksAndSendsNothing() {
    assertThat(post("/api/v1/household-events", "[{\"a\":1},{\"b\":", "ingest", "shouwang"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.code").isEqualTo("MALFORMED_JSON");
              assertThat(json).extractingPath("$.detail").asString().contains("line 1");
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/household-events");
            });
    verifyNoInteractions(intake);
  }

  @Test
  void refusesMoreRecordsThanTheLimitAndSendsNothing() {
    assertThat(post("/api/v1/subsidy-payments", "[{},{},{}]", "ingest", "shouwang"))
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.code").isEqualTo("TOO_LARGE");
              assertThat(json).extractingPath("$.detail").asString().contains("at most 2");
            });
    verifyNoInteractions(intake);
  }

  @Test
  void refusesABodyThatIsNotJson() {
    assertThat(
            mvc.post()
                .uri("/api/v1/household-events")
                .with(httpBasic("ingest", "shouwang"))
                .contentType(MediaType.TEXT_PLAIN)
                .content("eventId=e-1"))
        .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo(415);
    verifyNoInteractions(intake);
  }
}
