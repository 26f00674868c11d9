package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Severity;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

class AlertingPropertiesTests {

  private final AlertingProperties.Notifications notifications =
      new AlertingProperties.Notifications(
          Duration.ofSeconds(60),
          Duration.ofSeconds(1),
          20,
          3,
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          Duration.ofSeconds(3),
          Duration.ofSeconds(10),
          "shouwang@localhost",
          2);

  @Test
  void backsOffExponentiallyUpToTheCap() {
    assertThat(notifications.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(notifications.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(notifications.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(notifications.backoffAfter(10)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void bindsEveryDefaultFromAlertingProperties() throws Exception {
    AlertingProperties properties = bind(Map.of());

    assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(properties.publishingInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(properties.publishedRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(properties.consumer().groupId()).isEqualTo("shouwang-alerting");
    assertThat(properties.consumer().retryMaxAttempts()).isEqualTo(4);
    assertThat(properties.consumer().autoStartup()).isTrue();
    assertThat(properties.routing().auditOffice()).containsExactly("auditor");
    assertThat(properties.routing().countySupervisors()).containsExactly("supervisor");
    assertThat(properties.routing().supervisorsOf("430421101")).containsExactly("supervisor-101");
    assertThat(properties.routing().channelsOf("cadre-0001")).isEmpty();
    assertThat(properties.notifications().groupWindow()).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.notifications().maxBackoff()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.notifications().mailFrom()).isEqualTo("shouwang@localhost");
    assertThat(properties.notifications().deliveryThreads()).isEqualTo(2);
    assertThat(properties.escalation().measureDeadline()).isEqualTo(Duration.ofDays(30));
    assertThat(properties.metrics().refreshInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void defaultsTheAcknowledgementDeadlinesToThePolicyAndKeepsThemWhenOneIsOverridden()
      throws Exception {
    AlertingProperties.Escalation escalation =
        bind(Map.of("shouwang.alerting.escalation.acknowledge.HIGH", "48h")).escalation();

    assertThat(escalation.acknowledgeWithin(Severity.CRITICAL)).isEqualTo(Duration.ofHours(24));
    assertThat(escalation.acknowledgeWithin(Severity.HIGH)).isEqualTo(Duration.ofHours(48));
    assertThat(escalation.acknowledgeWithin(Severity.MEDIUM)).isEqualTo(Duration.ofDays(7));
    assertThat(escalation.acknowledgeWithin(Severity.LOW)).isEqualTo(Duration.ofDays(15));
  }

  @Test
  void refusesAnEscalationWithoutADeadlineForEverySeverity() {
    assertThatThrownBy(
            () ->
                new AlertingProperties.Escalation(
                    Map.of(Severity.HIGH, Duration.ofHours(48)),
                    Duration.ofDays(30),
                    Duration.ofSeconds(30)))
        .hasMessageMatching(".*acknowledge\\.(CRITICAL|MEDIUM|LOW) must be positive");
  }

  /** Binds the module's defaults file under the given overrides, as the application does. */
  private static AlertingProperties bind(Map<String, Object> overrides) throws Exception {
    // the module's file over the platform's defaults (shouwang.zone), placeholders resolved
    List<org.springframework.core.env.PropertySource<?>> sources =
        List.of(
            new MapPropertySource("overrides", overrides),
            new ResourcePropertySource(new ClassPathResource("alerting.properties")),
            new ResourcePropertySource(
                new ClassPathResource("shouwang-platform-defaults.properties")));
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new org.springframework.boot.context.properties.bind
                .PropertySourcesPlaceholdersResolver(sources));
    return binder.bind("shouwang.alerting", AlertingProperties.class).get();
  }

  @Test
  void refusesAWebhookChannelWithoutAUrl() {
    assertThatThrownBy(
            () ->
                new AlertingProperties.Channel(
                    AlertingProperties.ChannelType.DINGTALK, null, "secret", null))
        .hasMessageContaining("DINGTALK channel needs a url");
  }

  @Test
  void refusesAnEmailChannelWithoutAnAddress() {
    assertThatThrownBy(
            () ->
                new AlertingProperties.Channel(
                    AlertingProperties.ChannelType.EMAIL, URI.create("http://x"), null, " "))
        .hasMessageContaining("EMAIL channel needs an address");
  }
}
