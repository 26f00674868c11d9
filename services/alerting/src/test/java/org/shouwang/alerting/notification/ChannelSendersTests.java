package org.shouwang.alerting.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.AlertingProperties.Channel;
import org.shouwang.alerting.AlertingProperties.ChannelType;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each channel carries the console link of every case in the message, as that channel expects. */
class ChannelSendersTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final UUID FIRST = UUID.fromString("1a2b3c4d-1111-2222-3333-444455556666");
  private static final UUID SECOND = UUID.fromString("9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff");
  private static final String FIRST_URL =
      "https://console.example/cases/1a2b3c4d-1111-2222-3333-444455556666";
  private static final String SECOND_URL =
      "https://console.example/cases/9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff";

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final JavaMailSender mail = mock(JavaMailSender.class);
  private HttpServer server;
  private ChannelSenders senders;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    // the module's defaults as the application binds them (alerting.properties over the platform's)
    List<org.springframework.core.env.PropertySource<?>> sources =
        List.of(
            new ResourcePropertySource(new ClassPathResource("alerting.properties")),
            new ResourcePropertySource(
                new ClassPathResource("shouwang-platform-defaults.properties")));
    AlertingProperties properties =
        new Binder(
                ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources))
            .bind("shouwang.alerting", AlertingProperties.class)
            .get();
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
    senders =
        new ChannelSenders(
            properties,
            beans.getBeanProvider(JavaMailSender.class),
            Clock.fixed(Instant.parse("2026-03-03T01:00:00Z"), ZoneOffset.UTC),
            // the trailing slash is dropped
            new CaseLinks("https://console.example/"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void linksEachCaseInWeComMarkdown() throws Exception {
    senders.send(new Channel(ChannelType.WECOM, url("/wecom"), null, null), twoCases());

    JsonNode payload = JSON.readTree(received.get(0));
    assertThat(payload.path("msgtype").asString()).isEqualTo("markdown");
    assertThat(payload.path("markdown").path("content").asString())
        .startsWith("您有2条待办事项：")
        .contains("430421-101-***23")
        .contains("\n\n[查看案件 1a2b3c4d](" + FIRST_URL + ")\n[查看案件 9f8e7d6c](" + SECOND_URL + ")");
  }

  @Test
  void linksEachCaseInDingTalkMarkdownKeepingTheLineBreaks() throws Exception {
    senders.send(new Channel(ChannelType.DINGTALK, url("/dingtalk"), null, null), twoCases());

    JsonNode markdown = JSON.readTree(received.get(0)).path("markdown");
    assertThat(JSON.readTree(received.get(0)).path("msgtype").asString()).isEqualTo("markdown");
    assertThat(markdown.path("title").asString()).isEqualTo("守望预警：2条待办事项");
    assertThat(markdown.path("text").asString())
        .contains("您有2条待办事项：  \n")
        .contains("[查看案件 1a2b3c4d](" + FIRST_URL + ")  \n[查看案件 9f8e7d6c](" + SECOND_URL + ")");
  }

  @Test
  void givesTheWebhookTheCaseUrlsAndLinkLines() throws Exception {
    senders.send(new Channel(ChannelType.WEBHOOK, url("/hook"), "k3y", null), twoCases());

    JsonNode payload = JSON.readTree(received.get(0));
    assertThat(payload.path("caseUrls").values())
        .extracting(JsonNode::asString)
        .containsExactly(FIRST_URL, SECOND_URL);
    assertThat(payload.path("caseIds").values())
        .extracting(JsonNode::asString)
        .containsExactly(FIRST.toString(), SECOND.toString());
    assertThat(payload.path("text").asString())
        .startsWith("您有2条待办事项：")
        .endsWith("查看案件 1a2b3c4d：" + FIRST_URL + "\n查看案件 9f8e7d6c：" + SECOND_URL);
  }

  @Test
  void endsTheEmailWithALinkLinePerCase() throws Exception {
    senders.send(
        new Channel(ChannelType.EMAIL, null, null, "cadre-0001@shouwang.example"),
        new Message(7, "cadre-0001", "守望预警", "农户 430421-101-***23：收入低于监测线", List.of(FIRST)));

    ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
    verify(mail).send(sent.capture());
    assertThat(sent.getValue().getTo()).containsExactly("cadre-0001@shouwang.example");
    assertThat(sent.getValue().getText())
        .isEqualTo("农户 430421-101-***23：收入低于监测线\n\n查看案件 1a2b3c4d：" + FIRST_URL);
  }

  private Message twoCases() {
    String body =
        NotificationTexts.body(
            List.of(
                "农户 430421-101-***23：收入低于监测线（案件 1a2b3c4d）",
                "农户 430421-101-***45：未参加基本医疗保险（案件 9f8e7d6c）"));
    return new Message(
        42,
        "cadre-0001",
        NotificationTexts.title(List.of(NotificationKind.ALERT, NotificationKind.ALERT)),
        body,
        List.of(FIRST, SECOND));
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }
}
