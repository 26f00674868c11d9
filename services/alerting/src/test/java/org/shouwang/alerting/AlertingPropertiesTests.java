package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Severity;

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
          "shouwang@localhost");

  @Test
  void backsOffExponentiallyUpToTheCap() {
    assertThat(notifications.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(notifications.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(notifications.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(notifications.backoffAfter(10)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void defaultsTheAcknowledgementDeadlinesToThePolicy() {
    AlertingProperties.Escalation escalation =
        new AlertingProperties.Escalation(
            Map.of(Severity.HIGH, Duration.ofHours(48)),
            Duration.ofDays(30),
            Duration.ofSeconds(30));

    assertThat(escalation.acknowledgeWithin(Severity.CRITICAL)).isEqualTo(Duration.ofHours(24));
    assertThat(escalation.acknowledgeWithin(Severity.HIGH)).isEqualTo(Duration.ofHours(48));
    assertThat(escalation.acknowledgeWithin(Severity.MEDIUM)).isEqualTo(Duration.ofDays(7));
    assertThat(escalation.acknowledgeWithin(Severity.LOW)).isEqualTo(Duration.ofDays(15));
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
