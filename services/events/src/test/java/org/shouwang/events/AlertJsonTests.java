package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertJsonTests {

  private static final List<OffsetDateTime> TIMES =
      List.of(
          OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8)),
          OffsetDateTime.of(2026, 3, 2, 9, 30, 5, 120_000_000, ZoneOffset.UTC),
          OffsetDateTime.of(
              2026, 12, 31, 23, 59, 59, 123_456_789, ZoneOffset.ofHoursMinutes(-3, -30)),
          OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 1_000, ZoneOffset.ofHoursMinutes(5, 45)));

  private static final List<String> MESSAGES =
      List.of(
          "张三家 2026 年人均纯收入 7,450.00 元，低于监测线 7,600 元",
          "quotes \" and \\ backslash, tab\t, newline\n, nul\u0000 and bell\u0007",
          "emoji 🚨 and </script> & <b>",
          "");

  @Test
  void writesEveryAlertByteForByteAsTheMapperDoes() {
    int compared = 0;
    for (Rule rule : Rule.values()) {
      for (int i = 0; i < TIMES.size(); i++) {
        for (String message : MESSAGES) {
          Alert alert = alert(rule, i, message);
          assertThat(new String(AlertJson.write(alert), StandardCharsets.UTF_8))
              .as("%s, time %d", rule, i)
              .isEqualTo(mapper(alert));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(Rule.values().length * TIMES.size() * MESSAGES.size());
  }

  @Test
  void theContractSerdesWritesAlertsThisWayAndReadsThemBack() {
    Alert alert = alert(Rule.PAYMENT_MISSED, 2, MESSAGES.get(0));
    byte[] bytes = ContractSerdes.alert().serializer().serialize("risk.alerts", alert);
    assertThat(bytes).isEqualTo(AlertJson.write(alert));
    assertThat(ContractSerdes.toJson(alert)).isEqualTo(bytes);
    assertThat(ContractSerdes.alert().deserializer().deserialize("risk.alerts", bytes))
        .isEqualTo(alert);
  }

  /** Alerts that vary in every optional part: location fields, evidence, severity. */
  private static Alert alert(Rule rule, int variant, String message) {
    List<String> evidence = new ArrayList<>();
    for (int i = 0; i < variant; i++) {
      evidence.add("event-" + variant + "-" + i);
    }
    boolean located = variant % 2 == 0;
    return new Alert(
        "alert-" + rule + "-" + variant,
        "household-" + variant,
        rule,
        variant + 1,
        variant == 3 ? RiskType.values()[0] : null,
        Severity.values()[variant % Severity.values().length],
        variant == 1 ? rule.audience() : null,
        TIMES.get(variant),
        evidence,
        message,
        located ? "430421105" : null,
        variant == 3 ? null : "430421105201",
        located ? "cadre-0001" : null);
  }

  private static String mapper(Alert alert) {
    return ContractJson.mapper().writeValueAsString(alert);
  }
}
