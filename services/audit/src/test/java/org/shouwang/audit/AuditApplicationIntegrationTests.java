package org.shouwang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class AuditApplicationIntegrationTests extends AuditIntegrationTestSupport {

  @Autowired MockMvcTester mvc;

  @Test
  void startsAndServesHealthAndMetrics() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .contains("application=\"audit\"")
        // the audit consumer's own client metrics (its lag is on the boards and alerted on)
        .contains("kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  void requiresAuthenticationOnTheApi() {
    assertThat(mvc.get().uri("/api/v1/anything")).hasStatus(HttpStatus.UNAUTHORIZED);
  }
}
