package org.shouwang.alerting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shouwang.events.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.alerting}: the whole configuration of the alerting service, checked at startup.
 * Every default is in {@code alerting.properties} and nowhere else (the routing defaults name the
 * demo accounts, and a map's entries cannot be an annotation's default); the bare {@code
 * DefaultValue}s below only make an unset list or map empty. Durations are written {@code 30s},
 * {@code 500ms}, {@code 7d}.
 *
 * @param zone the time zone people read times in
 * @param consumer how alerts are consumed from {@code risk.alerts}
 * @param routing who receives what, and over which channels
 * @param notifications grouping, delivery and retries
 * @param escalation deadlines and escalation
 * @param metrics how often the gauges are recounted from the database
 * @param publishingInterval how often the case-event outbox is relayed to {@code case.events}
 * @param publishedRetention how long relayed case events stay in the outbox table
 */
@Validated
@ConfigurationProperties("shouwang.alerting")
public record AlertingProperties(
    @NotNull ZoneId zone,
    @NotNull @Valid Consumer consumer,
    @NotNull @Valid Routing routing,
    @NotNull @Valid Notifications notifications,
    @NotNull @Valid Escalation escalation,
    @NotNull @Valid Metrics metrics,
    @NotNull Duration publishingInterval,
    @NotNull Duration publishedRetention) {

  /**
   * The {@code risk.alerts} consumer.
   *
   * @param groupId consumer group, distinct from every other service's
   * @param concurrency listener threads (at most the partition count is useful)
   * @param retryInitialInterval first wait before a failed alert is retried
   * @param retryMaxAttempts retries before a failing alert goes to {@code risk.alerts.dlt}
   * @param autoStartup start consuming with the application
   */
  public record Consumer(
      @NotBlank String groupId,
      @Min(1) @Max(64) int concurrency,
      @NotNull Duration retryInitialInterval,
      @Min(0) @Max(20) int retryMaxAttempts,
      boolean autoStartup) {}

  /**
   * Routing: a CADRE alert goes to the household's cadre (the alert's {@code cadreId}), an AUDITOR
   * alert to the county audit office and never to the cadre; escalations go to the township's
   * supervisors, then to the county's.
   *
   * @param auditOffice recipients of AUDITOR alerts
   * @param countySupervisors second escalation level, and the first for a township without
   *     supervisors
   * @param townshipSupervisors first escalation level, by township code
   * @param recipients the channels of each recipient (a user name); one not listed still gets the
   *     inbox
   */
  public record Routing(
      @DefaultValue List<@NotBlank String> auditOffice,
      @DefaultValue List<@NotBlank String> countySupervisors,
      @DefaultValue Map<String, List<String>> townshipSupervisors,
      @DefaultValue Map<String, @Valid Recipient> recipients) {

    /** The supervisors of a township, empty when none is configured. */
    public List<String> supervisorsOf(String townshipCode) {
      return townshipCode == null
          ? List.of()
          : townshipSupervisors.getOrDefault(townshipCode, List.of());
    }

    /** The configured external channels of a recipient, in the order to try them. */
    public List<Channel> channelsOf(String recipient) {
      Recipient r = recipients.get(recipient);
      return r == null ? List.of() : r.channels();
    }
  }

  /**
   * A recipient's delivery channels, tried in order; the in-app inbox always gets the message and
   * is the last resort.
   *
   * @param channels external channels in order of preference
   */
  public record Recipient(@DefaultValue List<@Valid Channel> channels) {}

  /**
   * One delivery channel.
   *
   * @param type which kind
   * @param url webhook address (WECOM, DINGTALK, WEBHOOK)
   * @param secret signing secret (DINGTALK: the robot's "加签" secret; WEBHOOK: the HMAC key)
   * @param address e-mail address (EMAIL)
   */
  public record Channel(@NotNull ChannelType type, URI url, String secret, String address) {

    public Channel {
      if (type != null) {
        switch (type) {
          case WECOM, DINGTALK, WEBHOOK -> {
            if (url == null) {
              throw new IllegalArgumentException("a " + type + " channel needs a url");
            }
          }
          case EMAIL -> {
            if (address == null || address.isBlank()) {
              throw new IllegalArgumentException("an EMAIL channel needs an address");
            }
          }
        }
      }
    }

    /** Where this channel delivers, without secrets, for the attempt log. */
    public String target() {
      return type == ChannelType.EMAIL ? address : url.getHost() + url.getPath();
    }
  }

  /** The external channel kinds; the inbox is implicit. */
  public enum ChannelType {
    /** WeCom (企业微信) group robot webhook. */
    WECOM,
    /** DingTalk (钉钉) group robot webhook, signed. */
    DINGTALK,
    /** Any HTTP endpoint taking JSON, HMAC-SHA256 signed in a header. */
    WEBHOOK,
    /** E-mail over SMTP ({@code spring.mail.*}). */
    EMAIL
  }

  /**
   * Notifications.
   *
   * @param groupWindow alerts for one recipient within this window go out as one message
   * @param pollInterval how often the dispatcher looks for due notifications
   * @param batchSize notifications handled per dispatcher pass
   * @param maxAttempts attempts on one channel before falling back to the next
   * @param initialBackoff wait after the first failed attempt; doubles each time
   * @param maxBackoff longest wait between attempts
   * @param connectTimeout HTTP connect timeout of webhook channels
   * @param requestTimeout HTTP request timeout of webhook channels
   * @param mailFrom sender address of e-mails
   * @param deliveryThreads threads that deliver notifications, apart from the scheduler of
   *     escalation and the case-event relay: as many receivers may be slow at once before delivery
   *     waits (never escalation)
   */
  public record Notifications(
      @NotNull Duration groupWindow,
      @NotNull Duration pollInterval,
      @Min(1) @Max(1000) int batchSize,
      @Min(1) @Max(20) int maxAttempts,
      @NotNull Duration initialBackoff,
      @NotNull Duration maxBackoff,
      @NotNull Duration connectTimeout,
      @NotNull Duration requestTimeout,
      @NotBlank String mailFrom,
      @Min(1) @Max(64) int deliveryThreads) {

    /** The wait after the given number of failed attempts: exponential, capped. */
    public Duration backoffAfter(int failedAttempts) {
      Duration wait = initialBackoff;
      for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  /**
   * Deadlines and escalation. A case not acknowledged within its severity's deadline goes to the
   * township supervisors, and after the same time again to the county supervisors; an acknowledged
   * case with no measure within {@code measureDeadline} is flagged the same way.
   *
   * @param acknowledge acknowledgement deadline per severity, one for every severity (an override
   *     of one severity keeps the others: a map's entries merge across property sources)
   * @param measureDeadline from acknowledgement to the first assistance measure (DOMAIN.md: a
   *     month)
   * @param checkInterval how often overdue cases are looked for
   */
  public record Escalation(
      @DefaultValue Map<Severity, Duration> acknowledge,
      @NotNull Duration measureDeadline,
      @NotNull Duration checkInterval) {

    /** Every severity needs a positive deadline: a case without one would never escalate. */
    public Escalation {
      Map<Severity, Duration> checked = new EnumMap<>(Severity.class);
      for (Severity severity : Severity.values()) {
        Duration d = acknowledge == null ? null : acknowledge.get(severity);
        if (d == null || d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException(
              "shouwang.alerting.escalation.acknowledge." + severity + " must be positive");
        }
        checked.put(severity, d);
      }
      acknowledge = Map.copyOf(checked);
    }

    /** The acknowledgement deadline of a severity. */
    public Duration acknowledgeWithin(Severity severity) {
      return acknowledge.get(severity);
    }
  }

  /**
   * Metrics.
   *
   * @param refreshInterval how often the case gauges are recounted (a cheap grouped count)
   */
  public record Metrics(@NotNull Duration refreshInterval) {}
}
