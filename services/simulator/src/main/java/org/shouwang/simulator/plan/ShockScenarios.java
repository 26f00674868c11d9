package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.Department;
import org.shouwang.events.DisasterKind;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.simulator.county.Household;
import org.shouwang.simulator.county.Member;

/** Scenarios of sudden shocks: a disaster, the loss of the household's labour. */
final class ShockScenarios {

  private ShockScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(new DisasterLoss(), new LabourLoss());
  }

  /** {@link Rule#DISASTER_LOSS}: a reported disaster with a loss. */
  static final class DisasterLoss implements Scenario {

    @Override
    public Rule rule() {
      return Rule.DISASTER_LOSS;
    }

    @Override
    public GroundTruth apply(Life life) {
      return report(this, life, life.within(0.1, 0.9));
    }

    /** A disaster with a loss of 5,000–60,000 reported at a time. */
    static GroundTruth report(Scenario scenario, Life life, OffsetDateTime at) {
      double pick = life.random.nextDouble();
      DisasterKind kind =
          pick < 0.4
              ? DisasterKind.FLOOD
              : pick < 0.55
                  ? DisasterKind.GEOLOGICAL
                  : pick < 0.7
                      ? DisasterKind.DROUGHT
                      : pick < 0.9 ? DisasterKind.METEOROLOGICAL : DisasterKind.BIOLOGICAL;
      BigDecimal loss = life.money(5_000, 60_000, 100);
      SimRecord report =
          life.department(
              at, Department.EMERGENCY_MANAGEMENT, new EventData.DisasterReported(kind, loss));
      if (report == null) {
        return null;
      }
      return scenario.label(life, report.at(), List.of(report), kind + " loss " + loss);
    }
  }

  /**
   * {@link Rule#LABOUR_LOSS}: an accident takes the only labourer (immediate), or every labourer
   * loses their job a few days apart and nobody is re-employed: the alert comes {@code
   * unemploymentWaitMonths} (3) after the last job was lost (ADR 0005).
   */
  static final class LabourLoss implements Scenario {

    @Override
    public Rule rule() {
      return Rule.LABOUR_LOSS;
    }

    @Override
    public boolean fits(Household household) {
      return household.labourers() >= 1
          && household.entitlements().stream()
              .noneMatch(e -> e.programme() == Programme.PUBLIC_WELFARE_JOB);
    }

    @Override
    public GroundTruth apply(Life life) {
      List<Member> labourers = life.household.labourerMembers();
      if (labourers.size() == 1) {
        Member labourer = labourers.get(0);
        BigDecimal loss = life.money(3_000, 30_000, 100);
        SimRecord accident =
            life.department(
                life.within(0.1, 0.9),
                Department.PUBLIC_SECURITY,
                new EventData.AccidentReported(labourer.id(), loss, true));
        life.labourers = 0;
        return label(
            life,
            accident.at(),
            List.of(accident),
            "accident took the only labourer " + labourer.id());
      }
      int months = life.config.thresholds().unemploymentWaitMonths();
      List<OffsetDateTime> times = new ArrayList<>();
      OffsetDateTime at = life.within(0.05, 0.4);
      for (int i = 0; i < labourers.size(); i++) {
        times.add(at);
        at = Life.plusDays(at, 2 + 4 * life.random.nextDouble());
      }
      OffsetDateTime due =
          times.get(times.size() - 1).truncatedTo(ChronoUnit.SECONDS).plusMonths(months);
      if (!due.isBefore(life.end.minusDays(20))) {
        return null;
      }
      List<SimRecord> lost = new ArrayList<>();
      for (int i = 0; i < labourers.size(); i++) {
        Member labourer = labourers.get(i);
        EmploymentKind kind = life.jobs.getOrDefault(labourer.id(), EmploymentKind.LOCAL);
        lost.add(
            0,
            life.department(
                times.get(i),
                Department.HUMAN_RESOURCES,
                new EventData.EmploymentChanged(labourer.id(), false, kind, null)));
      }
      return label(
          life,
          due,
          lost,
          "all "
              + labourers.size()
              + " labourers lost their jobs; nobody re-employed in "
              + months
              + " months");
    }
  }
}
