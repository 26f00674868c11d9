package org.shouwang.simulator.plan;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Department;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Household;

/** Scenarios of the monitoring process: no fitting measure taken, risk eliminated wrongly. */
final class MonitoringScenarios {

  private MonitoringScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(new NoMeasure(), new PrematureElimination());
  }

  /**
   * {@link Rule#NO_MEASURE}: a household with labourers becomes monitored (by the county's decision
   * after a home visit, or as a department's bare status change) and gets no measure, or only one
   * that does not fit a household able to work (finance, health, education: not developmental).
   */
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
      OffsetDateTime latest = life.end.minusDays(days + 20);
      OffsetDateTime earliest = life.atFraction(0.1);
      if (!earliest.isBefore(latest)) {
        return null;
      }
      SimRecord.Event monitored = admitted(life, life.between(earliest, latest), Rule.NO_MEASURE);
      if (monitored == null) {
        return null;
      }
      String measured = "no measure";
      if (life.random.nextBoolean()) {
        AssistanceMeasure measure =
            CadreWork.NOT_DEVELOPMENTAL[life.random.nextInt(CadreWork.NOT_DEVELOPMENTAL.length)];
        life.cadre(
            life.daysAfter(monitored.at(), 3, 15),
            new EventData.AssistanceRecorded(measure, life.money(500, 3000, 100)));
        measured = "only a " + measure + " measure (not developmental)";
      }
      return label(
          life,
          monitored.at().plusDays(days),
          List.of(monitored),
          "monitored with "
              + life.household.labourers()
              + " labourers, "
              + measured
              + " in "
              + days
              + " days");
    }
  }

  /**
   * Makes a household monitored from {@code at}: half the time the cadre's home visit and the full
   * identification (admitted within days), half a department's bare {@code
   * MONITORING_STATUS_CHANGED} (both count, ADR 0005). Returns the event that began monitoring; no
   * measure is added.
   */
  static SimRecord.Event admitted(Life life, OffsetDateTime at, Rule rule) {
    MonitoringCategory category = CadreWork.category(life.household, rule);
    if (life.random.nextBoolean()) {
      SimRecord.Event visit = CadreWork.homeVisit(life, at);
      if (visit == null) {
        return null;
      }
      return CadreWork.identification(
          life,
          life.daysAfter(visit.at(), 1, 2),
          CadreWork.fullPublicity(life),
          true,
          category,
          null);
    }
    SimRecord.Event monitored =
        life.event(
            at,
            Source.SYSTEM,
            null,
            new EventData.MonitoringStatusChanged(MonitoringStatus.MONITORED, category, null));
    if (monitored != null) {
      life.monitored = true;
    }
    return monitored;
  }

  /**
   * {@link Rule#PREMATURE_ELIMINATION}: risk eliminated when it may not be (ADR 0005). By the
   * household:
   *
   * <ul>
   *   <li>not monitored, with labourers: half the time <em>too early</em> (identified, helped, then
   *       eliminated 30–120 days later); otherwise identified early in the year and eliminated
   *       after the minimum months with one flaw only: income assessed once (not "stably" above the
   *       line), or the house appraised unsafe (the alert that brought it into monitoring, still
   *       open: labelled {@code UNSAFE_HOUSING} too);
   *   <li>monitored from the start with labourers: after the minimum months, one of the same flaws;
   *   <li>monitored from the start with nobody able to work and no 低保 or 特困 (no 兜底): eliminated
   *       after the minimum months with every other condition met.
   * </ul>
   *
   * Every elimination but the too-early bare status changes goes through the full procedure.
   */
  static final class PrematureElimination implements Scenario {

    @Override
    public Rule rule() {
      return Rule.PREMATURE_ELIMINATION;
    }

    @Override
    public boolean fits(Household household) {
      return household.labourers() >= 1 || (household.monitored() && !welfare(household));
    }

    /** Half of them in households monitored from the start (their flaws are the new ones). */
    @Override
    public boolean prefers(Household household) {
      return household.monitored();
    }

    private static boolean welfare(Household household) {
      return household.entitlements().stream()
          .anyMatch(
              e ->
                  e.programme() == Programme.MINIMUM_LIVING_ALLOWANCE
                      || e.programme() == Programme.EXTREME_POVERTY_SUPPORT);
    }

    @Override
    public GroundTruth apply(Life life) {
      int months = life.config.thresholds().eliminationMonths();
      boolean lateFits =
          life.atFraction(0.1).plusMonths(months).plusDays(45).isBefore(life.end.minusDays(12));
      if (!life.monitored && (!lateFits || life.random.nextBoolean())) {
        return tooEarly(life, months);
      }
      if (!lateFits) {
        return null;
      }
      boolean noLabour = life.labourers == 0;
      boolean housing = !noLabour && life.random.nextBoolean();
      SimRecord.Event monitoredBy;
      List<String> flaws = new ArrayList<>();
      if (housing) {
        if (life.housing != null) {
          life.remove(life.housing);
        }
        HousingGrade grade = life.random.nextDouble() < 0.6 ? HousingGrade.C : HousingGrade.D;
        life.housing =
            life.department(
                life.within(0.02, 0.08), Department.HOUSING, new EventData.HousingAssessed(grade));
        life.moreLabels.add(
            new GroundTruth(
                life.household.id(),
                Rule.UNSAFE_HOUSING,
                life.housing.at(),
                List.of(life.housing.id()),
                "house appraised " + grade));
        flaws.add("house appraised " + grade + " still unsafe");
        monitoredBy =
            life.monitored
                ? monitoringStart(life)
                : CadreWork.follow(life, life.housing.at(), Rule.UNSAFE_HOUSING);
      } else if (life.monitored) {
        monitoredBy = monitoringStart(life);
      } else {
        SimRecord.Event visit = CadreWork.homeVisit(life, life.within(0.02, 0.08));
        monitoredBy =
            CadreWork.admit(
                life, life.daysAfter(visit.at(), 1, 2), CadreWork.category(life.household, rule()));
      }
      if (monitoredBy == null) {
        return null;
      }
      OffsetDateTime reviewAt = life.daysAfter(monitoredBy.at().plusMonths(months), 15, 30);
      if (!reviewAt.isBefore(life.end.minusDays(12))) {
        return null;
      }
      if (noLabour) {
        flaws.add("nobody able to work and no 低保 or 特困 (兜底)");
      }
      if (noLabour || housing) {
        BenignLife.reassess(life, life.daysAfter(reviewAt, -30, -5));
      } else {
        flaws.add("income assessed " + life.incomes.size() + " time(s), fewer than two");
      }
      SimRecord.Event eliminated =
          CadreWork.elimination(
              life, reviewAt, CadreWork.fullPublicity(life), EliminationType.ASSISTED);
      if (eliminated == null) {
        return null;
      }
      return label(
          life,
          eliminated.at(),
          List.of(eliminated, monitoredBy),
          "risk eliminated " + String.join("; ", flaws));
    }

    /** The event that made a household monitored from the start. */
    private static SimRecord.Event monitoringStart(Life life) {
      return life.records.stream()
          .filter(r -> r.type().equals("MONITORING_STATUS_CHANGED"))
          .map(SimRecord.Event.class::cast)
          .findFirst()
          .orElse(null);
    }

    private GroundTruth tooEarly(Life life, int months) {
      OffsetDateTime earliest = life.atFraction(0.05);
      OffsetDateTime latest = life.end.minusDays(60);
      if (!earliest.isBefore(latest)) {
        return null;
      }
      boolean procedure = life.random.nextBoolean();
      SimRecord.Event monitored =
          admitted(life, life.between(earliest, latest), Rule.PREMATURE_ELIMINATION);
      if (monitored == null) {
        return null;
      }
      OffsetDateTime monitoredAt = monitored.at();
      CadreWork.measure(life, life.daysAfter(monitoredAt, 3, 15));
      // 30–120 days later, and with room for the procedure before the end
      double room = Duration.between(monitoredAt, life.end).toHours() / 24.0 - 12;
      OffsetDateTime eliminatedAt =
          life.daysAfter(monitoredAt, Math.min(30, room), Math.min(120, room));
      SimRecord.Event eliminated;
      if (procedure) {
        eliminated =
            CadreWork.elimination(
                life, eliminatedAt, CadreWork.fullPublicity(life), EliminationType.ASSISTED);
      } else {
        eliminated =
            life.event(
                eliminatedAt,
                Source.CADRE_VISIT,
                null,
                new EventData.MonitoringStatusChanged(
                    MonitoringStatus.RISK_ELIMINATED,
                    CadreWork.category(life.household, rule()),
                    EliminationType.ASSISTED));
        life.monitored = false;
      }
      return label(
          life,
          eliminated.at(),
          List.of(eliminated, monitored),
          "risk eliminated "
              + Duration.between(monitoredAt, eliminated.at()).toDays()
              + " days after monitoring began; minimum "
              + months
              + " months");
    }
  }
}
