package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.shouwang.events.Rule;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.county.Standards;

/**
 * Everything a simulation is a function of.
 *
 * @param seed the random seed: the same seed and config give the same records
 * @param start the simulated start (inclusive)
 * @param end the simulated end (exclusive); no record lies at or after it
 * @param county the county's shape
 * @param standards payment standards
 * @param lines the monitoring line per year
 * @param thresholds rule thresholds
 * @param scenarioRates labelled scenarios per 1,000 households for each rule (at least one when the
 *     rate is above zero)
 */
public record SimulationConfig(
    long seed,
    OffsetDateTime start,
    OffsetDateTime end,
    CountyShape county,
    Standards standards,
    MonitoringLines lines,
    Thresholds thresholds,
    Map<Rule, Double> scenarioRates) {

  /** Local time of Hengyang: every simulated time carries this offset. */
  public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  /** The default rate: 2 scenarios per 1,000 households for each rule (30 each at 15,000). */
  public static final double DEFAULT_RATE = 2.0;

  /**
   * DOMAIN.md's risk mix: illness (因病) is ≈ 48 % of monitored households' risks. With every other
   * risk-signal rule at the base rate, {@code MEDICAL_BURDEN} at 8 × it makes the illness rules
   * ({@code MEDICAL_BURDEN}, {@code UNINSURED}) 9 of 19 risk-signal scenarios (47 %); a rule not
   * named keeps weight 1. Applied by {@link #withRiskMix()}.
   */
  public static final Map<Rule, Double> RISK_MIX_WEIGHTS = Map.of(Rule.MEDICAL_BURDEN, 8.0);

  public SimulationConfig {
    if (start == null || end == null || !end.isAfter(start)) {
      throw new IllegalArgumentException("the simulated end must lie after its start");
    }
    if (county == null || standards == null || lines == null || thresholds == null) {
      throw new IllegalArgumentException("county, standards, lines and thresholds are required");
    }
    start = start.withOffsetSameInstant(CHINA);
    end = end.withOffsetSameInstant(CHINA);
    Map<Rule, Double> rates = new EnumMap<>(Rule.class);
    for (Rule rule : Rule.values()) {
      double rate = scenarioRates == null ? DEFAULT_RATE : scenarioRates.getOrDefault(rule, 0.0);
      if (rate < 0 || rate > 100) {
        throw new IllegalArgumentException("the scenario rate of " + rule + " must be 0–100");
      }
      rates.put(rule, rate);
    }
    scenarioRates = Map.copyOf(rates);
  }

  /**
   * The defaults for a seed over [start, end): the seed's county, every rule at the default rate.
   */
  public static SimulationConfig defaults(long seed, OffsetDateTime start, OffsetDateTime end) {
    return new SimulationConfig(
        seed,
        start,
        end,
        CountyShape.defaults(),
        Standards.defaults(),
        MonitoringLines.defaults(),
        Thresholds.defaults(),
        null);
  }

  public SimulationConfig withSeed(long other) {
    return new SimulationConfig(
        other, start, end, county, standards, lines, thresholds, scenarioRates);
  }

  public SimulationConfig withCounty(CountyShape other) {
    return new SimulationConfig(
        seed, start, end, other, standards, lines, thresholds, scenarioRates);
  }

  public SimulationConfig withScenarioRates(Map<Rule, Double> other) {
    return new SimulationConfig(seed, start, end, county, standards, lines, thresholds, other);
  }

  /**
   * The same config with every rule's rate multiplied by its {@link #RISK_MIX_WEIGHTS} weight, so
   * that the risk scenarios follow DOMAIN.md's mix (illness about half).
   */
  public SimulationConfig withRiskMix() {
    Map<Rule, Double> weighted = new EnumMap<>(Rule.class);
    scenarioRates.forEach(
        (rule, rate) -> weighted.put(rule, rate * RISK_MIX_WEIGHTS.getOrDefault(rule, 1.0)));
    return withScenarioRates(weighted);
  }

  /** How many scenarios of a rule the county gets. */
  public int scenarioCount(Rule rule) {
    double rate = scenarioRates.getOrDefault(rule, 0.0);
    if (rate <= 0) {
      return 0;
    }
    return Math.max(1, (int) Math.round(rate * county.households() / 1000.0));
  }
}
