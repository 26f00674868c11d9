package org.shouwang.alerting.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.platform.security.PlatformSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alertmanager's webhook relayed to a WeCom group robot (a real HTTP server standing in for it):
 * the robot gets its own markdown message in Chinese, only an administrator may post, and a robot
 * that refuses makes Alertmanager retry (502).
 */
@WebMvcTest(AlertmanagerRelayController.class)
@ImportAutoConfiguration(PlatformSecurityConfiguration.class)
@Import(AlertmanagerRelayControllerTests.Fixtures.class)
class AlertmanagerRelayControllerTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> received = new CopyOnWriteArrayList<>();
  private static final AtomicReference<String> answer = new AtomicReference<>();
  private static final HttpServer robot = robot();

  private static final String NOTIFICATION =
      """
      {"version":"4","status":"firing","receiver":"wecom","groupKey":"{}:{}",
       "alerts":[
        {"status":"firing","labels":{"alertname":"ShouwangServiceDown","severity":"critical",
          "job":"alerting"},"annotations":{"summary":"alerting 服务已停止 5 分钟"},
         "startsAt":"2026-12-05T08:00:00Z","endsAt":"0001-01-01T00:00:00Z"},
        {"status":"resolved","labels":{"alertname":"ShouwangDeadLetters","severity":"warning"},
         "annotations":{"summary":"死信出现"},
         "startsAt":"2026-12-05T07:00:00Z","endsAt":"2026-12-05T07:30:00Z"}]}
      """;

  @TestConfiguration(proxyBeanMethods = false)
  static class Fixtures {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @DynamicPropertySource
  static void robotUrl(DynamicPropertyRegistry registry) {
    registry.add(
        "shouwang.alerting.operations.wecom-url",
        () -> "http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=k");
  }

  @Autowired MockMvcTester mvc;
  @Autowired MeterRegistry registry;

  @BeforeEach
  void robotAccepts() {
    received.clear();
    answer.set("{\"errcode\":0,\"errmsg\":\"ok\"}");
  }

  @AfterAll
  static void stopRobot() {
    robot.stop(0);
  }

  @Test
  void relaysAlertmanagersAlertsAsOneWeComMarkdownMessage() {
    assertThat(post("admin"))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .extractingPath("$.alerts")
        .isEqualTo(2);

    assertThat(received).hasSize(1);
    JsonNode message = JSON.readTree(received.get(0));
    assertThat(message.path("msgtype").asString()).isEqualTo("markdown");
    String content = message.path("markdown").path("content").asString();
    assertThat(content)
        .contains("守望运行告警", "告警中 1 条", "已恢复 1 条")
        .contains("【告警】ShouwangServiceDown", "alerting 服务已停止 5 分钟", "服务: alerting")
        .contains("【已恢复】ShouwangDeadLetters", "恢复: 2026-12-05T07:30:00Z");
    assertThat(registry.counter("shouwang.operations.alerts.relayed", "outcome", "sent").count())
        .isEqualTo(1.0);
  }

  @Test
  void onlyAnAdministratorMayPost() {
    assertThat(
            mvc.post()
                .uri("/api/v1/operations/alertmanager")
                .contentType(MediaType.APPLICATION_JSON)
                .content(NOTIFICATION))
        .hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(post("supervisor")).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(received).isEmpty();
  }

  @Test
  void aRobotThatRefusesTheMessageMakesAlertmanagerRetry() {
    answer.set("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    assertThat(post("admin")).hasStatus(HttpStatus.BAD_GATEWAY);
    assertThat(registry.counter("shouwang.operations.alerts.relayed", "outcome", "failed").count())
        .isPositive();
  }

  @Test
  void aBodyWithoutAlertsIsRefusedWithTheField() {
    assertThat(
            mvc.post()
                .uri("/api/v1/operations/alertmanager")
                .with(httpBasic("admin", "shouwang"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"firing\"}"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("alerts");
    assertThat(received).isEmpty();
  }

  @Test
  void keepsAManyAlertMessageWithinWeComsLimit() {
    StringBuilder alerts = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      alerts
          .append(i == 0 ? "" : ",")
          .append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"ShouwangConsumerLag")
          .append(i)
          .append("\"},\"annotations\":{\"summary\":\"消费延迟持续增长 10 分钟\"},")
          .append("\"startsAt\":\"2026-12-05T08:00:00Z\"}");
    }
    String content = WeComText.of(JSON.readTree("{\"alerts\":[" + alerts + "]}"));
    assertThat(content.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(WeComText.MAX_BYTES);
    assertThat(content).contains("告警中 200 条", "其余告警见 Alertmanager");
  }

  private org.springframework.test.web.servlet.assertj.MvcTestResult post(String user) {
    return mvc.post()
        .uri("/api/v1/operations/alertmanager")
        .with(httpBasic(user, "shouwang"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(NOTIFICATION)
        .exchange();
  }

  private static HttpServer robot() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/cgi-bin/webhook/send",
          exchange -> {
            received.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
