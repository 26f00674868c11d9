package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.Department;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.SchoolLeavingReason;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Household;
import org.shouwang.simulator.county.Member;

/**
 * Scenarios of the household's living conditions: medical and schooling costs, schooling, housing,
 * water, insurance.
 */
final class LivingScenarios {

  private LivingScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(
        new MedicalBurden(),
        new SchoolingBurden(),
        new SchoolDropout(),
        new UnsafeHousing(),
        new UnsafeWater(),
        new Uninsured());
  }

  /**
   * {@link Rule#MEDICAL_BURDEN}: two out-of-pocket medical expenses together over the threshold. In
   * half of the ordinary households (not formerly poor, not monitored) the household first declares
   * an illness, is identified and admitted, and only then pays 1.3–1.8 × the lower threshold of a
   * monitored household: over it only because the household is monitored (ADR 0005).
   */
  static final class MedicalBurden implements Scenario {

    @Override
    public Rule rule() {
      return Rule.MEDICAL_BURDEN;
    }

    @Override
    public GroundTruth apply(Life life) {
      if (life.income == null) {
        return null;
      }
      OffsetDateTime after = life.income.at();
      if (!life.monitored && !life.household.formerlyPoor() && life.random.nextBoolean()) {
        SimRecord declared =
            life.event(
                life.daysAfter(after, 2, 10),
                Source.SELF_DECLARATION,
                null,
                new EventData.SelfDeclared(RiskType.ILLNESS, "家人患病住院，医疗费用负担重"));
        SimRecord visit = CadreWork.homeVisit(life, life.daysAfter(declared.at(), 0.5, 3));
        SimRecord.Event admitted =
            CadreWork.admit(
                life,
                life.daysAfter(visit.at(), 1, 2),
                CadreWork.category(life.household, Rule.MEDICAL_BURDEN));
        if (admitted == null) {
          return null;
        }
        after = admitted.at();
      }
      return burden(this, life, after);
    }

    /**
     * Two inpatient costs after {@code after} that together reach 1.3–1.8 × the household's
     * threshold as its status stands (monitored or not); the second crosses it.
     */
    static GroundTruth burden(Scenario scenario, Life life, OffsetDateTime after) {
      Thresholds limits = life.config.thresholds();
      BigDecimal absolute = limits.medical(life.household.formerlyPoor(), life.monitored);
      double share = BenignLife.householdIncome(life).doubleValue() * limits.medicalIncomeShare();
      double threshold = Math.min(absolute.doubleValue(), share);
      double total = threshold * (1.3 + 0.5 * life.random.nextDouble());
      double firstPart = threshold * (0.3 + 0.3 * life.random.nextDouble());
      OffsetDateTime firstAt = Life.plusDays(after, 5 + 25 * life.random.nextDouble());
      OffsetDateTime secondAt = Life.plusDays(firstAt, 5 + 35 * life.random.nextDouble());
      if (!secondAt.isBefore(life.end.minusDays(1))) {
        return null;
      }
      Member patient = life.household.members().get(life.random.nextInt(life.household.size()));
      SimRecord first =
          life.department(
              firstAt,
              Department.MEDICAL_INSURANCE,
              new EventData.MedicalExpense(patient.id(), Life.yuan(firstPart), true));
      SimRecord second =
          life.department(
              secondAt,
              Department.MEDICAL_INSURANCE,
              new EventData.MedicalExpense(patient.id(), Life.yuan(total - firstPart), true));
      return scenario.label(
          life,
          second.at(),
          List.of(second, first),
          String.format(
              "out-of-pocket %.2f in 12 months; threshold %.2f (absolute %s%s, %.0f%% of income"
                  + " %.2f)",
              Life.yuan(firstPart).add(Life.yuan(total - firstPart)).doubleValue(),
              threshold,
              absolute,
              life.monitored ? " monitored" : "",
              limits.medicalIncomeShare() * 100,
              BenignLife.householdIncome(life).doubleValue()));
    }
  }

  /** {@link Rule#SCHOOLING_BURDEN}: self-paid schooling over the yearly threshold. */
  static final class SchoolingBurden implements Scenario {

    @Override
    public Rule rule() {
      return Rule.SCHOOLING_BURDEN;
    }

    @Override
    public boolean fits(Household household) {
      return household.members().stream().anyMatch(m -> m.age() >= 6 && m.age() <= 17);
    }

    @Override
    public GroundTruth apply(Life life) {
      List<Member> pupils =
          life.household.members().stream().filter(m -> m.age() >= 6 && m.age() <= 17).toList();
      Member pupil = pupils.get(life.random.nextInt(pupils.size()));
      BigDecimal limit = life.config.thresholds().schoolingPerYear();
      BigDecimal paid = life.money(limit.doubleValue() * 1.3, limit.doubleValue() * 2.0, 10);
      SimRecord cost =
          life.department(
              life.within(0.1, 0.9),
              Department.EDUCATION,
              new EventData.SchoolingCost(pupil.id(), paid));
      return label(
          life,
          cost.at(),
          List.of(cost),
          "self-paid schooling " + paid + " in one school year; threshold " + limit);
    }
  }

  /** {@link Rule#SCHOOL_DROPOUT}: a pupil of compulsory-schooling age leaves school. */
  static final class SchoolDropout implements Scenario {

    @Override
    public Rule rule() {
      return Rule.SCHOOL_DROPOUT;
    }

    @Override
    public boolean fits(Household household) {
      return household.members().stream().anyMatch(m -> m.age() >= 7 && m.age() <= 15);
    }

    @Override
    public GroundTruth apply(Life life) {
      List<Member> pupils =
          life.household.members().stream().filter(m -> m.age() >= 7 && m.age() <= 15).toList();
      Member pupil = pupils.get(life.random.nextInt(pupils.size()));
      // mostly with the reason; some departments send none (still a dropout)
      SimRecord left =
          life.department(
              life.within(0.1, 0.9),
              Department.EDUCATION,
              new EventData.SchoolEnrolmentChanged(
                  pupil.id(),
                  pupil.age(),
                  false,
                  life.random.nextDouble() < 0.8 ? SchoolLeavingReason.DROPPED_OUT : null));
      return label(
          life,
          left.at(),
          List.of(left),
          "member " + pupil.id() + " aged " + pupil.age() + " not enrolled");
    }
  }

  /** {@link Rule#UNSAFE_HOUSING}: the house is appraised grade C or D. */
  static final class UnsafeHousing implements Scenario {

    @Override
    public Rule rule() {
      return Rule.UNSAFE_HOUSING;
    }

    @Override
    public GroundTruth apply(Life life) {
      if (life.housing != null) {
        life.remove(life.housing);
      }
      HousingGrade grade = life.random.nextDouble() < 0.6 ? HousingGrade.C : HousingGrade.D;
      SimRecord.Event appraised =
          life.department(
              life.within(0.1, 0.9), Department.HOUSING, new EventData.HousingAssessed(grade));
      life.housing = appraised;
      return label(life, appraised.at(), List.of(appraised), "house appraised " + grade);
    }
  }

  /** {@link Rule#UNSAFE_WATER}: drinking water assessed unsafe or interrupted too long. */
  static final class UnsafeWater implements Scenario {

    @Override
    public Rule rule() {
      return Rule.UNSAFE_WATER;
    }

    @Override
    public GroundTruth apply(Life life) {
      if (life.water != null) {
        life.remove(life.water);
      }
      boolean unsafe = life.random.nextBoolean();
      int limit = life.config.thresholds().waterInterruptionDays();
      int days = unsafe ? life.random.nextInt(10) : limit + 10 + life.random.nextInt(50);
      SimRecord.Event assessed =
          life.department(
              life.within(0.1, 0.9), Department.WATER, new EventData.WaterAssessed(!unsafe, days));
      life.water = assessed;
      return label(
          life,
          assessed.at(),
          List.of(assessed),
          unsafe ? "water assessed unsafe" : days + " interruption days; limit " + limit);
    }
  }

  /** {@link Rule#UNINSURED}: a member leaves basic medical insurance. */
  static final class Uninsured implements Scenario {

    @Override
    public Rule rule() {
      return Rule.UNINSURED;
    }

    @Override
    public GroundTruth apply(Life life) {
      Member member = life.household.members().get(life.random.nextInt(life.household.size()));
      SimRecord lapse =
          life.department(
              life.within(0.1, 0.9),
              Department.MEDICAL_INSURANCE,
              new EventData.MedicalInsuranceChanged(member.id(), false));
      return label(
          life,
          lapse.at(),
          List.of(lapse),
          "member " + member.id() + " left basic medical insurance");
    }
  }
}
