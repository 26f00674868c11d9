package org.shouwang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = PlatformSecurityTests.TestApp.class)
@AutoConfigureMockMvc
class PlatformSecurityTests {

  @Autowired MockMvcTester mvc;

  @Test
  void refusesAnApiCallWithoutCredentialsWithAProblem() {
    assertThat(mvc.get().uri("/api/v1/whoami"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo(401);
  }

  @Test
  void refusesAWrongPassword() {
    assertThat(
            mvc.get()
                .uri("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, basic("auditor", "nope")))
        .hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void letsADemoCadreInWithTheirCadreId() {
    assertThat(
            mvc.get()
                .uri("/api/v1/whoami")
                .header(HttpHeaders.AUTHORIZATION, basic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .hasBodyTextEqualTo("cadre-0001 [CADRE] cadre-0001");
  }

  @Test
  void refusesARoleThatMayNotWithAProblem() {
    assertThat(
            mvc.get()
                .uri("/api/v1/audit-only")
                .header(HttpHeaders.AUTHORIZATION, basic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(
            mvc.get()
                .uri("/api/v1/audit-only")
                .header(HttpHeaders.AUTHORIZATION, basic("auditor", "shouwang")))
        .hasStatusOk();
  }

  @Test
  void answersMvcErrorsWithProblemDetails() {
    assertThat(
            mvc.post()
                .uri("/api/v1/audit-only")
                .header(HttpHeaders.AUTHORIZATION, basic("auditor", "shouwang")))
        .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void leavesHealthAndPrometheusOpen() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .contains("jvm_memory_used_bytes");
  }

  static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @SpringBootApplication
  @org.springframework.context.annotation.Import(WhoAmI.class)
  static class TestApp {}

  @RestController
  static class WhoAmI {
    @GetMapping("/api/v1/whoami")
    String whoami(@AuthenticationPrincipal ShouwangUser user) {
      return user.getUsername() + " " + user.roles() + " " + user.cadreId();
    }

    @GetMapping("/api/v1/audit-only")
    @PreAuthorize("hasRole('AUDITOR')")
    String auditOnly() {
      return "ok";
    }
  }
}
