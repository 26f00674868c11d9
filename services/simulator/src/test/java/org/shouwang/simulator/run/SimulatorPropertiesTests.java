package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Rule;
import org.shouwang.simulator.plan.SimulationConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SimulatorPropertiesTests {

  private static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T00:00:00+08:00");
  private static final OffsetDateTime END = START.plusYears(1);

  private static SimulatorProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("shouwang.simulator", SimulatorProperties.class);
  }

  @Test
  void defaultsAreThePlainApisDefaults() {
    SimulatorProperties properties = bind(Map.of());

    assertThat(properties.toConfig(START, END))
        .isEqualTo(SimulationConfig.defaults(430421, START, END));
    assertThat(properties.enabled()).isTrue();
    assertThat(properties.mode()).isEqualTo(SimulatorProperties.Mode.SERVICE);
    assertThat(properties.sink()).isEqualTo(SimulatorProperties.SinkKind.KAFKA);
  }

  @Test
  void ratesPerRuleAndExtraMonitoringLinesOverrideTheDefaults() {
    SimulatorProperties properties =
        bind(
            Map.of(
                "shouwang.simulator.rates.MEDICAL_BURDEN", "5",
                "shouwang.simulator.default-rate", "1",
                "shouwang.simulator.monitoring-lines.2027", "9700",
                "shouwang.simulator.county.households", "3000",
                "shouwang.simulator.sink", "ingest",
                "shouwang.simulator.after-catch-up", "real-time"));
    SimulationConfig config = properties.toConfig(START, END);

    assertThat(config.scenarioCount(Rule.MEDICAL_BURDEN)).isEqualTo(15);
    assertThat(config.scenarioCount(Rule.LOW_INCOME)).isEqualTo(3);
    assertThat(config.lines().of(2027)).isEqualByComparingTo(new BigDecimal("9700"));
    assertThat(config.lines().of(2025)).isEqualByComparingTo(new BigDecimal("8300"));
    assertThat(properties.sink()).isEqualTo(SimulatorProperties.SinkKind.INGEST);
    assertThat(properties.afterCatchUp()).isEqualTo(SimulatorProperties.AfterCatchUp.REAL_TIME);
  }

  @Test
  void anImpossibleCountyIsRefusedWithAClearMessage() {
    SimulatorProperties properties =
        bind(
            Map.of(
                "shouwang.simulator.county.townships", "30",
                "shouwang.simulator.county.villages", "10"));

    assertThatThrownBy(() -> properties.toConfig(START, END))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("villages");
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    assertThatThrownBy(() -> bind(Map.of()).toConfig(END, START))
        .hasMessageContaining("end must lie after its start");
  }
}
