package org.shouwang.alerting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One alerting application on the shared broker and a database of its own for every flow test
 * class: the same configuration, so Spring's context cache starts it once per JVM. The webhook
 * receivers and the SMTP server live as long as that context (they are in its configuration), so
 * they are started once here and stopped when the JVM ends, not after each class. Tests tell their
 * data apart by a new household each.
 */
@SpringBootTest(
    properties = {
      "shouwang.alerting.consumer.retry-initial-interval=100ms",
      "shouwang.alerting.consumer.retry-max-attempts=1",
      "shouwang.alerting.notifications.group-window=2s",
      "shouwang.alerting.notifications.poll-interval=100ms",
      "shouwang.alerting.notifications.initial-backoff=300ms",
      "shouwang.alerting.notifications.max-backoff=2s",
      "shouwang.alerting.notifications.max-attempts=4",
      "shouwang.alerting.metrics.refresh-interval=300ms",
      "shouwang.alerting.publishing-interval=200ms",
    })
@AutoConfigureMockMvc
abstract class AlertingFlowIntegrationTestSupport {

  static final String PREFIX = SharedKafka.uniqueTopic("flow") + ".";
  static final String GROUP = "alerting-flow-" + UUID.randomUUID();
  static final WebhookReceiver receiver = WebhookReceiver.started();

  /** Down until a test starts it: the receiver that comes back. */
  static final WebhookReceiver flaky = WebhookReceiver.down();

  static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    mail.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  receiver.close();
                  flaky.close();
                  mail.stop();
                }));
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    SharedPostgres.newDatabase("alerting_flow").register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    // a list binds from one property source only: every channel property goes here
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0001.channels[0].type", () -> "WEBHOOK");
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0001.channels[0].secret",
        () -> "webhook-secret");
    registry.add("shouwang.alerting.routing.recipients.cadre-0002.channels[0].type", () -> "EMAIL");
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0002.channels[0].address",
        () -> "cadre-0002@example.org");
    registry.add("shouwang.alerting.routing.recipients.auditor.channels[0].type", () -> "DINGTALK");
    registry.add(
        "shouwang.alerting.routing.recipients.auditor.channels[0].secret", () -> "SECdemo");
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0003.channels[0].type", () -> "WEBHOOK");
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0003.channels[1].type", () -> "WEBHOOK");
    registry.add("shouwang.alerting.routing.recipients.cadre-0004.channels[0].type", () -> "WECOM");
    registry.add("shouwang.alerting.routing.recipients.cadre-0004.channels[1].type", () -> "EMAIL");
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0004.channels[1].address",
        () -> "cadre-0004@example.org");
    registry.add("shouwang.alerting.consumer.group-id", () -> GROUP);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0001.channels[0].url",
        () -> receiver.url("/cadre-0001"));
    registry.add(
        "shouwang.alerting.routing.recipients.auditor.channels[0].url",
        () -> receiver.url("/dingtalk") + "?access_token=abc");
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0003.channels[0].url",
        () -> flaky.url("/flaky"));
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0003.channels[1].url",
        () -> flaky.url("/flaky"));
    registry.add(
        "shouwang.alerting.routing.recipients.cadre-0004.channels[0].url",
        () -> receiver.url("/wecom-broken"));
  }

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ContractTopics topics;
  @Autowired KafkaListenerEndpointRegistry listeners;

  final TestAlerts alerts = new TestAlerts(PREFIX + Topics.RISK_ALERTS.name());

  @AfterEach
  void closeProducer() {
    alerts.close();
  }

  /** A household id as notifications print it. */
  static String masked(String household) {
    return household.substring(0, 11) + "***" + household.substring(14);
  }

  MvcTestResult post(UUID caseId, String action, String user, String body) {
    return mvc.post()
        .uri("/api/v1/cases/" + caseId + "/" + action)
        .with(httpBasic(user, "shouwang"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  long countCases(String household) {
    return jdbc.sql("select count(*) from cases where household_id = ?")
        .param(household)
        .query(Long.class)
        .single();
  }

  UUID caseOf(String household) {
    return jdbc.sql(
            "select case_id from cases where household_id = ? order by opened_at desc limit 1")
        .param(household)
        .query(UUID.class)
        .single();
  }

  static List<MimeMessage> mailMentioning(String to, String text) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))
                    && m.getContent().toString().contains(text);
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  static CaseEvent caseEvent(ConsumerRecord<String, byte[]> record) {
    return ContractJson.mapper().readValue(record.value(), CaseEvent.class);
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static Map<String, String> query(String raw) {
    return Arrays.stream(raw.split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
  }

  static byte[] hmac(String key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hmacHex(String key, String data) {
    return "sha256=" + java.util.HexFormat.of().formatHex(hmac(key, data));
  }
}
