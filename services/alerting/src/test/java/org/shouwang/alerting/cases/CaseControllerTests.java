package org.shouwang.alerting.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.cases.CaseViews.CaseDetail;
import org.shouwang.alerting.cases.CaseViews.CaseSummary;
import org.shouwang.alerting.cases.CaseViews.Page;
import org.shouwang.alerting.notification.NotificationOutbox;
import org.shouwang.alerting.publishing.CaseEventOutbox;
import org.shouwang.alerting.publishing.HouseholdEventOutbox;
import org.shouwang.alerting.routing.Router;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.shouwang.events.EventData;
import org.shouwang.events.EventType;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Severity;
import org.shouwang.events.Source;
import org.shouwang.platform.security.PlatformSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The case API in the web slice: authentication, who may see and work which case (the controller's
 * and the real {@link CaseService}'s rules, over mocked queries and outboxes), and the problem
 * details of refusals. The database path is {@code CaseLifecycleIntegrationTests}' business.
 */
@WebMvcTest(CaseController.class)
// an auto-configuration, so that it comes before Boot's security defaults as in the application
@ImportAutoConfiguration(PlatformSecurityConfiguration.class)
@Import({CaseService.class, CaseControllerTests.Fixtures.class})
class CaseControllerTests {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");
  static final UUID CASE_ID = UUID.fromString("5f0c4a52-8d43-4bde-9d0e-3c1f4f1d2a11");
  static final String TOWNSHIP = "430421101";

  /** The clock, and the real settings (alerting.properties, which the slice loads too). */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableConfigurationProperties(AlertingProperties.class)
  static class Fixtures {

    @Bean
    Clock clock() {
      return Clock.fixed(NOW.toInstant(), NOW.getOffset());
    }
  }

  @Autowired MockMvcTester mvc;
  @MockitoBean CaseQueries queries;

  // the service's writes: answered with mocks (an update counts 0 rows), checked where it matters
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  JdbcClient jdbc;

  @MockitoBean CaseEventOutbox events;
  @MockitoBean HouseholdEventOutbox householdEvents;
  @MockitoBean NotificationOutbox notifications;
  @MockitoBean Router router;
  @MockitoBean CaseMetrics metrics;

  private static CaseRow row(Audience audience, CaseState state, String township, String cadre) {
    return new CaseRow(
        CASE_ID,
        "430421-101-00001",
        audience,
        state,
        Severity.HIGH,
        township,
        township + "001",
        cadre,
        null,
        NOW.minusDays(1),
        NOW.minusDays(1),
        null,
        null,
        null,
        null,
        DeadlineKind.ACKNOWLEDGE,
        NOW.plusDays(2),
        0,
        NOW.plusDays(2),
        null,
        null,
        null,
        "MEDICAL_BURDEN");
  }

  private static CaseRow cadreCase(CaseState state) {
    return row(Audience.CADRE, state, TOWNSHIP, "cadre-0001");
  }

  private static CaseRow auditFinding() {
    return row(Audience.AUDITOR, CaseState.OPEN, TOWNSHIP, "cadre-0001");
  }

  private void given(CaseRow c) {
    when(queries.find(CASE_ID)).thenReturn(Optional.of(c));
    when(queries.findForUpdate(CASE_ID)).thenReturn(Optional.of(c));
    when(queries.detail(any(), any()))
        .thenAnswer(
            invocation ->
                new CaseDetail(
                    CaseSummary.of(invocation.getArgument(0), NOW),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()));
  }

  private MvcTestResult get(String uri, String user) {
    return mvc.get().uri(uri).with(httpBasic(user, "shouwang")).exchange();
  }

  private MvcTestResult post(String action, String user, String body) {
    return mvc.post()
        .uri("/api/v1/cases/" + CASE_ID + "/" + action)
        .with(httpBasic(user, "shouwang"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  @Test
  void refusesARequestWithoutCredentialsAsAProblem() {
    assertThat(mvc.get().uri("/api/v1/cases"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .hasHeader("WWW-Authenticate", "Basic realm=\"shouwang\"")
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.status").isEqualTo(401);
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/cases");
            });
    assertThat(mvc.post().uri("/api/v1/cases/" + CASE_ID + "/acknowledge"))
        .hasStatus(HttpStatus.UNAUTHORIZED);
    verifyNoInteractions(queries, jdbc, events);
  }

  @Test
  void refusesAWrongPassword() {
    assertThat(mvc.get().uri("/api/v1/cases/" + CASE_ID).with(httpBasic("cadre-0001", "shouwang1")))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(queries);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"cadre-0001", "supervisor-101", "supervisor", "auditor", "admin", "ingest"})
  void listsForEveryAuthenticatedUserWithTheQueryScopedToThem(String user) {
    when(queries.list(any(), any(), eq(0), eq(50), eq(NOW)))
        .thenReturn(new Page<>(List.of(), 0, 50, 0));

    assertThat(get("/api/v1/cases", user))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    verify(queries).list(any(), argThat(u -> u.getUsername().equals(user)), eq(0), eq(50), eq(NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "supervisor-101", "supervisor", "auditor", "admin"})
  void showsACadreCaseToItsCadreItsSupervisorsTheAuditOfficeAndTheAdmin(String user) {
    given(cadreCase(CaseState.OPEN));

    assertThat(get("/api/v1/cases/" + CASE_ID, user))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.summary.caseId")
        .isEqualTo(CASE_ID.toString());
  }

  @ParameterizedTest
  @CsvSource({
    "cadre-0002, 430421101",
    "ingest, 430421101",
    "supervisor-101, 430421102",
  })
  void refusesACadreCaseToAnotherCadreADepartmentAndAnotherTownship(String user, String township) {
    given(row(Audience.CADRE, CaseState.OPEN, township, "cadre-0001"));

    assertThat(get("/api/v1/cases/" + CASE_ID, user))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.detail")
                  .asString()
                  .contains("not yours to see")
                  .contains("another cadre");
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/cases/" + CASE_ID);
            });
    verify(queries, org.mockito.Mockito.never()).detail(any(), any());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "supervisor-101", "supervisor", "ingest"})
  void hidesAnAuditFindingFromEveryoneOutsideTheAuditOffice(String user) {
    given(auditFinding());

    for (MvcTestResult result :
        List.of(get("/api/v1/cases/" + CASE_ID, user), post("acknowledge", user, "{}"))) {
      assertThat(result)
          .hasStatus(HttpStatus.NOT_FOUND)
          .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
          .bodyJson()
          .extractingPath("$.detail")
          .isEqualTo("No case " + CASE_ID);
    }
    verifyNoInteractions(jdbc, events);
  }

  @Test
  void answersACaseThatDoesNotExistWith404() {
    when(queries.find(CASE_ID)).thenReturn(Optional.empty());

    assertThat(get("/api/v1/cases/" + CASE_ID, "admin"))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.status").isEqualTo(404);
              assertThat(json).extractingPath("$.detail").isEqualTo("No case " + CASE_ID);
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/cases/" + CASE_ID);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "supervisor-101", "supervisor", "admin"})
  void letsTheCadreTheSupervisorsAndTheAdminWorkACadreCase(String user) {
    given(cadreCase(CaseState.OPEN));

    assertThat(post("acknowledge", user, "{\"note\":\"已电话联系\"}")).hasStatusOk();
    verify(events)
        .append(
            argThat(
                e ->
                    e.action() == CaseAction.ACKNOWLEDGED
                        && e.actor().equals(user)
                        && e.caseId().equals(CASE_ID.toString())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0002", "auditor", "ingest"})
  void refusesToLetAnyoneElseWorkACadreCase(String user) {
    given(cadreCase(CaseState.OPEN));

    assertThat(post("acknowledge", user, "{}"))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("is not yours to work");
    verifyNoInteractions(jdbc, events);
  }

  @Test
  void publishesTheHomeVisitOfAConfirmedCadreCaseOnly() {
    given(cadreCase(CaseState.ACKNOWLEDGED));

    assertThat(post("verify", "cadre-0001", "{\"confirmed\":false,\"reason\":\"已报销\"}"))
        .hasStatusOk();
    verifyNoInteractions(householdEvents);
    assertThat(post("verify", "cadre-0001", "{\"confirmed\":true,\"reason\":\"属实\"}"))
        .hasStatusOk();
    verify(householdEvents)
        .append(
            argThat(
                e ->
                    e.type() == EventType.IDENTIFICATION_STEP
                        && e.source() == Source.CADRE
                        && e.department() == null
                        && e.householdId().equals("430421-101-00001")
                        && e.dataAs(EventData.IdentificationStep.class).step()
                            == ProcedureStep.HOME_VISIT
                        && e.eventId().equals(CadreWorkEvents.homeVisitEventId(CASE_ID))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"auditor", "admin"})
  void letsTheAuditOfficeAndTheAdminWorkAnAuditFinding(String user) {
    given(auditFinding());

    assertThat(get("/api/v1/cases/" + CASE_ID, user)).hasStatusOk();
    assertThat(post("acknowledge", user, "{}"))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.summary.audience")
        .isEqualTo("AUDITOR");
    verify(events).append(argThat(e -> e.actor().equals(user)));
  }

  @Test
  void answersAnActionTheCasesStateDoesNotAllowWith409AndChangesNothing() {
    given(cadreCase(CaseState.OPEN));

    assertThat(post("resolve", "cadre-0001", "{\"outcome\":\"已解决\"}"))
        .hasStatus(HttpStatus.CONFLICT)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.status").isEqualTo(409);
              assertThat(json)
                  .extractingPath("$.detail")
                  .isEqualTo("The case is OPEN: RESOLVED is only possible from [ASSISTING]");
              assertThat(json)
                  .extractingPath("$.instance")
                  .isEqualTo("/api/v1/cases/" + CASE_ID + "/resolve");
            });
    verifyNoInteractions(jdbc, events);
  }

  @Test
  void saysAClosedCaseIsClosedWhenAnActionComesTooLate() {
    given(cadreCase(CaseState.RESOLVED));

    assertThat(post("acknowledge", "cadre-0001", "{}"))
        .hasStatus(HttpStatus.CONFLICT)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .startsWith("The case is RESOLVED")
        .contains("a new alert opens a new case");
    verifyNoInteractions(jdbc, events);
  }

  @Test
  void namesTheBadParameterAndWhyItIsBad() {
    assertThat(get("/api/v1/cases?state=DONE", "supervisor"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.detail")
                  .isEqualTo(
                      "Parameter 'state': 'DONE' is not valid; one of [OPEN, ACKNOWLEDGED,"
                          + " VERIFIED, DISMISSED, ASSISTING, RESOLVED]");
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/cases");
            });
    assertThat(get("/api/v1/cases?size=501", "supervisor"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("page must be ≥ 0 and size between 1 and 500");
    assertThat(get("/api/v1/cases/not-a-case", "supervisor"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("Parameter 'id': 'not-a-case' is not valid");
    verifyNoInteractions(queries);
  }

  @Test
  void namesTheBadFieldOfABodyAndWhyItIsBad() {
    given(cadreCase(CaseState.VERIFIED));

    assertThat(post("measures", "cadre-0001", "{\"kind\":\"NOPE\",\"description\":\"x\"}"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .startsWith("measures: kind 'NOPE' is not an assistance measure; one of [")
        .contains("WELFARE");
    assertThat(post("verify", "cadre-0001", "{\"reason\":\"入户核实\"}"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .startsWith("verify: confirmed is required");
    assertThat(post("resolve", "cadre-0001", "{\"outcome\":"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .startsWith("The request body is not valid JSON for this action");
    verifyNoInteractions(jdbc, events);
  }
}
