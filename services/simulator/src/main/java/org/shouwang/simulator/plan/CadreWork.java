package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Department;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Household;

/**
 * The cadres' work of a well-run county (ADR 0005): a household at risk that is not monitored is
 * visited, reviewed by its village, publicised for more than the minimum days, reviewed by the
 * township and admitted by the county within the identification days; an admitted household gets a
 * fitting measure within days; risk is eliminated through the same steps with full publicity.
 *
 * <p>Who records what: the paired cadre records the home visit, the village review, the publicity
 * and the measures in the case system (source {@code CADRE}); the township review comes from the
 * monitoring system (source {@code SYSTEM}); the county's decision from its agriculture and rural
 * affairs bureau, which hosts rural revitalisation (department {@code AGRICULTURE}).
 */
final class CadreWork {

  private static final AssistanceMeasure[] DEVELOPMENTAL = {
    AssistanceMeasure.INDUSTRY, AssistanceMeasure.EMPLOYMENT, AssistanceMeasure.PUBLIC_WELFARE_JOB
  };

  /** Measures that do not fit a household able to work (not developmental). */
  static final AssistanceMeasure[] NOT_DEVELOPMENTAL = {
    AssistanceMeasure.FINANCE, AssistanceMeasure.HEALTH, AssistanceMeasure.EDUCATION
  };

  /** Days publicity runs in a well-run procedure: clearly more than the minimum. */
  static final double FULL_PUBLICITY_FROM = 1.2;

  private CadreWork() {}

  /**
   * A risk signal at {@code signalAt} on a household that is not monitored: the whole
   * identification, admitted, then a fitting measure. Does nothing for a monitored household.
   * Returns the county's decision, or {@code null} when there is none.
   */
  static SimRecord.Event follow(Life life, OffsetDateTime signalAt, Rule rule) {
    if (life.monitored) {
      return null;
    }
    SimRecord.Event visit = homeVisit(life, life.daysAfter(signalAt, 0.5, 2));
    if (visit == null) {
      return null;
    }
    return admit(life, life.daysAfter(visit.at(), 1, 2), category(life.household, rule));
  }

  /**
   * From the village review on, a well-run identification (publicity over the minimum), admitted,
   * and a fitting measure 2–10 days later; the decision, or {@code null} past the end.
   */
  static SimRecord.Event admit(Life life, OffsetDateTime reviewAt, MonitoringCategory category) {
    SimRecord.Event decision =
        identification(life, reviewAt, fullPublicity(life), true, category, null);
    if (decision != null) {
      measure(life, life.daysAfter(decision.at(), 2, 10));
    }
    return decision;
  }

  /** Publicity days of a well-run procedure: 1.2–1.4 times the minimum (6–7 days at 5). */
  static double fullPublicity(Life life) {
    int days = life.config.thresholds().publicityDays();
    return days * (FULL_PUBLICITY_FROM + 0.2 * life.random.nextDouble());
  }

  /** The cadre's home visit (入户核实), a step of identification. */
  static SimRecord.Event homeVisit(Life life, OffsetDateTime at) {
    return life.cadre(at, step(ProcedureStep.HOME_VISIT));
  }

  /**
   * Village review at {@code reviewAt}, publicity a few hours later running {@code publicityDays}
   * (none when ≤ 0), the township's review when it ends and the county's decision 5–24 hours after.
   * Admitted with {@code category}, or not admitted with {@code reason}. Returns the decision, or
   * {@code null} when it falls past the end. Marks the household monitored when admitted.
   */
  static SimRecord.Event identification(
      Life life,
      OffsetDateTime reviewAt,
      double publicityDays,
      boolean admitted,
      MonitoringCategory category,
      String reason) {
    OffsetDateTime township = reviewAndPublicity(life, reviewAt, publicityDays, true);
    SimRecord.Event decision =
        county(
            life,
            life.daysAfter(township, 0.2, 1),
            admitted
                ? new EventData.IdentificationStep(
                    ProcedureStep.COUNTY_DECISION, true, category, null)
                : new EventData.IdentificationStep(
                    ProcedureStep.COUNTY_DECISION, false, null, reason));
    if (decision != null && admitted) {
      life.monitored = true;
    }
    return decision;
  }

  /**
   * Risk elimination from the village review at {@code reviewAt}: publicity (none when {@code
   * publicityDays} ≤ 0), township review, the county's approval 5–24 hours later. Returns the
   * decision, or {@code null} past the end; marks the household no longer monitored.
   */
  static SimRecord.Event elimination(
      Life life, OffsetDateTime reviewAt, double publicityDays, EliminationType type) {
    OffsetDateTime township = reviewAndPublicity(life, reviewAt, publicityDays, false);
    SimRecord.Event decision =
        county(
            life,
            life.daysAfter(township, 0.2, 1),
            new EventData.EliminationStep(ProcedureStep.COUNTY_DECISION, true, type, null));
    if (decision != null) {
      life.monitored = false;
    }
    return decision;
  }

  /** Village review, publicity and township review; returns the township review's time. */
  private static OffsetDateTime reviewAndPublicity(
      Life life, OffsetDateTime reviewAt, double publicityDays, boolean identification) {
    life.cadre(
        reviewAt,
        identification
            ? step(ProcedureStep.VILLAGE_REVIEW)
            : eliminationStep(ProcedureStep.VILLAGE_REVIEW));
    OffsetDateTime township;
    if (publicityDays > 0) {
      OffsetDateTime publicity = reviewAt.plusMinutes(120 + life.random.nextInt(180));
      life.cadre(
          publicity,
          identification
              ? step(ProcedureStep.PUBLICITY_STARTED)
              : eliminationStep(ProcedureStep.PUBLICITY_STARTED));
      township = Life.plusDays(publicity, publicityDays);
    } else {
      township = life.daysAfter(reviewAt, 1, 3);
    }
    life.event(
        township,
        Source.SYSTEM,
        null,
        identification
            ? step(ProcedureStep.TOWNSHIP_REVIEW)
            : eliminationStep(ProcedureStep.TOWNSHIP_REVIEW));
    return township;
  }

  private static SimRecord.Event county(Life life, OffsetDateTime at, EventData decision) {
    return life.department(at, Department.AGRICULTURE, decision);
  }

  /**
   * A fitting measure (ADR 0005): a developmental one (industry, employment, public-welfare job)
   * for a household with labourers, 兜底 welfare for one without.
   */
  static SimRecord.Event measure(Life life, OffsetDateTime at) {
    AssistanceMeasure measure =
        life.labourers > 0
            ? DEVELOPMENTAL[life.random.nextInt(DEVELOPMENTAL.length)]
            : AssistanceMeasure.WELFARE;
    return life.cadre(at, new EventData.AssistanceRecorded(measure, life.money(500, 5000, 100)));
  }

  /** The category a household is admitted in, by its history and the risk that brought it. */
  static MonitoringCategory category(Household household, Rule rule) {
    if (household.formerlyPoor()) {
      return MonitoringCategory.UNSTABLE_LIFTED;
    }
    return switch (rule) {
      case MEDICAL_BURDEN,
          SCHOOLING_BURDEN,
          DISASTER_LOSS,
          LABOUR_LOSS,
          BUSINESS_FAILURE,
          INCOME_DROP ->
          MonitoringCategory.SUDDEN_HARDSHIP;
      default -> MonitoringCategory.MARGINAL;
    };
  }

  private static EventData step(ProcedureStep step) {
    return new EventData.IdentificationStep(step, null, null, null);
  }

  private static EventData eliminationStep(ProcedureStep step) {
    return new EventData.EliminationStep(step, null, null, null);
  }
}
