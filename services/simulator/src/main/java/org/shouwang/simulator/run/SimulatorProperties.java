package org.shouwang.simulator.run;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.shouwang.events.Rule;
import org.shouwang.events.RuleThresholds;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.county.Standards;
import org.shouwang.simulator.plan.MonitoringLines;
import org.shouwang.simulator.plan.SimulationConfig;
import org.shouwang.simulator.plan.Thresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.simulator}: what to simulate and how to stream it. Defaults match {@link
 * SimulationConfig#defaults} (a test keeps them equal).
 *
 * @param enabled run the simulation when the service starts
 * @param mode {@code service} streams on the simulated clock; {@code command} writes everything as
 *     fast as possible and exits
 * @param seed the random seed; the same seed and settings give the same records and ids
 * @param start simulated start; default one year before now
 * @param end simulated end; default now (or now plus {@code realTimeHorizon} when continuing)
 * @param speed simulated seconds per real second (1 = real time, 525600 = a year per minute)
 * @param afterCatchUp {@code stop} when the clock reaches the end, or {@code real-time}: once the
 *     clock reaches now, continue at the wall clock's pace until the end
 * @param realTimeHorizon how far past now the plan reaches when continuing in real time
 * @param tick how often the clock releases due records
 * @param progressInterval how often a long run logs its progress
 * @param sink where records go
 * @param ingest ingest's HTTP API, for the {@code ingest} sink
 * @param groundTruthPath the JSON-lines file the labels are written to
 * @param progressPath where a service run keeps its place, so that a restart resumes rather than
 *     streaming the year again; none by default
 * @param county the county's shape
 * @param standards payment standards
 * @param thresholds rule thresholds background life stays below
 * @param monitoringLines monitoring line per year; merged over the default table
 * @param defaultRate scenarios per 1,000 households for every rule not named in {@code rates}
 * @param rates scenarios per 1,000 households by rule
 */
@Validated
@ConfigurationProperties("shouwang.simulator")
public record SimulatorProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("service") @NotNull Mode mode,
    @DefaultValue("430421") long seed,
    OffsetDateTime start,
    OffsetDateTime end,
    @DefaultValue("52560") @DecimalMin("0.001") double speed,
    @DefaultValue("stop") @NotNull AfterCatchUp afterCatchUp,
    @DefaultValue("365d") @NotNull Duration realTimeHorizon,
    @DefaultValue("200ms") @NotNull Duration tick,
    @DefaultValue("10s") @NotNull Duration progressInterval,
    @DefaultValue("kafka") @NotNull SinkKind sink,
    @DefaultValue @Valid Ingest ingest,
    @DefaultValue("data/simulator/ground-truth.jsonl") @NotNull Path groundTruthPath,
    Path progressPath,
    @DefaultValue @Valid County county,
    @DefaultValue @Valid Policy standards,
    @DefaultValue @Valid Limits thresholds,
    Map<Integer, BigDecimal> monitoringLines,
    @DefaultValue("2.0") @DecimalMin("0") @DecimalMax("100") double defaultRate,
    Map<Rule, Double> rates) {

  /** How the simulator runs. */
  public enum Mode {
    SERVICE,
    COMMAND
  }

  /** What happens once the simulated clock catches up with now. */
  public enum AfterCatchUp {
    STOP,
    REAL_TIME
  }

  /** Where records go. */
  public enum SinkKind {
    KAFKA,
    INGEST
  }

  /**
   * Ingest's HTTP API.
   *
   * @param baseUrl where ingest listens
   * @param username an account with role INGEST
   * @param password its password
   * @param batchSize records per request (ingest takes up to 10,000)
   * @param timeout per request
   */
  public record Ingest(
      @DefaultValue("http://localhost:8081") @NotNull URI baseUrl,
      @DefaultValue("ingest") @NotBlank String username,
      @DefaultValue("shouwang") @NotBlank String password,
      @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
      @DefaultValue("30s") @NotNull Duration timeout) {}

  /**
   * The county's shape; see {@link CountyShape}. Defaults are the seed county's: 240,000
   * households, 6 % formerly poor, 40 % of formerly poor people on 低保 or 特困.
   */
  public record County(
      @DefaultValue("240000") @Min(1) @Max(9_899_901) int households,
      @DefaultValue("25") @Min(1) @Max(99) int townships,
      @DefaultValue("491") @Min(1) int villages,
      @DefaultValue("0.06") @DecimalMin("0") @DecimalMax("1") double formerlyPoorShare,
      @DefaultValue("0.02") @DecimalMin("0") @DecimalMax("1") double monitoredShare,
      @DefaultValue("1.75") @DecimalMin("1") @DecimalMax("10") double householdsPerCadre,
      @DefaultValue("0.015") @DecimalMin("0") @DecimalMax("1") double minimumLivingAllowanceShare,
      @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double extremePovertyShare,
      @DefaultValue("0.03") @DecimalMin("0") @DecimalMax("1") double disabilityShare,
      @DefaultValue("0.04") @DecimalMin("0") @DecimalMax("1") double publicWelfareJobShare,
      @DefaultValue("0.40") @DecimalMin("0") @DecimalMax("1") double formerlyPoorWelfareCoverage,
      @DefaultValue("60") @DecimalMin("1") @DecimalMax("1000") double householdsPerVillageCadre) {

    CountyShape toShape() {
      return new CountyShape(
          households,
          townships,
          villages,
          formerlyPoorShare,
          monitoredShare,
          householdsPerCadre,
          minimumLivingAllowanceShare,
          extremePovertyShare,
          disabilityShare,
          publicWelfareJobShare,
          formerlyPoorWelfareCoverage,
          householdsPerVillageCadre);
    }
  }

  /**
   * Payment standards in yuan; see {@link Standards}. The three welfare standards are tables by
   * year, merged over the default tables (2021–2026): e.g. {@code
   * minimum-living-allowance-monthly.2027=530}.
   *
   * @param minimumLivingAllowanceMonthly 低保 a person a month, by year
   * @param extremePovertyDispersedYearly 特困 dispersed a person a year, by year
   * @param extremePovertyCentralisedYearly 特困 centralised a person a year, by year
   * @param disabilityLivingMonthly 困难残疾人生活补贴 a month
   * @param disabilityCareMonthly 重度残疾人护理补贴 a month
   * @param publicWelfareJobMinMonthly public-welfare job pay, lowest
   * @param publicWelfareJobMaxMonthly public-welfare job pay, highest
   */
  public record Policy(
      Map<Integer, @DecimalMin("0.01") BigDecimal> minimumLivingAllowanceMonthly,
      Map<Integer, @DecimalMin("0.01") BigDecimal> extremePovertyDispersedYearly,
      Map<Integer, @DecimalMin("0.01") BigDecimal> extremePovertyCentralisedYearly,
      @DefaultValue("80") @NotNull @DecimalMin("0.01") BigDecimal disabilityLivingMonthly,
      @DefaultValue("100") @NotNull @DecimalMin("0.01") BigDecimal disabilityCareMonthly,
      @DefaultValue("600") @NotNull @DecimalMin("0.01") BigDecimal publicWelfareJobMinMonthly,
      @DefaultValue("1000") @NotNull @DecimalMin("0.01") BigDecimal publicWelfareJobMaxMonthly) {

    Standards toStandards() {
      return new Standards(
          Standards.defaultMinimumLivingAllowance().merge(minimumLivingAllowanceMonthly),
          Standards.defaultExtremePovertyDispersed().merge(extremePovertyDispersedYearly),
          Standards.defaultExtremePovertyCentralised().merge(extremePovertyCentralisedYearly),
          disabilityLivingMonthly,
          disabilityCareMonthly,
          publicWelfareJobMinMonthly,
          publicWelfareJobMaxMonthly);
    }
  }

  /** Rule thresholds; see {@link Thresholds}. */
  public record Limits(
      @DefaultValue(RuleThresholds.MEDICAL_FORMERLY_POOR) @NotNull BigDecimal medicalFormerlyPoor,
      @DefaultValue(RuleThresholds.MEDICAL_OTHERS) @NotNull BigDecimal medicalOthers,
      @DefaultValue(RuleThresholds.MEDICAL_INCOME_SHARE) double medicalIncomeShare,
      @DefaultValue(RuleThresholds.SCHOOLING_PER_YEAR) @NotNull BigDecimal schoolingPerYear,
      @DefaultValue(RuleThresholds.WATER_INTERRUPTION_DAYS) int waterInterruptionDays,
      @DefaultValue(RuleThresholds.INCOME_DROP_SHARE) double incomeDropShare,
      @DefaultValue(RuleThresholds.PAYMENT_GRACE_DAYS) int paymentGraceDays,
      @DefaultValue(RuleThresholds.MEASURE_DAYS) int measureDays,
      @DefaultValue(RuleThresholds.ELIMINATION_MONTHS) int eliminationMonths,
      @DefaultValue(Thresholds.BENIGN_INCOME_FACTOR) double benignIncomeFactor) {

    Thresholds toThresholds() {
      return new Thresholds(
          medicalFormerlyPoor,
          medicalOthers,
          medicalIncomeShare,
          schoolingPerYear,
          waterInterruptionDays,
          incomeDropShare,
          paymentGraceDays,
          measureDays,
          eliminationMonths,
          benignIncomeFactor);
    }
  }

  /** The pure configuration of a simulation over [start, end). */
  public SimulationConfig toConfig(OffsetDateTime from, OffsetDateTime to) {
    Map<Integer, BigDecimal> lines = new TreeMap<>(MonitoringLines.defaults().lines());
    if (monitoringLines != null) {
      lines.putAll(monitoringLines);
    }
    Map<Rule, Double> scenarioRates = new EnumMap<>(Rule.class);
    for (Rule rule : Rule.values()) {
      // a rule without a rate of its own follows DOMAIN.md's risk mix (illness about half)
      double mixed = defaultRate * SimulationConfig.RISK_MIX_WEIGHTS.getOrDefault(rule, 1.0);
      scenarioRates.put(rule, rates == null ? mixed : rates.getOrDefault(rule, mixed));
    }
    return new SimulationConfig(
        seed,
        from,
        to,
        county.toShape(),
        standards.toStandards(),
        new MonitoringLines(lines),
        thresholds.toThresholds(),
        scenarioRates);
  }
}
