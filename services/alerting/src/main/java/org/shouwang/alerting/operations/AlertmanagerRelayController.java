package org.shouwang.alerting.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/operations/alertmanager}: Alertmanager's webhook (version 4 JSON) in, one
 * WeCom group-robot markdown message out. A WeCom robot refuses Alertmanager's own JSON, so
 * Alertmanager posts here (with the {@code ADMIN} account of its {@code http_config}) and this
 * relays. A robot that refuses the message (HTTP error or a non-zero {@code errcode}) gives 502, so
 * Alertmanager retries.
 */
@RestController
@EnableConfigurationProperties(OperationsProperties.class)
@PreAuthorize("hasRole('ADMIN')")
class AlertmanagerRelayController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OperationsProperties properties;
  private final HttpClient http;
  private final Counter relayed;
  private final Counter refused;

  AlertmanagerRelayController(OperationsProperties properties, MeterRegistry registry) {
    this.properties = properties;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.relayed =
        Counter.builder("shouwang.operations.alerts.relayed")
            .description("Alertmanager notifications relayed to the WeCom robot")
            .tag("outcome", "sent")
            .register(registry);
    this.refused =
        Counter.builder("shouwang.operations.alerts.relayed")
            .description("Alertmanager notifications relayed to the WeCom robot")
            .tag("outcome", "failed")
            .register(registry);
  }

  /** What was relayed: the number of alerts in the message. */
  record Relayed(int alerts) {}

  @PostMapping("/api/v1/operations/alertmanager")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Relayed relay(@RequestBody JsonNode notification) {
    if (properties.wecomUrl().isBlank()) {
      throw new ResponseStatusException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "未配置企业微信机器人地址（shouwang.alerting.operations.wecom-url）: no WeCom robot URL"
              + " configured");
    }
    JsonNode alerts = notification.path("alerts");
    if (!alerts.isArray()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "field 'alerts': an array of Alertmanager alerts is required");
    }
    String body =
        JSON.writeValueAsString(
            Map.of(
                "msgtype", "markdown", "markdown", Map.of("content", WeComText.of(notification))));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(properties.wecomUrl()))
                  .timeout(properties.timeout())
                  .header("Content-Type", "application/json; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int errcode = errcode(response.body());
      if (response.statusCode() / 100 != 2 || errcode != 0) {
        refused.increment();
        throw new ResponseStatusException(
            HttpStatus.BAD_GATEWAY,
            "the WeCom robot refused the message: HTTP "
                + response.statusCode()
                + ", errcode "
                + errcode);
      }
    } catch (IOException e) {
      refused.increment();
      throw new ResponseStatusException(
          HttpStatus.BAD_GATEWAY, "the WeCom robot could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
    }
    relayed.increment();
    return new Relayed(alerts.size());
  }

  /** The robot's {@code errcode}; -1 when the answer is not its JSON. */
  private static int errcode(String body) {
    try {
      return JSON.readTree(body).path("errcode").asInt(-1);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
