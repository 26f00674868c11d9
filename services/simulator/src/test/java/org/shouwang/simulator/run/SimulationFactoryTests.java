package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.simulator.plan.SimulationConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SimulationFactoryTests {

  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  private static SimulationFactory factory(Map<String, String> values) {
    SimulatorProperties properties =
        new Binder(new MapConfigurationPropertySource(values))
            .bindOrCreate("shouwang.simulator", SimulatorProperties.class);
    return new SimulationFactory(properties, Map::of, null, Fixtures.metrics());
  }

  @Test
  void simulatesTheYearUpToNowByDefaultSoNothingLiesInTheFuture() {
    SimulationConfig config = factory(Map.of()).config(NOW);

    assertThat(config.end().toInstant()).isEqualTo(NOW);
    assertThat(config.start()).isEqualTo(config.end().minusYears(1));
    assertThat(config.start().getOffset()).isEqualTo(SimulationConfig.CHINA);
  }

  @Test
  void continuingInRealTimePlansAHorizonPastNow() {
    SimulationConfig config =
        factory(
                Map.of(
                    "shouwang.simulator.after-catch-up", "real-time",
                    "shouwang.simulator.real-time-horizon", "30d"))
            .config(NOW);

    assertThat(config.end().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
  }

  @Test
  void aConfiguredStartAndEndWin() {
    SimulationConfig config =
        factory(
                Map.of(
                    "shouwang.simulator.start", "2024-01-01T00:00:00+08:00",
                    "shouwang.simulator.end", "2024-07-01T00:00:00+08:00"))
            .config(NOW);

    assertThat(config.start().toString()).isEqualTo("2024-01-01T00:00+08:00");
    assertThat(config.end().toString()).isEqualTo("2024-07-01T00:00+08:00");
  }
}
