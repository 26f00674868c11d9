package org.shouwang.console.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.shouwang.console.ConsoleProperties;
import org.shouwang.console.security.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link RestClient} per API. Every request carries the logged-in user's own credentials (HTTP
 * Basic), so the APIs' role checks decide what the console shows, exactly as for any other client.
 */
@Configuration(proxyBeanMethods = false)
class ApiClients {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  RestClient alertingClient(RestClient.Builder builder, ConsoleProperties properties) {
    return client(builder, properties.alertingUrl().toString(), Duration.ofSeconds(15));
  }

  @Bean
  RestClient auditClient(RestClient.Builder builder, ConsoleProperties properties) {
    // verification walks the whole chain: allow it minutes, the page shows a spinner meanwhile
    return client(builder, properties.auditUrl().toString(), Duration.ofMinutes(10));
  }

  private static RestClient client(RestClient.Builder builder, String baseUrl, Duration timeout) {
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(timeout);
    return builder
        .clone()
        .baseUrl(baseUrl)
        .requestFactory(factory)
        .requestInterceptor(
            (request, body, execution) -> {
              CurrentUser user = CurrentUser.get();
              String token =
                  Base64.getEncoder()
                      .encodeToString(
                          (user.username() + ":" + user.password())
                              .getBytes(StandardCharsets.UTF_8));
              request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Basic " + token);
              return execution.execute(request, body);
            })
        .defaultStatusHandler(
            HttpStatusCode::isError,
            (request, response) -> {
              String detail;
              try {
                JsonNode problem = JSON.readTree(response.getBody().readAllBytes());
                detail = problem.path("detail").asString("");
              } catch (RuntimeException notJson) {
                detail = "";
              }
              throw new ApiRefusal(response.getStatusCode().value(), detail);
            })
        .build();
  }
}
