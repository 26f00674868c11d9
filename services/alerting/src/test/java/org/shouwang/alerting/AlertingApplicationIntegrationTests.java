package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
class AlertingApplicationIntegrationTests {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    SharedPostgres.newDatabase("alerting").register(registry);
  }

  @Autowired MockMvcTester mvc;

  @Test
  void startsAndServesHealthAndMetrics() {
    assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .contains("application=\"alerting\"");
  }

  @Test
  void requiresAuthenticationOnTheApi() {
    assertThat(mvc.get().uri("/api/v1/anything")).hasStatus(HttpStatus.UNAUTHORIZED);
  }
}
