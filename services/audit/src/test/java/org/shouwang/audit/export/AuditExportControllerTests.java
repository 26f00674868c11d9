package org.shouwang.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.audit.ControllerSlice;
import org.shouwang.audit.chain.ReadKind;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.ReadAuditor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The export endpoint's web layer: security, format and problem details, the log mocked. */
@WebMvcTest(AuditExportController.class)
@Import(ControllerSlice.class)
class AuditExportControllerTests {

  @Autowired MockMvcTester mvc;
  @MockitoBean AuditLog log;
  @MockitoBean ReadAuditor reads;

  @Test
  void asksForCredentialsWithAProblem() {
    assertThat(mvc.get().uri("/api/v1/audit/export"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(log, reads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "ingest"})
  void refusesCadresAndIngest(String user) {
    assertThat(mvc.get().uri("/api/v1/audit/export").with(httpBasic(user, "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(log, reads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auditor", "admin"})
  void exportsForAuditorsAndAdministratorsAndRecordsTheRead(String user) {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/export")
                .param("format", "csv")
                .with(httpBasic(user, "shouwang")))
        .hasStatus(HttpStatus.OK)
        .hasContentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
        .headers()
        .hasSingleValue(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"audit-export-20260302T013000Z.csv\"");
    verify(reads)
        .record(
            eq(ReadKind.EXPORT),
            any(Authentication.class),
            eq("/api/v1/audit/export"),
            anyMap(),
            isNull());
  }

  @Test
  void namesABadFormatInAProblem() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/export")
                .param("format", "xlsx")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("parameter 'format'");
    verifyNoInteractions(log, reads);
  }

  @Test
  void namesABadFilterInAProblem() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/export")
                .param("to", "yesterday")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("parameter 'to'");
  }
}
