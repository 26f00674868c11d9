package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Rule;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.county.Standards;
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
        .isEqualTo(SimulationConfig.defaults(430421, START, END).withRiskMix());
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
    // without a rate of its own, illness follows the risk mix: 8 × the default rate
    SimulationConfig mixed =
        bind(Map.of("shouwang.simulator.county.households", "3000")).toConfig(START, END);
    assertThat(mixed.scenarioCount(Rule.MEDICAL_BURDEN))
        .isEqualTo(8 * mixed.scenarioCount(Rule.LOW_INCOME));
    assertThat(config.lines().of(2027)).isEqualByComparingTo(new BigDecimal("9700"));
    assertThat(config.lines().of(2025)).isEqualByComparingTo(new BigDecimal("8300"));
    assertThat(properties.sink()).isEqualTo(SimulatorProperties.SinkKind.INGEST);
    assertThat(properties.afterCatchUp()).isEqualTo(SimulatorProperties.AfterCatchUp.REAL_TIME);
  }

  @Test
  void theDefaultCountyIsTheSeedsAndASmallOneIsOneSettingAway() {
    SimulationConfig defaults = bind(Map.of()).toConfig(START, END);
    assertThat(defaults.county().households()).isEqualTo(240_000);
    assertThat(defaults.county().formerlyPoorShare()).isEqualTo(0.06);
    assertThat(defaults.county().formerlyPoorWelfareCoverage()).isEqualTo(0.40);

    SimulationConfig small =
        bind(Map.of("shouwang.simulator.county.households", "2000")).toConfig(START, END);
    assertThat(small.county()).isEqualTo(CountyShape.defaults().withHouseholds(2_000));
  }

  @Test
  void countySharesAndCadresBind() {
    CountyShape shape =
        bind(Map.of(
                "shouwang.simulator.county.formerly-poor-share", "0.1",
                "shouwang.simulator.county.formerly-poor-welfare-coverage", "0.3",
                "shouwang.simulator.county.minimum-living-allowance-share", "0.02",
                "shouwang.simulator.county.households-per-village-cadre", "80",
                "shouwang.simulator.county.monitored-share", "0.03"))
            .toConfig(START, END)
            .county();
    assertThat(shape.formerlyPoorShare()).isEqualTo(0.1);
    assertThat(shape.formerlyPoorWelfareCoverage()).isEqualTo(0.3);
    assertThat(shape.minimumLivingAllowanceShare()).isEqualTo(0.02);
    assertThat(shape.householdsPerVillageCadre()).isEqualTo(80);
    assertThat(shape.monitoredShare()).isEqualTo(0.03);
  }

  @Test
  void welfareStandardsByYearMergeOverTheDefaultTables() {
    Standards standards =
        bind(Map.of(
                "shouwang.simulator.standards.minimum-living-allowance-monthly.2025", "500",
                "shouwang.simulator.standards.minimum-living-allowance-monthly.2027", "540",
                "shouwang.simulator.standards.extreme-poverty-dispersed-yearly.2027", "8424",
                "shouwang.simulator.standards.extreme-poverty-centralised-yearly.2027", "12870"))
            .toConfig(START, END)
            .standards();
    assertThat(standards.minimumLivingAllowancePerPersonMonth(2025))
        .isEqualByComparingTo(new BigDecimal("500"));
    assertThat(standards.minimumLivingAllowancePerPersonMonth(2024))
        .isEqualByComparingTo(new BigDecimal("460"));
    assertThat(standards.minimumLivingAllowancePerPersonMonth(2027))
        .isEqualByComparingTo(new BigDecimal("540"));
    assertThat(standards.extremePovertyDispersedPerYear(2027))
        .isEqualByComparingTo(new BigDecimal("8424"));
    assertThat(standards.extremePovertyCentralisedPerYear(2027))
        .isEqualByComparingTo(new BigDecimal("12870"));
    assertThat(standards.extremePovertyDispersedPerYear(2026))
        .isEqualByComparingTo(new BigDecimal("7956"));
  }

  @Test
  void aStandardOfZeroIsRefusedNamingItsYear() {
    SimulatorProperties properties =
        bind(Map.of("shouwang.simulator.standards.minimum-living-allowance-monthly.2026", "0"));
    assertThatThrownBy(() -> properties.toConfig(START, END))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026");
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
