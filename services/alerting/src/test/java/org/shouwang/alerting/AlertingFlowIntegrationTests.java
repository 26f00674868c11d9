package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shouwang.events.Alert;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.ContractJson;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole path on the real broker and database: alert → case → notification over a real HTTP
 * receiver and a real SMTP server, with dedup, routing, refusals, recovery and redelivery.
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
class AlertingFlowIntegrationTests {

  static final String PREFIX = SharedKafka.uniqueTopic("flow") + ".";
  static final String GROUP = "alerting-flow-" + UUID.randomUUID();
  static final WebhookReceiver receiver = WebhookReceiver.started();
  static final WebhookReceiver flaky = WebhookReceiver.down();

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

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

  private final TestAlerts alerts = new TestAlerts(PREFIX + Topics.RISK_ALERTS.name());

  @AfterEach
  void closeProducer() {
    alerts.close();
  }

  @AfterAll
  static void stopReceivers() {
    receiver.close();
    flaky.close();
  }

  @Test
  void deliversANewAlertToTheCadresSignedWebhook() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.MEDICAL_BURDEN, Severity.HIGH, "cadre-0001"));

    String masked = household.substring(0, 11) + "***" + household.substring(14);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));
    WebhookReceiver.Request request = receiver.requestsMentioning("/cadre-0001", masked).get(0);
    assertThat(request.body())
        .contains("医疗支出负担重")
        .contains("8,500 元")
        .contains("请在3天内入户核实并在系统中确认")
        .doesNotContain(household);
    String timestamp = request.header("X-Shouwang-Timestamp");
    assertThat(request.header("X-Shouwang-Signature"))
        .isEqualTo(hmacHex("webhook-secret", timestamp + "." + request.body()));
    assertThat(request.header("X-Shouwang-Delivery")).isNotBlank();
  }

  @Test
  void emailsACadreWhoseChannelIsEmail() throws Exception {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.UNSAFE_HOUSING, Severity.HIGH, "cadre-0002"));
    String masked = household.substring(0, 11) + "***" + household.substring(14);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(mailMentioning("cadre-0002@example.org", masked)).hasSize(1));
    MimeMessage message = mailMentioning("cadre-0002@example.org", masked).get(0);
    assertThat(message.getSubject()).startsWith("守望预警");
    assertThat(message.getContent().toString()).contains("住房安全无保障").contains("入户核实");
  }

  @Test
  void keepsEveryNotificationInTheRecipientsInbox() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.UNSAFE_WATER, Severity.LOW, "cadre-0002"));
    String masked = household.substring(0, 11) + "***" + household.substring(14);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        mvc.get()
                            .uri("/api/v1/inbox?unreadOnly=true")
                            .with(httpBasic("cadre-0002", "shouwang")))
                    .bodyText()
                    .contains(masked)
                    .contains("饮水安全无保障"));
    long id =
        jdbc.sql("select id from inbox where recipient = 'cadre-0002' and body like ?")
            .param("%" + masked + "%")
            .query(Long.class)
            .single();

    assertThat(
            mvc.post()
                .uri("/api/v1/inbox/" + id + "/read")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.post()
                .uri("/api/v1/inbox/" + id + "/read")
                .with(httpBasic("cadre-0002", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.readAt")
        .isNotNull();
    assertThat(
            mvc.get()
                .uri("/api/v1/inbox?unreadOnly=true")
                .with(httpBasic("cadre-0002", "shouwang")))
        .bodyText()
        .doesNotContain(masked);
    assertThat(
            mvc.get()
                .uri("/api/v1/cases/" + caseOf(household))
                .with(httpBasic("cadre-0002", "shouwang")))
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json)
                  .extractingPath("$.notifications[0].recipient")
                  .isEqualTo("cadre-0002");
              assertThat(json).extractingPath("$.notifications[0].status").isEqualTo("SENT");
              assertThat(json)
                  .extractingPath("$.notifications[0].attempts[0].channel")
                  .isEqualTo("EMAIL");
            });
  }

  @Test
  void namesTheBadParameterOfARequest() {
    assertThat(mvc.get().uri("/api/v1/cases?state=DONE").with(httpBasic("supervisor", "shouwang")))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("state")
        .contains("RESOLVED");
  }

  @Test
  void foldsSeveralAlertsOfAHouseholdIntoOneCaseAndOneMessage() {
    String household = TestAlerts.household();
    alerts.send(
        TestAlerts.alert(household, Rule.MEDICAL_BURDEN, Severity.MEDIUM, "cadre-0001"),
        TestAlerts.alert(household, Rule.UNINSURED, Severity.HIGH, "cadre-0001"),
        TestAlerts.alert(household, Rule.LOW_INCOME, Severity.LOW, "cadre-0001"));
    String masked = household.substring(0, 11) + "***" + household.substring(14);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));
    // one message with the three alerts (an earlier test's item for the same cadre may share it)
    assertThat(receiver.requestsMentioning("/cadre-0001", masked).get(0).body())
        .containsPattern("您有[3-9]条待办事项")
        .contains("医疗支出负担重", "未参加基本医疗保险", "收入低于监测线");
    assertThat(countCases(household)).isEqualTo(1);
    UUID caseId = caseOf(household);
    assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.severity").isEqualTo("HIGH");
              assertThat(json)
                  .extractingPath("$.summary.rules")
                  .asArray()
                  .containsExactlyInAnyOrder("LOW_INCOME", "MEDICAL_BURDEN", "UNINSURED");
              assertThat(json).extractingPath("$.alerts").asArray().hasSize(3);
            });
  }

  @Test
  void routesAuditFindingsAwayFromTheHouseholdsCadre() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.DUPLICATE_PAYMENT, Severity.HIGH, "cadre-0001"));
    String masked = household.substring(0, 11) + "***" + household.substring(14);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/dingtalk", masked)).hasSize(1));
    WebhookReceiver.Request ding = receiver.requestsMentioning("/dingtalk", masked).get(0);
    Map<String, String> query = query(ding.query());
    assertThat(query).containsEntry("access_token", "abc");
    String ts = query.get("timestamp");
    assertThat(query.get("sign"))
        .isEqualTo(
            java.util.Base64.getEncoder().encodeToString(hmac("SECdemo", ts + "\n" + "SECdemo")));
    assertThat(ding.body()).contains("核查该户补贴发放情况");

    UUID caseId = caseOf(household);
    assertThat(receiver.requestsMentioning("/cadre-0001", masked)).isEmpty();
    assertThat(mvc.get().uri("/api/v1/inbox").with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyText()
        .doesNotContain(masked);
    assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.get()
                .uri("/api/v1/alerts?householdId=" + household)
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$")
        .asArray()
        .isEmpty();
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?householdId=" + household)
                .with(httpBasic("supervisor", "shouwang")))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(
            mvc.get()
                .uri("/api/v1/alerts?householdId=" + household)
                .with(httpBasic("auditor", "shouwang")))
        .bodyJson()
        .extractingPath("$[0].rule")
        .isEqualTo("DUPLICATE_PAYMENT");
    assertThat(mvc.get().uri("/api/v1/inbox").with(httpBasic("auditor", "shouwang")))
        .bodyText()
        .contains(masked);
  }

  @Test
  void refusesACadreAnotherCadresCase() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.UNSAFE_WATER, Severity.MEDIUM, "cadre-0002"));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    UUID caseId = caseOf(household);

    assertThat(mvc.get().uri("/api/v1/cases/" + caseId).with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0001", "shouwang")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyText()
        .contains("not yours");
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?householdId=" + household)
                .with(httpBasic("cadre-0001", "shouwang")))
        .bodyJson()
        .extractingPath("$.total")
        .isEqualTo(0);
    assertThat(
            mvc.post()
                .uri("/api/v1/cases/" + caseId + "/acknowledge")
                .with(httpBasic("cadre-0002", "shouwang")))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.summary.state")
        .isEqualTo("ACKNOWLEDGED");
  }

  @Test
  void worksACaseToItsEndAndPublishesEveryStep() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.DISASTER_LOSS, Severity.CRITICAL, "cadre-0001"));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    UUID caseId = caseOf(household);
    String cadre = "cadre-0001";

    assertThat(post(caseId, "resolve", cadre, "{\"outcome\":\"已解决\"}"))
        .hasStatus(HttpStatus.CONFLICT)
        .bodyText()
        .contains("The case is OPEN");
    assertThat(post(caseId, "acknowledge", cadre, "{\"note\":\"已电话联系\"}")).hasStatusOk();
    assertThat(post(caseId, "verify", cadre, "{\"confirmed\":true,\"reason\":\"入户核实属实\"}"))
        .hasStatusOk();
    assertThat(post(caseId, "measures", cadre, "{\"kind\":\"NOPE\",\"description\":\"x\"}"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("kind");
    assertThat(
            post(
                caseId,
                "measures",
                cadre,
                "{\"kind\":\"WELFARE\",\"description\":\"申请临时救助\",\"amount\":3000.00}"))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.state").isEqualTo("ASSISTING");
              assertThat(json).extractingPath("$.measures[0].kindName").isEqualTo("兜底保障");
            });
    assertThat(post(caseId, "resolve", cadre, "{\"outcome\":\"临时救助已到位，房屋已修复\"}"))
        .hasStatusOk()
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.summary.state").isEqualTo("RESOLVED");
              assertThat(json).extractingPath("$.summary.overdue").isEqualTo(false);
              assertThat(json).extractingPath("$.history[1].actor").isEqualTo(cadre);
              assertThat(json).extractingPath("$.history[1].reason").isEqualTo("已电话联系");
            });

    try (TestAlerts.TopicReader reader =
        new TestAlerts.TopicReader(topics.name(Topics.CASE_EVENTS))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          reader.records().stream()
                              .filter(r -> r.key().equals(household))
                              .map(r -> caseEvent(r).action().name())
                              .filter(a -> !a.startsWith("NOTIFICATION"))
                              .toList())
                      .containsExactly(
                          "OPENED", "ACKNOWLEDGED", "VERIFIED", "MEASURE_RECORDED", "RESOLVED"));
    }

    alerts.send(TestAlerts.alert(household, Rule.DISASTER_LOSS, Severity.HIGH, "cadre-0001"));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 2);
    assertThat(
            mvc.get()
                .uri("/api/v1/cases?state=OPEN&householdId=" + household)
                .with(httpBasic(cadre, "shouwang")))
        .bodyJson()
        .extractingPath("$.items[0].previousCaseId")
        .isEqualTo(caseId.toString());
  }

  @Test
  void deliversExactlyOnceWhenTheReceiverComesBack() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.LABOUR_LOSS, Severity.HIGH, "cadre-0003"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from delivery_attempts d join notification_items i"
                                + " on i.notification_id = d.notification_id join cases c on"
                                + " c.case_id = i.case_id where c.household_id = ? and not"
                                + " d.success")
                        .param(household)
                        .query(Long.class)
                        .single()
                    >= 1);
    flaky.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(flaky.requests("/flaky")).hasSize(1));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(flaky.requests("/flaky")).hasSize(1));
    assertThat(
            jdbc.sql(
                    "select n.status || ':' || n.delivered_channel from notifications n where"
                        + " n.recipient = 'cadre-0003'")
                .query(String.class)
                .list())
        .containsExactly("SENT:WEBHOOK");
  }

  @Test
  void fallsBackToTheNextChannelWhenOneKeepsFailing() throws Exception {
    receiver.answer("/wecom-broken", 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.BUSINESS_FAILURE, Severity.HIGH, "cadre-0004"));
    String masked = household.substring(0, 11) + "***" + household.substring(14);

    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select d.channel || ':' || d.success from delivery_attempts d join"
                                    + " notifications n on n.id = d.notification_id where"
                                    + " n.recipient = 'cadre-0004' order by d.id")
                            .query(String.class)
                            .list())
                    .containsExactly(
                        "WECOM:false", "WECOM:false", "WECOM:false", "WECOM:false", "EMAIL:true"));
    assertThat(mailMentioning("cadre-0004@example.org", masked)).hasSize(1);
    assertThat(receiver.requestsMentioning("/wecom-broken", masked)).hasSize(4);
  }

  @Test
  void ignoresARedeliveredAlertAndARestartedConsumer() throws Exception {
    String household = TestAlerts.household();
    Alert alert = TestAlerts.alert(household, Rule.LOAN_OVERDUE, Severity.MEDIUM, "cadre-0001");
    alerts.send(alert);
    String masked = household.substring(0, 11) + "***" + household.substring(14);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));

    alerts.send(alert);
    MessageListenerContainer container = listeners.getListenerContainer("alerting-intake");
    container.stop();
    String topic = PREFIX + Topics.RISK_ALERTS.name();
    try (Admin admin = SharedKafka.admin()) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetAndMetadata> start =
          java.util.stream.IntStream.range(0, partitions)
              .boxed()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p), p -> new OffsetAndMetadata(0)));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                admin.alterConsumerGroupOffsets(GROUP, start).all().get();
                return true;
              });
      container.start();
      Map<TopicPartition, OffsetSpec> latest =
          start.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> {
                var ends = admin.listOffsets(latest).all().get();
                var committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream()
                    .allMatch(
                        e ->
                            e.getValue().offset() == 0
                                || (committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset()
                                        >= e.getValue().offset()));
              });
    }

    assertThat(
            jdbc.sql("select count(*) from alerts where household_id = ?")
                .param(household)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(countCases(household)).isEqualTo(1);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));
    assertThat(
            jdbc.sql(
                    "select count(distinct i.notification_id) from notification_items i join cases"
                        + " c on c.case_id = i.case_id where c.household_id = ?")
                .param(household)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void sendsAPoisonPillToTheDeadLetterTopicAndGoesOn() {
    String household = TestAlerts.household();
    alerts.sendRaw(household, "{\"alertId\":\"x\",\"rule\":\"NO_SUCH_RULE\"}");
    alerts.send(TestAlerts.alert(household, Rule.SCHOOL_DROPOUT, Severity.CRITICAL, "cadre-0001"));

    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    try (TestAlerts.TopicReader dlt =
        new TestAlerts.TopicReader(PREFIX + Topics.RISK_ALERTS.deadLetterTopic())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                List<ConsumerRecord<String, byte[]>> dead =
                    dlt.records().stream().filter(r -> household.equals(r.key())).toList();
                assertThat(dead).isNotEmpty();
                ConsumerRecord<String, byte[]> record = dead.get(0);
                assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .contains("NO_SUCH_RULE");
                assertThat(header(record, DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(PREFIX + Topics.RISK_ALERTS.name());
                assertThat(header(record, DeadLetterHeaders.REASON_CODE)).isNotBlank();
                assertThat(header(record, DeadLetterHeaders.VIOLATIONS)).contains("NO_SUCH_RULE");
              });
    }
  }

  @Test
  void exportsCaseNotificationAndConsumerMetrics() {
    String household = TestAlerts.household();
    alerts.send(TestAlerts.alert(household, Rule.INCOME_DROP, Severity.HIGH, "cadre-0001"));
    String masked = household.substring(0, 11) + "***" + household.substring(14);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(receiver.requestsMentioning("/cadre-0001", masked)).hasSize(1));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(mvc.get().uri("/actuator/prometheus"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("shouwang_cases_open{")
                    .contains("township=\"430421101\"")
                    .contains("shouwang_cases_time_to_acknowledge_seconds_bucket")
                    .contains("shouwang_cases_time_to_resolve_seconds_bucket")
                    .contains("shouwang_notifications_sent_total{")
                    .contains("channel=\"WEBHOOK\"")
                    .contains("shouwang_notifications_failed_total")
                    .contains("shouwang_notifications_retried_total")
                    .contains("shouwang_alerts_received_total")
                    .contains("shouwang_case_events_published_total")
                    .contains("kafka_consumer_fetch_manager_records_lag"));
  }

  private org.springframework.test.web.servlet.assertj.MvcTestResult post(
      UUID caseId, String action, String user, String body) {
    return mvc.post()
        .uri("/api/v1/cases/" + caseId + "/" + action)
        .with(httpBasic(user, "shouwang"))
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  private long countCases(String household) {
    return jdbc.sql("select count(*) from cases where household_id = ?")
        .param(household)
        .query(Long.class)
        .single();
  }

  private UUID caseOf(String household) {
    return jdbc.sql(
            "select case_id from cases where household_id = ? order by opened_at desc limit 1")
        .param(household)
        .query(UUID.class)
        .single();
  }

  private static List<MimeMessage> mailMentioning(String to, String text) {
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

  private static CaseEvent caseEvent(ConsumerRecord<String, byte[]> record) {
    return ContractJson.mapper().readValue(record.value(), CaseEvent.class);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String raw) {
    return Arrays.stream(raw.split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
  }

  private static byte[] hmac(String key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmacHex(String key, String data) {
    return "sha256=" + java.util.HexFormat.of().formatHex(hmac(key, data));
  }
}
