package org.shouwang.riskengine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.shouwang.events.RuleThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.risk-engine}: how the engine runs and every rule threshold. Each default is the
 * {@code @DefaultValue} here and nowhere else ({@link #defaults()} binds them); the contract's
 * thresholds, shared with the simulator, come from {@link RuleThresholds}. A deployment overrides
 * them per county (and the monitoring line per year). Durations are written {@code 100ms}, {@code
 * 30s}, {@code 5m}, {@code 30d}.
 *
 * @param applicationId Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir directory of the RocksDB stores; empty: {@code
 *     <java.io.tmpdir>/shouwang-risk-engine}
 * @param instanceId static group membership id of this instance; empty: dynamic membership
 * @param streamThreads stream threads of this instance
 * @param standbyReplicas warm copies of each task's state kept on other instances ({@code
 *     num.standby.replicas}), so a failed instance's households move without a changelog replay
 * @param commitInterval how often a transaction commits (exactly-once: the latency floor)
 * @param autoStartup start the engine with the application context
 * @param cachedHouseholdsPerTask decoded household states each stream task keeps in memory in front
 *     of its RocksDB store (least recently used go first); 0 reads every record's state from the
 *     store
 * @param storeCache write-back of household states: a changed state is held decoded and written to
 *     RocksDB and the changelog once, at the next commit (the throughput setting). Off: each state
 *     is written as it is computed, and a commit has less to send (the latency setting, with a
 *     short commit interval). Needs {@code cachedHouseholdsPerTask > 0}. Kafka Streams' own record
 *     cache is never used for the household store
 * @param clock the engine's clock for absence rules
 * @param rules rule thresholds
 */
