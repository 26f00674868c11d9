package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Household;

/** Scenarios of the monitoring process: no measure taken, risk eliminated too early. */
final class MonitoringScenarios {

  private MonitoringScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(new NoMeasure(), new PrematureElimination());
  }

  /** {@link Rule#NO_MEASURE}: a household is monitored and no measure follows. */
  static final class NoMeasure implements Scenario {

    @Override
    public Rule rule() {
      return Rule.NO_MEASURE;
    }

    @Override
    public boolean fits(Household household) {
      return !household.monitored() && household.labourers() >= 1;
    }

    @Override
    public GroundTruth apply(Life life) {
      int days = life.config.thresholds().measureDays();
      OffsetDateTime latest = life.end.minusDays(days + 3);
      OffsetDateTime earliest = life.atFraction(0.1);
      if (!earliest.isBefore(latest)) {
        return null;
      }
      SimRecord monitored =
          life.event(
              life.between(earliest, latest),
              Source.SYSTEM,
              null,
              new EventData.MonitoringStatusChanged(
                  MonitoringStatus.MONITORED, categoryOf(life.household), null));
      return label(
          life,
          monitored.at().plusDays(days),
          List.of(monitored),
          "monitored with "
              + life.household.labourers()
              + " labourers, no measure in "
              + days
              + " days");
    }
  }

  /**
   * {@link Rule#PREMATURE_ELIMINATION}: the risk is declared eliminated before the minimum time.
   */
  static final class PrematureElimination implements Scenario {

    @Override
    public Rule rule() {
      return Rule.PREMATURE_ELIMINATION;
    }

    @Override
    public boolean fits(Household household) {
      return !household.monitored() && household.labourers() >= 1;
    }

    @Override
    public GroundTruth apply(Life life) {
      int months = life.config.thresholds().eliminationMonths();
      OffsetDateTime earliest = life.atFraction(0.05);
      OffsetDateTime latest = life.end.minusDays(130);
      if (!earliest.isBefore(latest)) {
        return null;
      }
      OffsetDateTime monitoredAt = life.between(earliest, latest);
      MonitoringCategory category = categoryOf(life.household);
      SimRecord monitored =
          life.event(
              monitoredAt,
              Source.SYSTEM,
              null,
              new EventData.MonitoringStatusChanged(MonitoringStatus.MONITORED, category, null));
      life.event(
          Life.plusDays(monitoredAt, 3 + 12 * life.random.nextDouble()),
          Source.CADRE_VISIT,
          null,
          new EventData.AssistanceRecorded(AssistanceMeasure.EMPLOYMENT, null));
      OffsetDateTime eliminatedAt = Life.plusDays(monitoredAt, 60 + 60 * life.random.nextDouble());
      if (!eliminatedAt.isBefore(monitoredAt.plusMonths(months).minusDays(10))) {
        eliminatedAt = monitoredAt.plusMonths(months).minusDays(30);
      }
      SimRecord eliminated =
          life.event(
              eliminatedAt,
              Source.CADRE_VISIT,
              null,
              new EventData.MonitoringStatusChanged(
                  MonitoringStatus.RISK_ELIMINATED, category, EliminationType.ASSISTED));
      return label(
          life,
          eliminated.at(),
          List.of(eliminated, monitored),
          "risk eliminated "
              + java.time.Duration.between(monitoredAt, eliminatedAt).toDays()
              + " days after monitoring began; minimum "
              + months
              + " months");
    }
  }

  private static MonitoringCategory categoryOf(Household household) {
    return household.formerlyPoor()
        ? MonitoringCategory.UNSTABLE_LIFTED
        : MonitoringCategory.MARGINAL;
  }
}
