package org.shouwang.alerting.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.AlertingProperties.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers a message over one external channel; throws {@link DeliveryException} with a reason when
 * the channel did not accept it. WeCom and DingTalk robots answer HTTP 200 with a non-zero {@code
 * errcode} on errors, which counts as a failure. Every channel carries the console link of each
 * case in the message: markdown links for the robots, link lines in the e-mail, {@code caseUrls}
 * and link lines in the webhook's JSON.
 */
@Component
class ChannelSenders {

  /** Header of the generic webhook's HMAC-SHA256 signature. */
  static final String SIGNATURE_HEADER = "X-Shouwang-Signature";

  /** Header of the generic webhook's signing time (epoch seconds). */
  static final String TIMESTAMP_HEADER = "X-Shouwang-Timestamp";

  /** Header naming the notification, so a receiver can drop a repeated delivery. */
  static final String DELIVERY_HEADER = "X-Shouwang-Delivery";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final AlertingProperties.Notifications config;
  private final ObjectProvider<JavaMailSender> mail;
  private final Clock clock;
  private final CaseLinks links;

  ChannelSenders(
      AlertingProperties properties,
      ObjectProvider<JavaMailSender> mail,
      Clock clock,
      CaseLinks links) {
    this.config = properties.notifications();
    this.mail = mail;
    this.clock = clock;
    this.links = links;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  void send(Channel channel, Message message) throws DeliveryException {
    switch (channel.type()) {
      case WECOM -> robot(channel.url(), weComMarkdown(message), message);
      case DINGTALK -> robot(dingTalkUrl(channel), dingTalkMarkdown(message), message);
      case WEBHOOK -> webhook(channel, message);
      case EMAIL -> email(channel, message);
    }
  }

  /** WeCom's markdown: a line feed is a line break; links are {@code [text](url)}. */
  private Map<String, Object> weComMarkdown(Message message) {
    String content = message.body() + linkLines(message, NotificationTexts::caseLinkMarkdown);
    return Map.of("msgtype", "markdown", "markdown", Map.of("content", content));
  }

  /**
   * DingTalk's markdown joins single line feeds into one paragraph: two trailing spaces keep the
   * text's line breaks. The title is what the chat list and the phone's notification show.
   */
  private Map<String, Object> dingTalkMarkdown(Message message) {
    String text =
        (message.body() + linkLines(message, NotificationTexts::caseLinkMarkdown))
            .replace("\n", "  \n");
    return Map.of(
        "msgtype", "markdown", "markdown", Map.of("title", message.title(), "text", text));
  }

  /** The message's case links, one a line after a blank line; empty without cases. */
  private String linkLines(Message message, BiFunction<UUID, String, String> link) {
    StringBuilder lines = new StringBuilder();
    for (UUID caseId : message.caseIds()) {
      lines.append(lines.isEmpty() ? "\n\n" : "\n").append(link.apply(caseId, links.of(caseId)));
    }
    return lines.toString();
  }

  private URI dingTalkUrl(Channel channel) {
    if (channel.secret() == null || channel.secret().isBlank()) {
      return channel.url();
    }
    long timestamp = clock.millis();
    String url = channel.url().toString();
    return URI.create(
        url
            + (url.contains("?") ? "&" : "?")
            + "timestamp="
            + timestamp
            + "&sign="
            + Signatures.dingTalk(channel.secret(), timestamp));
  }

  private void robot(URI url, Map<String, Object> payload, Message message)
      throws DeliveryException {
    HttpResponse<String> response = post(url, JSON.writeValueAsBytes(payload), Map.of(), message);
    try {
      JsonNode answer = JSON.readTree(response.body());
      JsonNode errcode = answer.get("errcode");
      if (errcode != null && errcode.asInt() != 0) {
        throw new DeliveryException(
            "robot refused: errcode " + errcode.asInt() + " " + answer.path("errmsg").asString());
      }
    } catch (tools.jackson.core.JacksonException e) {
      // a 2xx answer that is not JSON: accepted
    }
  }

  private void webhook(Channel channel, Message message) throws DeliveryException {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("notificationId", message.id());
    payload.put("recipient", message.recipient());
    payload.put("title", message.title());
    payload.put("text", message.body() + linkLines(message, NotificationTexts::caseLinkLine));
    payload.put("caseIds", message.caseIds().stream().map(Object::toString).toList());
    payload.put("caseUrls", caseUrls(message));
    byte[] body = JSON.writeValueAsBytes(payload);
    Map<String, String> headers = new LinkedHashMap<>();
    if (channel.secret() != null && !channel.secret().isBlank()) {
      long timestamp = clock.millis() / 1000;
      headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
      headers.put(SIGNATURE_HEADER, Signatures.webhook(channel.secret(), timestamp, body));
    }
    post(channel.url(), body, headers, message);
  }

  private List<String> caseUrls(Message message) {
    return message.caseIds().stream().map(links::of).toList();
  }

  private HttpResponse<String> post(
      URI url, byte[] body, Map<String, String> headers, Message message) throws DeliveryException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header(DELIVERY_HEADER, Long.toString(message.id()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryException("HTTP " + response.statusCode());
      }
      return response;
    } catch (IOException e) {
      throw new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted", e);
    }
  }

  private void email(Channel channel, Message message) throws DeliveryException {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new DeliveryException("no SMTP server configured (spring.mail.host)");
    }
    SimpleMailMessage mailMessage = new SimpleMailMessage();
    mailMessage.setFrom(config.mailFrom());
    mailMessage.setTo(channel.address());
    mailMessage.setSubject(message.title());
    mailMessage.setText(message.body() + linkLines(message, NotificationTexts::caseLinkLine));
    try {
      sender.send(mailMessage);
    } catch (MailException e) {
      throw new DeliveryException("SMTP: " + e.getMessage(), e);
    }
  }
}
