package org.shouwang.alerting.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.shouwang.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Case metrics. Gauges come from a periodic grouped count in the database (cheap, and right across
 * instances and restarts): open cases by township, severity and state; overdue and escalated open
 * cases by township. Histograms: time to acknowledge and time to close. Counters: transitions and
 * escalations. Tags are closed sets (township codes of the county, enums).
 */
@Component
class CaseMetrics {

  private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);
  static final String NO_TOWNSHIP = "NONE";

  private final MeterRegistry registry;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final MultiGauge open;
  private final MultiGauge overdue;
  private final MultiGauge escalated;

  CaseMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.clock = clock;
    open =
        MultiGauge.builder("shouwang.cases.open")
            .description("Cases not yet resolved or dismissed")
            .register(registry);
    overdue =
        MultiGauge.builder("shouwang.cases.overdue")
            .description("Open cases past their acknowledgement or measure deadline")
            .register(registry);
    escalated =
        MultiGauge.builder("shouwang.cases.escalated")
            .description("Open cases escalated to a supervisor, by level")
            .register(registry);
    // present from the start, so boards and alerts see zeros rather than nothing
    for (Audience audience : Audience.values()) {
      for (Severity severity : Severity.values()) {
        acknowledgeTimer(severity, audience);
      }
      resolveTimer(audience, CaseState.RESOLVED);
      resolveTimer(audience, CaseState.DISMISSED);
    }
  }

  record OpenCount(
      String townshipCode, String audience, String severity, String state, long count) {}

  record TownshipCount(String townshipCode, String level, long count) {}

  @Scheduled(
      fixedDelayString = "${shouwang.alerting.metrics.refresh-interval:30s}",
      initialDelay = 0)
  void refresh() {
    try {
      OffsetDateTime now = OffsetDateTime.now(clock);
      List<OpenCount> counts =
          jdbc.sql(
                  "select coalesce(township_code, ?) as township_code, audience, severity, state,"
                      + " count(*) as count from cases"
                      + " where state not in ('RESOLVED', 'DISMISSED') group by 1, 2, 3, 4")
              .param(NO_TOWNSHIP)
              .query(OpenCount.class)
              .list();
      open.register(
          counts.stream()
              .map(
                  c ->
                      MultiGauge.Row.of(
                          Tags.of(
                              "township", c.townshipCode(),
                              "audience", c.audience(),
                              "severity", c.severity(),
                              "state", c.state()),
                          c.count()))
              .toList(),
          true);
      List<TownshipCount> late =
          jdbc.sql(
                  "select coalesce(township_code, ?) as township_code, deadline_kind as level,"
                      + " count(*) as count from cases where state not in ('RESOLVED',"
                      + " 'DISMISSED') and deadline <= ? group by 1, 2")
              .params(NO_TOWNSHIP, now)
              .query(TownshipCount.class)
              .list();
      overdue.register(
          late.stream()
              .map(
                  c ->
                      MultiGauge.Row.of(
                          Tags.of("township", c.townshipCode(), "deadline", c.level()), c.count()))
              .toList(),
          true);
      List<TownshipCount> up =
          jdbc.sql(
                  "select coalesce(township_code, ?) as township_code,"
                      + " cast(escalation_level as text) as level, count(*) as count from cases"
                      + " where state not in ('RESOLVED', 'DISMISSED') and escalation_level > 0"
                      + " group by 1, 2")
              .param(NO_TOWNSHIP)
              .query(TownshipCount.class)
              .list();
      escalated.register(
          up.stream()
              .map(
                  c ->
                      MultiGauge.Row.of(
                          Tags.of("township", c.townshipCode(), "level", c.level()), c.count()))
              .toList(),
          true);
    } catch (RuntimeException e) {
      log.warn("Could not refresh case gauges: {}", e.toString());
    }
  }

  void acknowledged(Severity severity, Audience audience, Duration took) {
    acknowledgeTimer(severity, audience).record(took);
  }

  void closed(Audience audience, CaseState state, Duration took) {
    resolveTimer(audience, state).record(took);
  }

  private Timer acknowledgeTimer(Severity severity, Audience audience) {
    return Timer.builder("shouwang.cases.time.to.acknowledge")
        .description("From a case opening to its acknowledgement")
        .tag("severity", severity.name())
        .tag("audience", audience.name())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(30))
        .register(registry);
  }

  private Timer resolveTimer(Audience audience, CaseState state) {
    return Timer.builder("shouwang.cases.time.to.resolve")
        .description("From a case opening to its resolution or dismissal")
        .tag("audience", audience.name())
        .tag("state", state.name())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(180))
        .register(registry);
  }

  void transition(CaseAction action) {
    Counter.builder("shouwang.cases.transitions")
        .description("Case changes, by action")
        .tag("action", action.name())
        .register(registry)
        .increment();
  }

  void escalation(int level, DeadlineKind kind) {
    Counter.builder("shouwang.cases.escalations")
        .description("Escalations of overdue cases, by level and missed deadline")
        .tag("level", Integer.toString(level))
        .tag("deadline", kind == null ? "NONE" : kind.name())
        .register(registry)
        .increment();
  }
}
