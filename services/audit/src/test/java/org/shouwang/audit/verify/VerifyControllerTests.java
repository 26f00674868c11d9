package org.shouwang.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.audit.ControllerSlice;
import org.shouwang.audit.chain.VerificationResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The verify endpoint's web layer: security, parameters and problem details, the walk mocked. */
@WebMvcTest(VerifyController.class)
@Import(ControllerSlice.class)
class VerifyControllerTests {

  @Autowired MockMvcTester mvc;
  @MockitoBean ChainVerification verification;

  @Test
  void asksForCredentialsWithAProblem() {
    assertThat(mvc.get().uri("/api/v1/audit/verify"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(verification);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "ingest"})
  void refusesCadresAndIngest(String user) {
    assertThat(mvc.get().uri("/api/v1/audit/verify").with(httpBasic(user, "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(verification);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auditor", "admin"})
  void verifiesForAuditorsAndAdministrators(String user) {
    given(
            verification.verify(
                isNull(), isNull(), eq(user), anyCollection(), eq("/api/v1/audit/verify")))
        .willReturn(
            new ChainVerification.Report(
                new VerificationResult(true, 3, 1L, 3L, "c0ffee", 1, 0, null), 1, 7));

    assertThat(mvc.get().uri("/api/v1/audit/verify").with(httpBasic(user, "shouwang")))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"status": "OK", "checkedEntries": 3, "headSequence": 3, "headHash": "c0ffee",
             "checkpointsKnown": 1, "checkpointsMatched": 1}
            """);
  }

  @Test
  void namesABadParameterInAProblem() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit/verify")
                .param("from", "0")
                .with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("parameters 'from' and 'to' are sequence numbers");
    verifyNoInteractions(verification);
  }
}
