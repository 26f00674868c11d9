package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractJson;
import org.shouwang.events.ContractReader;
import org.shouwang.simulator.plan.SimRecord;
import tools.jackson.databind.JsonNode;

/** The via-ingest path against a tiny HTTP receiver standing in for ingest. */
class IngestRecordSinkTests {

  private HttpServer server;
  private final List<String[]> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger status = new AtomicInteger(202);
  private final SimulationMetrics metrics = Fixtures.metrics();

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              new String[] {
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body
              });
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private IngestRecordSink sink(int batchSize) {
    return new IngestRecordSink(
        new SimulatorProperties.Ingest(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            "ingest",
            "shouwang",
            batchSize,
            Duration.ofSeconds(10)),
        metrics);
  }

  @Test
  void postsBatchesOfValidRecordsToTheContractsEndpointsWithBasicAuth() {
    List<SimRecord> records = Fixtures.PLAN.records().subList(0, 2_500);

    sink(1_000).send(records);

    String expectedAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("ingest:shouwang".getBytes(StandardCharsets.UTF_8));
    ContractReader reader = new ContractReader(Clock.systemUTC());
    int events = 0;
    int payments = 0;
    for (String[] request : requests) {
      assertThat(request[1]).isEqualTo(expectedAuth);
      assertThat(request[2]).isEqualTo("application/json");
      JsonNode array = ContractJson.mapper().readTree(request[3]);
      assertThat(array.isArray()).isTrue();
      assertThat(array.size()).isLessThanOrEqualTo(1_000);
      for (JsonNode node : array) {
        if (request[0].equals("/api/v1/household-events")) {
          assertThat(reader.householdEvent(node).violations()).isEmpty();
          events++;
        } else {
          assertThat(request[0]).isEqualTo("/api/v1/subsidy-payments");
          assertThat(reader.subsidyPayment(node).violations()).isEmpty();
          payments++;
        }
      }
    }
    assertThat(events + payments).isEqualTo(2_500);
    assertThat(events)
        .isEqualTo(records.stream().filter(r -> r.kind() == SimRecord.Kind.EVENT).count());
    assertThat(metrics.sentCount()).isEqualTo(2_500);
    assertThat(metrics.failedCount()).isZero();
  }

  @Test
  void countsRecordsIngestRefusesAsFailed() {
    status.set(503);

    sink(100).send(Fixtures.PLAN.records().subList(0, 150));

    assertThat(metrics.failedCount()).isEqualTo(150);
    assertThat(metrics.sentCount()).isZero();
  }
}
