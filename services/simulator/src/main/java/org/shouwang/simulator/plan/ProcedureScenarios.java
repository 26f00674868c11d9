package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Household;

/**
 * Scenarios of identification and risk elimination (ADR 0005): the counties where the cadres' work
 * stalls. Each stages its own procedure, so the plan adds no follow-up of its own.
 */
final class ProcedureScenarios {

  private ProcedureScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(
        new IdentificationOverdue(),
        new PublicityTooShort(),
        new SelfDeclarationUnanswered(),
        new RelapseAfterElimination());
  }

  /** Self-declarations name the risk; illness first, as among monitored households. */
  private static final RiskType[] DECLARED = {
    RiskType.ILLNESS,
    RiskType.ILLNESS,
    RiskType.ILLNESS,
    RiskType.DISABILITY,
    RiskType.EDUCATION,
    RiskType.EMPLOYMENT,
    RiskType.ACCIDENT
  };

  private static SimRecord.Event declare(Life life, OffsetDateTime at) {
    RiskType risk = DECLARED[life.random.nextInt(DECLARED.length)];
    return life.event(
        at,
        Source.SELF_DECLARATION,
        null,
        new EventData.SelfDeclared(risk, "农户通过12317热线申报：" + risk.name()));
  }

  /**
   * {@link Rule#IDENTIFICATION_OVERDUE}: the identification clock starts at a self-declaration
   * (answered by a visit within days), at a cadre's home visit (a verified case), or at a risk
   * alert (an illness, a disaster; labelled too), and the procedure stalls: the village reviews it
   * only 11–20 days later, so the county decides after the identification days, or not at all
   * within the year. The alert comes at the clock's start + 15 days.
   */
  static final class IdentificationOverdue implements Scenario {

    @Override
    public Rule rule() {
      return Rule.IDENTIFICATION_OVERDUE;
    }

    @Override
    public boolean followedUp() {
      return false;
    }

    @Override
    public boolean fits(Household household) {
      return !household.monitored();
    }

    @Override
    public GroundTruth apply(Life life) {
      int days = life.config.thresholds().identificationDays();
      OffsetDateTime latest = life.end.minusDays(days + 25L);
      double pick = life.random.nextDouble();
      OffsetDateTime start;
      List<SimRecord> evidence;
      OffsetDateTime visitAt;
      String how;
      Rule risk;
      if (pick < 0.3) {
        SimRecord.Event declared = declare(life, life.between(life.atFraction(0.1), latest));
        start = declared.at();
        evidence = List.of(declared);
        visitAt = life.daysAfter(start, 1, 5);
        how = "self-declaration";
      } else if (pick < 0.55) {
        SimRecord.Event visit =
            CadreWork.homeVisit(life, life.between(life.atFraction(0.1), latest));
        start = visit.at();
        evidence = List.of(visit);
        visitAt = null;
        how = "home visit of a verified case";
      } else {
        GroundTruth alert;
        if (pick < 0.8 && life.income != null) {
          risk = Rule.MEDICAL_BURDEN;
          alert = LivingScenarios.MedicalBurden.burden(Scenarios.of(risk), life, life.income.at());
        } else {
          risk = Rule.DISASTER_LOSS;
          alert =
              ShockScenarios.DisasterLoss.report(
                  Scenarios.of(risk), life, life.between(life.atFraction(0.1), latest));
        }
        if (alert == null) {
          return null;
        }
        life.moreLabels.add(alert);
        if (!alert.expectedAt().isBefore(latest)) {
          // too late in a short span for the deadline to be seen: the cadres do their work
          CadreWork.follow(life, alert.expectedAt(), risk);
          return null;
        }
        return stall(
            life,
            alert.expectedAt(),
            life.daysAfter(alert.expectedAt(), 1, 5),
            alert.evidence(),
            risk + " alert",
            risk);
      }
      return stall(life, start, visitAt, evidence.stream().map(SimRecord::id).toList(), how, null);
    }

    private GroundTruth stall(
        Life life,
        OffsetDateTime start,
        OffsetDateTime visitAt,
        List<String> evidence,
        String how,
        Rule risk) {
      int days = life.config.thresholds().identificationDays();
      if (visitAt != null) {
        CadreWork.homeVisit(life, visitAt);
      }
      if (life.random.nextDouble() < 0.8) {
        // reviewed late, decided after the deadline (admitted, with its measure)
        CadreWork.admit(
            life,
            life.daysAfter(start, 11, 20),
            CadreWork.category(life.household, risk == null ? rule() : risk));
      }
      return new GroundTruth(
          life.household.id(),
          rule(),
          start.plusDays(days),
          evidence,
          "no county decision " + days + " days after the " + how);
    }
  }

  /**
   * {@link Rule#SELF_DECLARATION_UNANSWERED}: a household declares itself and nobody visits it for
   * 9–11 days (the limit is 7). The identification that follows is complete only after its 15 days,
   * so {@code IDENTIFICATION_OVERDUE} is labelled too.
   */
  static final class SelfDeclarationUnanswered implements Scenario {

    @Override
    public Rule rule() {
      return Rule.SELF_DECLARATION_UNANSWERED;
    }

    @Override
    public boolean followedUp() {
      return false;
    }

    @Override
    public boolean fits(Household household) {
      return !household.monitored();
    }

    @Override
    public GroundTruth apply(Life life) {
      Thresholds limits = life.config.thresholds();
      OffsetDateTime latest = life.end.minusDays(limits.identificationDays() + 25L);
      SimRecord.Event declared = declare(life, life.between(life.atFraction(0.1), latest));
      SimRecord.Event visit = CadreWork.homeVisit(life, life.daysAfter(declared.at(), 9, 11));
      CadreWork.admit(
          life,
          life.daysAfter(visit.at(), 1, 2),
          CadreWork.category(life.household, Rule.LOW_INCOME));
      life.moreLabels.add(
          new GroundTruth(
              life.household.id(),
              Rule.IDENTIFICATION_OVERDUE,
              declared.at().plusDays(limits.identificationDays()),
              List.of(declared.id()),
              "no county decision "
                  + limits.identificationDays()
                  + " days after the self-declaration"));
      return label(
          life,
          declared.at().plusDays(limits.selfDeclarationVisitDays()),
          List.of(declared),
          "self-declared, no home visit in "
              + limits.selfDeclarationVisitDays()
              + " days (visited after "
              + java.time.Duration.between(declared.at(), visit.at()).toDays()
              + ")");
    }
  }

  /**
   * {@link Rule#PUBLICITY_TOO_SHORT}: a county decision after publicity of 1–2.5 days, or none. A
   * household monitored from the start with labourers has its risk eliminated so (after the minimum
   * months, income assessed twice, otherwise sound); any other is identified so (after a
   * self-declaration or a home visit, within the identification days) and then helped.
   */
  static final class PublicityTooShort implements Scenario {

    @Override
    public Rule rule() {
      return Rule.PUBLICITY_TOO_SHORT;
    }

    @Override
    public boolean followedUp() {
      return false;
    }

    @Override
    public boolean fits(Household household) {
      return !household.monitored() || household.labourers() >= 1;
    }

    /** Half of them eliminate risk (the rarer households: monitored from the start). */
    @Override
    public boolean prefers(Household household) {
      return household.monitored();
    }

    @Override
    public GroundTruth apply(Life life) {
      Thresholds limits = life.config.thresholds();
      double publicity =
          life.random.nextDouble() < 0.3
              ? 0
              : limits.publicityDays() * (0.2 + 0.3 * life.random.nextDouble());
      SimRecord.Event decision;
      String what;
      if (life.monitored) {
        OffsetDateTime monitoredAt = life.registeredAt.plusMinutes(1);
        OffsetDateTime reviewAt =
            life.daysAfter(monitoredAt.plusMonths(limits.eliminationMonths()), 15, 40);
        if (!reviewAt.isBefore(life.end.minusDays(12))) {
          return null;
        }
        BenignLife.reassess(life, life.daysAfter(reviewAt, -30, -5));
        decision = CadreWork.elimination(life, reviewAt, publicity, EliminationType.ASSISTED);
        what = "risk elimination";
      } else {
        OffsetDateTime at = life.within(0.1, 0.85);
        if (life.random.nextBoolean()) {
          at = life.daysAfter(declare(life, at).at(), 0.5, 3);
        }
        SimRecord.Event visit = CadreWork.homeVisit(life, at);
        // most are admitted (and helped); some are declined: the rule asks publicity either way
        boolean admitted = life.random.nextDouble() < 0.75;
        decision =
            CadreWork.identification(
                life,
                life.daysAfter(visit.at(), 1, 2),
                publicity,
                admitted,
                admitted ? CadreWork.category(life.household, Rule.LOW_INCOME) : null,
                admitted ? null : "经入户核实，未发现返贫致贫风险");
        if (decision != null && admitted) {
          CadreWork.measure(life, life.daysAfter(decision.at(), 2, 10));
        }
        what = admitted ? "identification" : "identification (declined)";
      }
      if (decision == null) {
        return null;
      }
      List<SimRecord> evidence = new ArrayList<>(List.of(decision));
      life.records.stream()
          .filter(r -> r.at().isBefore(decision.at()))
          .filter(r -> isPublicity(r))
          .reduce((a, b) -> b)
          .ifPresent(evidence::add);
      return label(
          life,
          decision.at(),
          evidence,
          publicity == 0
              ? what + " decided without publicity"
              : String.format(
                  "%s decided after %.1f days of publicity; minimum %d",
                  what,
                  java.time.Duration.between(evidence.get(1).at(), decision.at()).toHours() / 24.0,
                  limits.publicityDays()));
    }

    private static boolean isPublicity(SimRecord record) {
      return record instanceof SimRecord.Event e
          && (e.event().data() instanceof EventData.IdentificationStep i
                  && i.step() == org.shouwang.events.ProcedureStep.PUBLICITY_STARTED
              || e.event().data() instanceof EventData.EliminationStep s
                  && s.step() == org.shouwang.events.ProcedureStep.PUBLICITY_STARTED);
    }
  }

  /**
   * {@link Rule#RELAPSE_AFTER_ELIMINATION}: a household monitored from the start has its risk
   * eliminated properly after the minimum months; 10–70 days later an illness (two inpatient costs)
   * or a disaster raises a risk alert (labelled too), and the relapse alert fires beside it. The
   * cadres then identify it again within days (monitored again, a fitting measure).
   */
  static final class RelapseAfterElimination implements Scenario {

    @Override
    public Rule rule() {
      return Rule.RELAPSE_AFTER_ELIMINATION;
    }

    @Override
    public boolean followedUp() {
      return false;
    }

    @Override
    public boolean fits(Household household) {
      return household.monitored() && household.labourers() >= 1;
    }

    @Override
    public GroundTruth apply(Life life) {
      Thresholds limits = life.config.thresholds();
      OffsetDateTime monitoredAt = life.registeredAt.plusMinutes(1);
      OffsetDateTime reviewAt =
          life.daysAfter(monitoredAt.plusMonths(limits.eliminationMonths()), 15, 40);
      if (life.income == null
          || !reviewAt.isBefore(life.end.minusDays(80 + limits.identificationDays() + 25L))) {
        return null;
      }
      BenignLife.reassess(life, life.daysAfter(reviewAt, -30, -5));
      SimRecord.Event eliminated =
          CadreWork.elimination(
              life, reviewAt, CadreWork.fullPublicity(life), EliminationType.ASSISTED);
      Rule risk;
      GroundTruth alert;
      if (life.random.nextDouble() < 0.55) {
        risk = Rule.MEDICAL_BURDEN;
        alert = LivingScenarios.MedicalBurden.burden(Scenarios.of(risk), life, eliminated.at());
      } else {
        risk = Rule.DISASTER_LOSS;
        alert =
            ShockScenarios.DisasterLoss.report(
                Scenarios.of(risk), life, life.daysAfter(eliminated.at(), 10, 60));
      }
      life.moreLabels.add(alert);
      List<String> evidence = new ArrayList<>(alert.evidence());
      evidence.add(eliminated.id());
      CadreWork.follow(life, alert.expectedAt(), risk);
      return new GroundTruth(
          life.household.id(),
          rule(),
          alert.expectedAt(),
          evidence,
          risk
              + " "
              + java.time.Duration.between(eliminated.at(), alert.expectedAt()).toDays()
              + " days after risk elimination; within "
              + limits.relapseMonths()
              + " months");
    }
  }
}
