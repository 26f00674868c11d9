package org.shouwang.alerting.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Answers;
import org.mockito.ArgumentCaptor;
import org.shouwang.platform.security.PlatformSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The inbox in the web slice: every authenticated user reads only their own messages (by user
 * name), marking another's message read is a 404, refusals are problem details.
 */
@WebMvcTest(InboxController.class)
// an auto-configuration, so that it comes before Boot's security defaults as in the application
@ImportAutoConfiguration(PlatformSecurityConfiguration.class)
@Import({InboxControllerTests.Fixtures.class, CaseLinks.class})
class InboxControllerTests {

  @TestConfiguration(proxyBeanMethods = false)
  static class Fixtures {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired MockMvcTester mvc;

  // no message is found and no row is updated unless a test says otherwise
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  JdbcClient jdbc;

  @Test
  void refusesARequestWithoutCredentialsOrWithAWrongPassword() {
    assertThat(mvc.get().uri("/api/v1/inbox"))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo(401);
    assertThat(mvc.post().uri("/api/v1/inbox/42/read").with(httpBasic("cadre-0002", "x")))
        .hasStatus(HttpStatus.UNAUTHORIZED);
    verifyNoInteractions(jdbc);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0001", "supervisor-101", "auditor", "admin", "ingest"})
  void readsEveryUsersOwnInboxOnly(String user) {
    when(jdbc.sql(startsWith("select count(*)")).param(any()).query(Long.class).single())
        .thenReturn(2L);

    assertThat(mvc.get().uri("/api/v1/inbox").with(httpBasic(user, "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.recipient").isEqualTo(user);
              assertThat(json).extractingPath("$.unread").isEqualTo(2);
              assertThat(json).extractingPath("$.items").asArray().isEmpty();
            });
    ArgumentCaptor<String> sql = ArgumentCaptor.forClass(String.class);
    verify(jdbc, atLeastOnce()).sql(sql.capture());
    String count =
        sql.getAllValues().stream()
            .filter(statement -> statement.startsWith("select count(*)"))
            .findFirst()
            .orElseThrow();
    ArgumentCaptor<Object> recipients = ArgumentCaptor.forClass(Object.class);
    // at least once: stubbing the chain above called param on the same mock; the last is the
    // controller's
    verify(jdbc.sql(count), atLeastOnce()).param(recipients.capture());
    assertThat((String[]) recipients.getValue()).containsExactly(user);
  }

  @Test
  void answersAMessageOutsideTheUsersInboxWith404() {
    assertThat(mvc.post().uri("/api/v1/inbox/42/read").with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.detail").isEqualTo("No message 42 in your inbox");
              assertThat(json).extractingPath("$.instance").isEqualTo("/api/v1/inbox/42/read");
            });
  }

  @Test
  void namesTheBadParameter() {
    assertThat(mvc.get().uri("/api/v1/inbox?unreadOnly=maybe").with(httpBasic("admin", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("Parameter 'unreadOnly': 'maybe' is not valid");
    assertThat(mvc.post().uri("/api/v1/inbox/latest/read").with(httpBasic("admin", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("Parameter 'id': 'latest' is not valid");
    verifyNoInteractions(jdbc);
  }
}
