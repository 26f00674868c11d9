package org.shouwang.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class IngestApplicationIntegrationTests extends IngestIntegrationTestSupport {

  @Test
  void startsAndServesHealthAndMetrics() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .contains("application=\"ingest\"");
  }

  @Test
  void requiresAuthenticationOnTheApi() {
    assertThat(mvc.get().uri("/api/v1/anything")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void exportsEveryIngestMetricFamilyToPrometheus() {
    String valid = medicalExpense(newId(), "430421-105-00300");
    String invalid = medicalExpense(newId(), "bad id!");
    assertThat(
            mvc.post()
                .uri("/api/v1/household-events")
                .header(HttpHeaders.AUTHORIZATION, basic("medical-insurance"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(array(java.util.List.of(valid, invalid))))
        .hasStatus(HttpStatus.ACCEPTED);

    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .contains("shouwang_ingest_records_total{")
        .containsPattern(
            "shouwang_ingest_records_total\\{[^}]*department=\"MEDICAL_INSURANCE\""
                + "[^}]*outcome=\"accepted\"[^}]*type=\"MEDICAL_EXPENSE\"")
        .containsPattern(
            "shouwang_ingest_records_total\\{[^}]*outcome=\"rejected\"[^}]*reason=\"BAD_FORMAT\"")
        .contains("shouwang_ingest_violations_total{")
        .contains("shouwang_ingest_batch_size_records_count{")
        .contains("shouwang_ingest_produce_latency_seconds_count{")
        .contains("shouwang_ingest_dedup_ids{");
  }
}