@Validated
@ConfigurationProperties("shouwang.risk-engine")
public record RiskEngineProperties(
    @DefaultValue("shouwang-risk-engine") @NotBlank String applicationId,
    @DefaultValue("") String stateDir,
    @DefaultValue("") String instanceId,
    @DefaultValue("1") @Min(1) @Max(64) int streamThreads,
    @DefaultValue("0") @Min(0) @Max(8) int standbyReplicas,
    @DefaultValue("100ms") @NotNull Duration commitInterval,
    @DefaultValue("true") boolean autoStartup,
    @DefaultValue("10000") @Min(0) @Max(10_000_000) int cachedHouseholdsPerTask,
    @DefaultValue("true") boolean storeCache,
    @DefaultValue @Valid @NotNull EngineClock clock,
    @DefaultValue @Valid @NotNull Rules rules) {

  // bound from no properties at all: every default as its @DefaultValue says, nowhere else
  private static final RiskEngineProperties DEFAULTS =
      new Binder().bindOrCreate("shouwang.risk-engine", RiskEngineProperties.class);

  /** The defaults, for tests and the benchmark: what binding no property at all yields. */
  public static RiskEngineProperties defaults() {
    return DEFAULTS;
  }

  /** This configuration with another number of decoded states cached per task. */
  public RiskEngineProperties withCachedHouseholdsPerTask(int households) {
    return new RiskEngineProperties(
        applicationId,
        stateDir,
        instanceId,
        streamThreads,
        standbyReplicas,
        commitInterval,
        autoStartup,
        households,
        storeCache,
        clock,
        rules);
  }

  /** This configuration with write-back of household states on or off. */
  public RiskEngineProperties withStoreCache(boolean cache) {
    return new RiskEngineProperties(
        applicationId,
        stateDir,
        instanceId,
        streamThreads,
        standbyReplicas,
        commitInterval,
        autoStartup,
        cachedHouseholdsPerTask,
        cache,
        clock,
        rules);
  }

  /** This configuration with other rules. */
  public RiskEngineProperties withRules(Rules newRules) {
    return new RiskEngineProperties(
        applicationId,
        stateDir,
        instanceId,
        streamThreads,
        standbyReplicas,
        commitInterval,
        autoStartup,
        cachedHouseholdsPerTask,
        storeCache,
        clock,
        newRules);
  }

  /**
   * The engine's clock: event time (the latest {@code occurredAt}/{@code paidAt} seen by a task),
   * with a wall-clock fallback for partitions that receive nothing.
   *
   * @param zone time zone of calendar rules (months, school years, grace days)
   * @param wallClockFallback advance a quiet task's clock to the wall clock
   * @param quietPeriod how long a task must receive nothing before the wall clock takes over
   * @param wallClockInterval how often the wall-clock punctuator runs
   */
  public record EngineClock(
      @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
      @DefaultValue("true") boolean wallClockFallback,
      @DefaultValue("5m") @NotNull Duration quietPeriod,
      @DefaultValue("30s") @NotNull Duration wallClockInterval) {}

  /**
   * Rule thresholds, one nested record per rule family.
   *
   * @param monitoringLine per-capita yearly income line per assessment year (yuan); a year not
   *     listed uses the latest earlier year, or the earliest year listed
   * @param income income rules
   * @param medical medical burden
   * @param schooling schooling burden and dropout
   * @param water drinking water
   * @param incident disaster and business failure
   * @param labour labour loss
   * @param loan overdue microcredit
   * @param payment payment rules
   * @param monitoring monitoring rules (no measure, premature elimination, relapse)
   * @param identification identification (识别纳入) and its procedure: the 15-day clock, publicity, the
   *     visit after a self-declaration
   * @param idempotencyWindow how many recent event and payment ids each household remembers
   */
  public record Rules(
      Map<Integer, BigDecimal> monitoringLine,
      @DefaultValue @Valid @NotNull Income income,
      @DefaultValue @Valid @NotNull Medical medical,
      @DefaultValue @Valid @NotNull Schooling schooling,
      @DefaultValue @Valid @NotNull Water water,
      @DefaultValue @Valid @NotNull Incident incident,
      @DefaultValue @Valid @NotNull Labour labour,
      @DefaultValue @Valid @NotNull Loan loan,
      @DefaultValue @Valid @NotNull Payment payment,
      @DefaultValue @Valid @NotNull Monitoring monitoring,
      @DefaultValue @Valid @NotNull Identification identification,
      @DefaultValue("16") @Min(1) @Max(256) int idempotencyWindow) {

    /** The contract's default monitoring lines (yuan per person per year). */
    public static final Map<Integer, BigDecimal> DEFAULT_MONITORING_LINE =
        RuleThresholds.MONITORING_LINES;

    public Rules {
      // a deployment's years replace the defaults of the same years and keep the others
      Map<Integer, BigDecimal> lines = new TreeMap<>(DEFAULT_MONITORING_LINE);
      if (monitoringLine != null) {
        lines.putAll(monitoringLine);
      }
      monitoringLine = java.util.Collections.unmodifiableMap(lines);
      for (Map.Entry<Integer, BigDecimal> line : monitoringLine.entrySet()) {
        if (line.getKey() == null || line.getKey() < 2000 || line.getKey() > 2200) {
          throw new IllegalArgumentException(
              "shouwang.risk-engine.rules.monitoring-line: year "
                  + line.getKey()
                  + " is not valid");
        }
        if (line.getValue() == null || line.getValue().signum() <= 0) {
          throw new IllegalArgumentException(
              "shouwang.risk-engine.rules.monitoring-line["
                  + line.getKey()
                  + "] must be a positive amount, not "
                  + line.getValue());
        }
      }
    }

    public static Rules defaults() {
      return RiskEngineProperties.defaults().rules();
    }

    /** The monitoring line of an assessment year. */
    public BigDecimal monitoringLineFor(int year) {
      NavigableMap<Integer, BigDecimal> table = new TreeMap<>(monitoringLine);
      Map.Entry<Integer, BigDecimal> line = table.floorEntry(year);
      return line != null ? line.getValue() : table.firstEntry().getValue();
    }
  }

  /**
   * @param dropRatio INCOME_DROP fires when income fell by at least this share of the previous
   *     assessment
   * @param lineMargin and only when the new per-capita income, less the rigid expenses (medical
   *     out-of-pocket and self-paid schooling) of the same 12 months per person, is below this
   *     multiple of the year's monitoring line
   */
  public record Income(
      @DefaultValue(RuleThresholds.INCOME_DROP_SHARE) @NotNull @DecimalMin("0.01") @DecimalMax("1")
          BigDecimal dropRatio,
      @DefaultValue(RuleThresholds.INCOME_DROP_LINE_MARGIN)
          @NotNull
          @DecimalMin("1")
          @DecimalMax("100")
          BigDecimal lineMargin) {}

  /**
   * @param formerlyPoorThreshold 12-month out-of-pocket cost that fires for a formerly poor
   *     household (yuan)
   * @param othersThreshold the same for every other household (yuan)
   * @param incomeShare or when the cost reaches this share of the household's yearly income
   * @param window the rolling window of costs
   */
  public record Medical(
      @DefaultValue(RuleThresholds.MEDICAL_FORMERLY_POOR) @NotNull @DecimalMin("0.01")
          BigDecimal formerlyPoorThreshold,
      @DefaultValue(RuleThresholds.MEDICAL_OTHERS) @NotNull @DecimalMin("0.01")
          BigDecimal othersThreshold,
      @DefaultValue(RuleThresholds.MEDICAL_INCOME_SHARE)
          @NotNull
          @DecimalMin("0.01")
          @DecimalMax("10")
          BigDecimal incomeShare,
      @DefaultValue("365d") @NotNull Duration window) {}

  /**
   * @param threshold SCHOOLING_BURDEN fires when a school year's self-paid cost exceeds this
   * @param schoolYearStartMonth the month a school year starts (September)
   * @param minCompulsoryAge youngest age of compulsory schooling
   * @param maxCompulsoryAge oldest age of compulsory schooling
   */
  public record Schooling(
      @DefaultValue(RuleThresholds.SCHOOLING_PER_YEAR) @NotNull @DecimalMin("0.01")
          BigDecimal threshold,
      @DefaultValue("9") @Min(1) @Max(12) int schoolYearStartMonth,
      @DefaultValue(RuleThresholds.MIN_COMPULSORY_SCHOOL_AGE) @Min(0) @Max(30) int minCompulsoryAge,
      @DefaultValue(RuleThresholds.MAX_COMPULSORY_SCHOOL_AGE) @Min(0) @Max(30)
          int maxCompulsoryAge) {}

  /**
   * @param maxInterruptionDays UNSAFE_WATER fires above this many days of cuts a year
   */
  public record Water(
      @DefaultValue(RuleThresholds.WATER_INTERRUPTION_DAYS) @Min(0) @Max(366)
          int maxInterruptionDays) {}

  /**
   * @param disasterMinLoss DISASTER_LOSS fires from this loss (yuan)
   * @param businessMinLoss BUSINESS_FAILURE fires from this loss (yuan)
   * @param window reports of the same incident within this window are one condition
   */
  public record Incident(
      @DefaultValue("0.01") @NotNull @DecimalMin("0.01") BigDecimal disasterMinLoss,
      @DefaultValue("0.01") @NotNull @DecimalMin("0.01") BigDecimal businessMinLoss,
      @DefaultValue("30d") @NotNull Duration window) {}

  /**
   * @param severeDisabilityMaxGrade a certified disability of this grade or worse takes a labourer
   * @param unemploymentWaitMonths LABOUR_LOSS fires this many months after the household's last job
   *     was lost when nobody was employed again by then (0: at once); a death, an accident or a
   *     severe disability fires at once
   */
  public record Labour(
      @DefaultValue(RuleThresholds.SEVERE_DISABILITY_MAX_GRADE) @Min(1) @Max(4)
          int severeDisabilityMaxGrade,
      @DefaultValue(RuleThresholds.UNEMPLOYMENT_WAIT_MONTHS) @Min(0) @Max(24)
          int unemploymentWaitMonths) {}

  /**
   * @param mediumDays LOAN_OVERDUE fires (MEDIUM) from this many days overdue
   * @param highDays and escalates to HIGH from this many
   */
  public record Loan(
      @DefaultValue(RuleThresholds.LOAN_OVERDUE_DAYS) @Min(1) @Max(3650) int mediumDays,
      @DefaultValue(RuleThresholds.LOAN_SEVERELY_OVERDUE_DAYS) @Min(1) @Max(3650) int highDays) {}

  /**
   * @param graceDays PAYMENT_MISSED fires once this day of the following month has passed
   * @param retainedMonths how many months of payments each household remembers (duplicates)
   * @param unregisteredGrace PAYMENT_UNREGISTERED fires this long (event time) after a payment to a
   *     household that is still not registered by then: a registration and a payment sent together
   *     by two systems may arrive in either order; 0 fires at once
   */
  public record Payment(
      @DefaultValue(RuleThresholds.PAYMENT_GRACE_DAYS) @Min(0) @Max(27) int graceDays,
      @DefaultValue("13") @Min(2) @Max(60) int retainedMonths,
      @DefaultValue("10m") @NotNull Duration unregisteredGrace) {
    public Payment {
      if (unregisteredGrace != null && unregisteredGrace.isNegative()) {
        throw new IllegalArgumentException(
            "shouwang.risk-engine.rules.payment.unregistered-grace must not be negative, not "
                + unregisteredGrace);
      }
    }
  }

  /**
   * @param measureDeadline NO_MEASURE fires this long after monitoring began with no fitting
   *     measure
   * @param minMonitoredMonths PREMATURE_ELIMINATION fires when risk is eliminated sooner
   * @param relapseMonths RELAPSE_AFTER_ELIMINATION fires for a risk alert within this many months
   *     after risk elimination
   */
  public record Monitoring(
      @DefaultValue(RuleThresholds.MEASURE_DAYS + "d") @NotNull Duration measureDeadline,
      @DefaultValue(RuleThresholds.ELIMINATION_MONTHS) @Min(0) @Max(60) int minMonitoredMonths,
      @DefaultValue(RuleThresholds.RELAPSE_MONTHS) @Min(0) @Max(120) int relapseMonths) {}

  /**
   * @param deadline IDENTIFICATION_OVERDUE fires this long after the first signal (a
   *     self-declaration, a home visit or a risk alert on a household not monitored) with no county
   *     decision
   * @param publicityDays PUBLICITY_TOO_SHORT fires for a county decision fewer than this many
   *     calendar days after publicity of its procedure started (or with no publicity)
   * @param visitDeadline SELF_DECLARATION_UNANSWERED fires this long after a self-declaration with
   *     no home visit
   */
  public record Identification(
      @DefaultValue(RuleThresholds.IDENTIFICATION_DAYS + "d") @NotNull Duration deadline,
      @DefaultValue(RuleThresholds.PUBLICITY_DAYS) @Min(0) @Max(60) int publicityDays,
      @DefaultValue(RuleThresholds.SELF_DECLARATION_VISIT_DAYS + "d") @NotNull
          Duration visitDeadline) {
    public Identification {
      for (Duration d : new Duration[] {deadline, visitDeadline}) {
        if (d != null && (d.isNegative() || d.isZero())) {
          throw new IllegalArgumentException(
              "shouwang.risk-engine.rules.identification: deadline and visit-deadline must be"
                  + " positive, not "
                  + d);
        }
      }
    }
  }
}
