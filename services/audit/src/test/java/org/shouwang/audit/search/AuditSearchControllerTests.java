package org.shouwang.audit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.audit.ControllerSlice;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.ReadKind;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.ReadAuditor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The search endpoint's web layer: security, parameters and problem details, the log mocked. */
@WebMvcTest(AuditSearchController.class)
@Import(ControllerSlice.class)
class AuditSearchControllerTests {

  @Autowired MockMvcTester mvc;
  @MockitoBean AuditLog log;
  @MockitoBean ReadAuditor reads;

  @Test
  void asksForCredentialsWithAProblem() {
    assertThat(mvc.get().uri("/api/v1/audit/events"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .headers()
        .hasSingleValue("WWW-Authenticate", "Basic realm=\"shouwang\"");
    verifyNoInteractions(log, reads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "ingest"})
  void refusesCadresAndIngest(String user) {
    assertThat(mvc.get().uri("/api/v1/audit/events").with(httpBasic(user, "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(log, reads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auditor", "admin"})
  void searchesForAuditorsAndAdministratorsAndRecordsTheRead(String user) {
    given(log.<List<AuditEntry>>read(any())).willReturn(List.of());

    assertThat(
            mvc.get()
                .uri("/api/v1/audit/events")
                .param("householdId", "430421-101-00001")
                .with(httpBasic(user, "shouwang")))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$.entries")
        .asArray()
        .isEmpty();
    verify(reads)
        .record(
            eq(ReadKind.SEARCH),
            any(Authentication.class),
            eq("/api/v1/audit/events"),
            anyMap(),
            isNull());
  }

  @Test
  void namesABadParameterInAProblem() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/events")
                .param("from", "last tuesday")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("parameter 'from'");
    verifyNoInteractions(log, reads);
  }

  @Test
  void refusesAPageLargerThanTheLargest() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/events")
                .param("limit", "1001")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("parameter 'limit' must be between 1 and 1000");
  }
}
