package org.shouwang.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractJson;
import org.shouwang.ingest.IngestApplication;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Ingest restarted on the same topics of the shared broker: a producer that resends its batch after
 * the restart gets every record back as {@code DUPLICATE}, and each id is on the topic once. Each
 * test runs the whole application twice over real HTTP, one after the other.
 */
class DedupRestartIntegrationTests {

  private final HttpClient http = HttpClient.newHttpClient();

  private static ConfigurableApplicationContext start(String prefix, String... extra) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                "shouwang.kafka.topic-prefix=" + prefix,
                "shouwang.kafka.partitions=3",
                "server.port=0",
                "spring.main.banner-mode=off"));
    properties.addAll(List.of(extra));
    return new SpringApplicationBuilder(IngestApplication.class)
        .properties(properties.toArray(String[]::new))
        .run();
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private JsonNode post(ConfigurableApplicationContext context, String path, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port(context) + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("ingest:shouwang".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return ContractJson.mapper().readTree(response.body());
  }

  private String prometheus(ConfigurableApplicationContext context)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port(context) + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String event(String eventId, int household) {
    return """
        {"eventId":"%s","householdId":"430421-105-%05d","type":"HOUSING_ASSESSED",\
        "occurredAt":"2026-03-02T09:30:00+08:00","source":"SYSTEM","data":{"grade":"C"}}"""
        .formatted(eventId, household);
  }

  private static String payment(String paymentId, int household) {
    return """
        {"paymentId":"%s","householdId":"430421-105-%05d","programme":"MINIMUM_LIVING_ALLOWANCE",\
        "period":"2026-03","amount":720.00,"paidAt":"2026-03-10T10:00:00+08:00",\
        "payer":"衡阳县民政局"}"""
        .formatted(paymentId, household);
  }

  private static String array(List<String> records) {
    return "[" + String.join(",", records) + "]";
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
  }

  /**
   * How often each id occurs on a topic, read from the beginning until every expected id has
   * arrived and the topic's end is reached.
   */
  private static Map<String, Long> occurrences(String topic, String idField, List<String> ids) {
    List<String> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r ->
                            read.add(
                                ContractJson.mapper()
                                    .readTree(r.value())
                                    .get(idField)
                                    .stringValue()));
                return read.containsAll(ids)
                    && partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
              });
    }
    return read.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void aBatchResentAfterARestartIsReportedDuplicateAndLandsOnce() throws Exception {
    String prefix = SharedKafka.uniqueTopic("ingest-restart") + ".";
    List<String> eventIds = ids(40);
    List<String> paymentIds = ids(12);
    List<String> events =
        IntStream.range(0, eventIds.size()).mapToObj(i -> event(eventIds.get(i), i)).toList();
    List<String> payments =
        IntStream.range(0, paymentIds.size()).mapToObj(i -> payment(paymentIds.get(i), i)).toList();

    try (ConfigurableApplicationContext first = start(prefix)) {
      assertThat(post(first, "/api/v1/household-events", array(events)).get("accepted").asInt())
          .isEqualTo(40);
      assertThat(post(first, "/api/v1/subsidy-payments", array(payments)).get("accepted").asInt())
          .isEqualTo(12);
    }

    String newEvent = UUID.randomUUID().toString();
    List<String> resent = new ArrayList<>(events);
    resent.add(event(newEvent, 99));
    try (ConfigurableApplicationContext second = start(prefix)) {
      JsonNode eventReport = post(second, "/api/v1/household-events", array(resent));
      assertThat(eventReport.get("duplicates").asInt()).isEqualTo(40);
      assertThat(eventReport.get("accepted").asInt()).isEqualTo(1);
      for (int i = 0; i < 40; i++) {
        assertThat(eventReport.get("results").get(i).get("status").stringValue())
            .isEqualTo("DUPLICATE");
      }
      assertThat(eventReport.get("results").get(40).get("status").stringValue())
          .isEqualTo("ACCEPTED");
      JsonNode paymentReport = post(second, "/api/v1/subsidy-payments", array(payments));
      assertThat(paymentReport.get("duplicates").asInt()).isEqualTo(12);
      assertThat(paymentReport.get("accepted").asInt()).isZero();

      assertThat(prometheus(second))
          .contains(
              "shouwang_ingest_dedup_rebuild_ids{application=\"ingest\",kind=\"household-event\"} 40.0")
          .contains(
              "shouwang_ingest_dedup_rebuild_ids{application=\"ingest\",kind=\"subsidy-payment\"} 12.0")
          .contains("shouwang_ingest_dedup_rebuild_records{")
          .contains("shouwang_ingest_dedup_rebuild_duration_seconds{");
    }

    List<String> allEvents = new ArrayList<>(eventIds);
    allEvents.add(newEvent);
    Map<String, Long> onTopic = occurrences(prefix + "household.events", "eventId", allEvents);
    assertThat(onTopic).hasSize(41);
    assertThat(onTopic.values()).containsOnly(1L);
    Map<String, Long> paymentsOnTopic =
        occurrences(prefix + "subsidy.payments", "paymentId", paymentIds);
    assertThat(paymentsOnTopic).hasSize(12);
    assertThat(paymentsOnTopic.values()).containsOnly(1L);
  }

  @Test
  void readsBackOnlyTheConfiguredNumberOfRecordsPerPartition() throws Exception {
    String prefix = SharedKafka.uniqueTopic("ingest-lookback") + ".";
    List<String> eventIds = ids(5);
    // one household: one partition, in the order sent
    List<String> events = eventIds.stream().map(id -> event(id, 7)).toList();
    try (ConfigurableApplicationContext first = start(prefix)) {
      assertThat(post(first, "/api/v1/household-events", array(events)).get("accepted").asInt())
          .isEqualTo(5);
    }
    try (ConfigurableApplicationContext second =
        start(prefix, "shouwang.ingest.dedup.rebuild.records-per-partition=2")) {
      JsonNode report =
          post(
              second,
              "/api/v1/household-events",
              array(List.of(events.get(0), events.get(3), events.get(4))));
      // the oldest record lies beyond the look-back; the last two are held
      assertThat(report.get("results").get(0).get("status").stringValue()).isEqualTo("ACCEPTED");
      assertThat(report.get("results").get(1).get("status").stringValue()).isEqualTo("DUPLICATE");
      assertThat(report.get("results").get(2).get("status").stringValue()).isEqualTo("DUPLICATE");
    }
  }
}
