package org.shouwang.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.platform.security.RequiredRoles;
import org.shouwang.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = PlatformApiDocsTests.App.class)
@AutoConfigureMockMvc
class PlatformApiDocsTests {

  @Autowired MockMvcTester mvc;

  @ParameterizedTest
  @ValueSource(strings = {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"})
  void asksForTheApiLoginBeforeShowingTheDocs(String path) {
    assertThat(mvc.get().uri(path))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"shouwang\"");
  }

  @Test
  void servesSwaggerUiToALoggedInUser() {
    assertThat(mvc.get().uri("/swagger-ui/index.html").header(HttpHeaders.AUTHORIZATION, cadre()))
        .hasStatusOk()
        .bodyText()
        .contains("swagger-ui");
  }

  @Test
  void declaresHttpBasicAsTheSecurityScheme() {
    assertThat(mvc.get().uri("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, cadre()))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.components.securitySchemes.basicAuth.scheme")
                  .isEqualTo("basic");
              assertThat(json).extractingPath("$.security[0].basicAuth").asArray().isEmpty();
            });
  }

  @Test
  void listsEveryOperationWithTheRolesItNeeds() {
    assertThat(mvc.get().uri("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, cadre()))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.paths['/api/v1/audit'].get.description")
                  .asString()
                  .endsWith("需要角色: AUDITOR, ADMIN");
              assertThat(json)
                  .extractingPath("$.paths['/api/v1/audit'].get.x-required-roles")
                  .asArray()
                  .containsExactly("AUDITOR", "ADMIN");
              assertThat(json)
                  .extractingPath("$.paths['/api/v1/batches'].post.description")
                  .asString()
                  .isEqualTo("需要角色: INGEST");
              assertThat(json)
                  .extractingPath("$.paths['/api/v1/cases'].get.description")
                  .asString()
                  .isEqualTo("需要角色: CADRE, SUPERVISOR\n\n访问范围: 干部仅本人帮扶户");
              assertThat(json)
                  .extractingPath("$.paths['/api/v1/inbox'].get.description")
                  .asString()
                  .isEqualTo("需要角色: 任何已登录账号");
              assertThat(json)
                  .extractingPath("$.paths")
                  .asMap()
                  .doesNotContainKey("/actuator/health");
            });
  }

  @Test
  void readsTheRolesOfEveryFormOfRoleCheck() {
    assertThat(RolesOperationCustomizer.rolesOf("hasRole('AUDITOR')")).containsExactly("AUDITOR");
    assertThat(RolesOperationCustomizer.rolesOf("hasAnyRole('INGEST', 'ADMIN')"))
        .containsExactly("INGEST", "ADMIN");
    assertThat(RolesOperationCustomizer.rolesOf("hasAuthority('ROLE_ADMIN') or hasRole('CADRE')"))
        .containsExactly("ADMIN", "CADRE");
    assertThat(RolesOperationCustomizer.rolesOf("isAuthenticated()")).isEmpty();
  }

  private static String cadre() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString("cadre-0001:shouwang".getBytes(StandardCharsets.UTF_8));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({AuditOnly.class, IngestOnly.class, CheckedInCode.class, AnyAccount.class})
  static class App {}

  @RestController
  static class AuditOnly {
    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    String audit() {
      return "ok";
    }
  }

  @RestController
  @PreAuthorize("hasRole('INGEST')")
  static class IngestOnly {
    @PostMapping("/api/v1/batches")
    String batch() {
      return "ok";
    }
  }

  @RestController
  @RequiredRoles(
      value = {Role.CADRE, Role.SUPERVISOR},
      scope = "干部仅本人帮扶户")
  static class CheckedInCode {
    @GetMapping("/api/v1/cases")
    String cases() {
      return "ok";
    }
  }

  @RestController
  static class AnyAccount {
    @GetMapping("/api/v1/inbox")
    String inbox() {
      return "ok";
    }
  }
}
