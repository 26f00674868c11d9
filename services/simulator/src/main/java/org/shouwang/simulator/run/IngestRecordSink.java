package org.shouwang.simulator.run;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.shouwang.events.ContractSerdes;
import org.shouwang.simulator.plan.SimRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records through ingest's HTTP API (CONTRACT.md): JSON arrays to {@code POST
 * /api/v1/household-events} and {@code /api/v1/subsidy-payments} with HTTP Basic. Ingest answers
 * {@code 202} once Kafka has acknowledged every accepted record; anything else counts as failed.
 */
final class IngestRecordSink implements RecordSink {

  private static final Logger log = LoggerFactory.getLogger(IngestRecordSink.class);

  private final HttpClient client;
  private final SimulatorProperties.Ingest settings;
  private final String authorization;
  private final SimulationMetrics metrics;

  IngestRecordSink(SimulatorProperties.Ingest settings, SimulationMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.username() + ":" + settings.password())
                        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void send(List<SimRecord> records) {
    List<SimRecord> events = new ArrayList<>();
    List<SimRecord> payments = new ArrayList<>();
    for (SimRecord record : records) {
      (record.kind() == SimRecord.Kind.EVENT ? events : payments).add(record);
    }
    post("/api/v1/household-events", events);
    post("/api/v1/subsidy-payments", payments);
  }

  private void post(String path, List<SimRecord> records) {
    for (int from = 0; from < records.size(); from += settings.batchSize()) {
      List<SimRecord> batch =
          records.subList(from, Math.min(records.size(), from + settings.batchSize()));
      URI uri = settings.baseUrl().resolve(path);
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(array(batch)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          batch.forEach(metrics::sent);
        } else {
          log.warn(
              "ingest refused {} records at {}: HTTP {} {}",
              batch.size(),
              uri,
              response.statusCode(),
              abbreviate(response.body()));
          IllegalStateException error = new IllegalStateException("HTTP " + response.statusCode());
          batch.forEach(r -> metrics.failed(r, error));
        }
      } catch (java.io.IOException e) {
        log.warn("cannot reach ingest at {}: {}", uri, e.toString());
        batch.forEach(r -> metrics.failed(r, e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        batch.forEach(r -> metrics.failed(r, e));
        return;
      }
    }
  }

  private static byte[] array(List<SimRecord> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 400);
    out.write('[');
    for (int i = 0; i < batch.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(ContractSerdes.toJson(batch.get(i).value()));
    }
    out.write(']');
    return out.toByteArray();
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  @Override
  public void flush() {
    // every request is synchronous: nothing is pending once send returns
  }

  @Override
  public void close() {
    // the JDK client holds no resources worth closing on Java 17
  }
}
