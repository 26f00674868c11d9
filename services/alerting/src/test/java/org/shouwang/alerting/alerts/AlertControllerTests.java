package org.shouwang.alerting.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
import org.shouwang.platform.security.PlatformSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * {@code GET /api/v1/alerts} in the web slice: every authenticated user may ask, and the query is
 * scoped to what they may see (a cadre's households, a supervisor's township, everything for the
 * audit office and the admin, nothing for a department system); refusals are problem details.
 */
@WebMvcTest(AlertController.class)
// an auto-configuration, so that it comes before Boot's security defaults as in the application
@ImportAutoConfiguration(PlatformSecurityConfiguration.class)
class AlertControllerTests {

  @Autowired MockMvcTester mvc;

  // the query's result is an empty list; what is checked is the scope the query was given
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  JdbcClient jdbc;

  @Test
  void refusesARequestWithoutCredentialsOrWithAWrongPassword() {
    assertThat(mvc.get().uri("/api/v1/alerts"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .hasHeader("WWW-Authenticate", "Basic realm=\"shouwang\"")
        .bodyJson()
        .extractingPath("$.instance")
        .isEqualTo("/api/v1/alerts");
    assertThat(mvc.get().uri("/api/v1/alerts").with(httpBasic("auditor", "guess")))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    verifyNoInteractions(jdbc);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cadre-0001     | (a.audience = 'CADRE' and (a.cadre_id = ?))      | cadre-0001,100",
        "supervisor-101 | (a.audience = 'CADRE' and (a.township_code = ?)) | 430421101,100",
        "supervisor     | (a.audience = 'CADRE' and (true))                | 100",
        "auditor        | where true                                       | 100",
        "admin          | where true                                       | 100",
        "ingest         | where false                                      | 100",
      })
  void answersEveryUserWithinTheirScope(String user, String predicate, String params) {
    assertThat(mvc.get().uri("/api/v1/alerts").with(httpBasic(user, "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .isEqualTo("[]");

    ArgumentCaptor<String> sql = ArgumentCaptor.forClass(String.class);
    verify(jdbc).sql(sql.capture());
    assertThat(sql.getValue()).contains(predicate);
    ArgumentCaptor<List<?>> given = ArgumentCaptor.captor();
    verify(jdbc.sql(sql.getValue())).params(given.capture());
    assertThat(given.getValue())
        .map(String::valueOf)
        .containsExactlyElementsOf(Arrays.asList(params.split(",")));
  }

  @Test
  void namesTheBadParameterAndWhyItIsBad() {
    assertThat(mvc.get().uri("/api/v1/alerts?rule=NOPE").with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.detail")
                  .asString()
                  .startsWith("Parameter 'rule': 'NOPE' is not valid; one of [")
                  .contains("DUPLICATE_PAYMENT");
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/alerts");
            });
    assertThat(
            mvc.get().uri("/api/v1/alerts?since=yesterday").with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("Parameter 'since': 'yesterday' is not valid");
    assertThat(mvc.get().uri("/api/v1/alerts?limit=1001").with(httpBasic("auditor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("limit must be between 1 and 1000");
    verifyNoInteractions(jdbc);
  }
}
