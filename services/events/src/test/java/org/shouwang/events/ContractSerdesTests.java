package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ContractSerdesTests {

  @Test
  void topicsAreDeclaredOnceWithTheirContractNames() {
    assertThat(Topics.all())
        .extracting(Topic::name)
        .containsExactly("household.events", "subsidy.payments", "risk.alerts", "case.events");
    assertThat(Topics.HOUSEHOLD_EVENTS.deadLetterTopic()).isEqualTo("household.events.dlt");
  }

  @Test
  void deserializerRefusesAnInvalidEventWithEveryViolation() {
    byte[] bytes = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> Topics.HOUSEHOLD_EVENTS.valueSerde().deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .isInstanceOfSatisfying(
            ContractViolationException.class, e -> assertThat(e.violations()).hasSize(5))
        .hasMessageContaining("householdId: is required");
  }

  @Test
  void serdeRoundTripsAPayment() {
    SubsidyPayment payment =
        new ContractReader()
            .readSubsidyPayment(Samples.payment().getBytes(StandardCharsets.UTF_8))
            .orElseThrow();
    var serde = Topics.SUBSIDY_PAYMENTS.valueSerde();

    byte[] bytes = serde.serializer().serialize("t", payment);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(payment);
  }

  @Test
  void serdeRoundTripsACaseEvent() {
    CaseEvent event =
        new CaseEvent(
            "ce-1",
            "case-1",
            Samples.HOUSEHOLD,
            Audience.CADRE,
            CaseAction.ACKNOWLEDGED,
            CaseState.ACKNOWLEDGED,
            Severity.HIGH,
            "cadre-0001",
            java.time.OffsetDateTime.parse(Samples.NOW),
            "已电话联系户主",
            java.util.List.of("a-1"),
            "430421105",
            java.util.Map.of("channel", "INBOX"));
    var serde = Topics.CASE_EVENTS.valueSerde();

    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", event)))
        .isEqualTo(event);
  }

  @Test
  void nullStaysNull() {
    assertThat(Topics.RISK_ALERTS.valueSerde().serializer().serialize("t", null)).isNull();
    assertThat(Topics.RISK_ALERTS.valueSerde().deserializer().deserialize("t", null)).isNull();
  }
}
