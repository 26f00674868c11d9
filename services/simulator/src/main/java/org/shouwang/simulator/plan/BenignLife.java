package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.Department;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.RiskType;
import org.shouwang.events.SchoolLeavingReason;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Entitlement;
import org.shouwang.simulator.county.Household;
import org.shouwang.simulator.county.Member;

/**
 * A household's ordinary year, kept below every rule threshold: incomes at least {@code
 * benignIncomeFactor} times the line, small medical and schooling costs, jobs lost only where
 * another labourer keeps working, safe housing and water, everyone insured, loans current, payments
 * on time and in full, measures within days of monitoring, eliminations only after the minimum
 * months.
 */
final class BenignLife {

  /** Share of households whose income falls by a third yet stays well above the line. */
  static final double BENIGN_DROP_SHARE = 0.05;

  /** Share of households whose only working labourers lose their jobs and find work in time. */
  static final double BENIGN_UNEMPLOYMENT_SHARE = 0.05;

  private BenignLife() {}

  /**
   * Writes the household's year into {@code life}. A quiet life (a scenario household) leaves out
   * the optional costs and changes, so only the injected scenario stands out.
   */
  static void live(Life life, boolean quiet) {
    Household h = life.household;
    Thresholds limits = life.config.thresholds();
    life.registeredAt =
        Life.plusDays(
            life.start, 0.25 * h.index() / Math.max(1, life.config.county().households()));
    life.event(
        life.registeredAt,
        Source.SYSTEM,
        null,
        new EventData.HouseholdRegistered(
            h.township().code(),
            h.township().name(),
            h.village().code(),
            h.village().name(),
            h.size(),
            h.labourers(),
            h.formerlyPoor(),
            h.cadreId(),
            h.monitoringCategory()));
    life.dayOne = Life.plusDays(life.start, 1 + 0.5 * life.random.nextDouble());

    OffsetDateTime monitoredAt = null;
    if (h.monitored()) {
      monitoredAt = monitored(life);
    }
    for (Member member : h.members()) {
      life.department(
          life.dayOne.plusMinutes(1),
          Department.MEDICAL_INSURANCE,
          new EventData.MedicalInsuranceChanged(member.id(), true));
    }
    employment(life);
    if (!quiet && h.labourers() != 1) {
      // a certificate could look like a lost labourer where there is only one: leave it out there
      for (Member member : h.members()) {
        if (member.disabled()) {
          life.department(
              life.dayOne.plusMinutes(5),
              Department.DISABLED_PERSONS_FEDERATION,
              new EventData.DisabilityCertified(member.id(), member.disabilityGrade()));
        }
      }
    }
    for (Entitlement entitlement : h.entitlements()) {
      entitlement(life, entitlement);
    }
    life.housing =
        life.department(
            life.within(0.1, 0.9),
            Department.HOUSING,
            new EventData.HousingAssessed(
                life.random.nextDouble() < 0.6 ? HousingGrade.A : HousingGrade.B));
    life.water =
        life.department(
            life.within(0.1, 0.9),
            Department.WATER,
            new EventData.WaterAssessed(true, life.random.nextInt(13)));
    income(life, limits);
    if (!quiet) {
      if (monitoredAt != null) {
        visitMonitored(life, monitoredAt);
        eliminate(life, monitoredAt);
      }
      medical(life, limits);
      schooling(life);
      jobChurn(life);
      loan(life);
      incomeDrop(life, limits);
      declinedDeclaration(life);
    }
  }

  /** Share of households not monitored that declare themselves and are found not at risk. */
  static final double DECLINED_DECLARATION_SHARE = 0.01;

  /**
   * A household not monitored declares itself; the cadre visits within 1–3 days and the full
   * procedure ends within the identification days with the county declining ({@code
   * admitted=false}, a reason): the decision stops the clock, no alert (ADR 0005).
   */
  private static void declinedDeclaration(Life life) {
    if (life.monitored || life.random.nextDouble() >= DECLINED_DECLARATION_SHARE) {
      return;
    }
    SimRecord.Event declared =
        life.event(
            life.within(0.1, 0.85),
            Source.SELF_DECLARATION,
            null,
            new EventData.SelfDeclared(RiskType.OTHER, "农户通过12317热线申报：担心收入不稳"));
    SimRecord.Event visit = CadreWork.homeVisit(life, life.daysAfter(declared.at(), 1, 3));
    if (visit != null) {
      CadreWork.identification(
          life,
          life.daysAfter(visit.at(), 1, 2),
          CadreWork.fullPublicity(life),
          false,
          null,
          "经入户核实，家庭收入稳定高于监测线，无返贫致贫风险");
    }
  }

  /**
   * Already monitored at the start: the monitoring event a minute after registration and a fitting
   * measure (developmental with labourers, 兜底 welfare without) 3–20 days later. Returns when
   * monitoring began.
   */
  private static OffsetDateTime monitored(Life life) {
    Household h = life.household;
    OffsetDateTime monitoredAt = life.registeredAt.plusMinutes(1);
    life.event(
        monitoredAt,
        Source.SYSTEM,
        null,
        new EventData.MonitoringStatusChanged(
            MonitoringStatus.MONITORED, h.monitoringCategory(), null));
    CadreWork.measure(life, Life.plusDays(monitoredAt, 3 + 17 * life.random.nextDouble()));
    return monitoredAt;
  }

  /**
   * A third of the monitored households get a cadre's home visit (a case verified on a household
   * already monitored) 30–150 days after monitoring began, before any elimination: ADR 0005 says it
   * starts no identification clock.
   */
  private static void visitMonitored(Life life, OffsetDateTime monitoredAt) {
    if (life.random.nextDouble() < 1 / 3.0) {
      CadreWork.homeVisit(life, life.daysAfter(monitoredAt, 30, 150));
    }
  }

  /**
   * About 30 % of monitored households with labourers have their risk eliminated as the ADR asks:
   * at least the minimum months (plus 15 days) after monitoring began, a second income assessment
   * above the line shortly before (income stably above it), a developmental measure delivered, no
   * open condition, the full procedure with publicity over the minimum. Households with nobody able
   * to work stay monitored (兜底).
   */
  private static void eliminate(Life life, OffsetDateTime monitoredAt) {
    Thresholds limits = life.config.thresholds();
    OffsetDateTime earliest = monitoredAt.plusMonths(limits.eliminationMonths()).plusDays(15);
    OffsetDateTime latest = life.end.minusDays(12);
    if (life.household.labourers() == 0
        || life.income == null
        || !earliest.isBefore(latest)
        || life.random.nextDouble() >= 0.3) {
      return;
    }
    OffsetDateTime reviewAt = life.between(earliest, latest);
    reassess(life, life.daysAfter(reviewAt, -30, -5));
    CadreWork.elimination(life, reviewAt, CadreWork.fullPublicity(life), EliminationType.ASSISTED);
  }

  /**
   * A further income assessment close to the last one (at most 3 % lower), at least {@code
   * benignIncomeFactor} + 0.05 times its year's line: income stably above the line.
   */
  static SimRecord.Event reassess(Life life, OffsetDateTime assessedAt) {
    Thresholds limits = life.config.thresholds();
    int year = assessedAt.getYear();
    BigDecimal first = income(life.income).netIncomePerCapita();
    BigDecimal floor =
        life.config
            .lines()
            .of(year)
            .multiply(BigDecimal.valueOf(limits.benignIncomeFactor() + 0.05));
    BigDecimal again =
        first
            .multiply(BigDecimal.valueOf(0.97 + 0.13 * life.random.nextDouble()))
            .max(floor)
            .setScale(0, RoundingMode.HALF_UP);
    SimRecord.Event assessed =
        life.event(assessedAt, Source.CADRE_VISIT, null, new EventData.IncomeAssessed(year, again));
    if (assessed != null) {
      life.income = assessed;
      life.incomes.add(assessed);
    }
    return assessed;
  }

  private static void employment(Life life) {
    Household h = life.household;
    String welfareJobMember =
        h.entitlements().stream()
            .filter(e -> e.programme() == org.shouwang.events.Programme.PUBLIC_WELFARE_JOB)
            .map(Entitlement::memberId)
            .findFirst()
            .orElse(null);
    for (Member member : h.labourerMembers()) {
      EmploymentKind kind;
      BigDecimal pay;
      if (member.id().equals(welfareJobMember)) {
        kind = EmploymentKind.PUBLIC_WELFARE_JOB;
        pay =
            h.entitlements().stream()
                .filter(e -> e.programme() == org.shouwang.events.Programme.PUBLIC_WELFARE_JOB)
                .findFirst()
                .orElseThrow()
                .monthlyAmount();
      } else {
        double pick = life.random.nextDouble();
        kind =
            pick < 0.4
                ? EmploymentKind.LOCAL
                : pick < 0.85 ? EmploymentKind.MIGRANT : EmploymentKind.WORKSHOP;
        pay = life.money(1800, 6000, 100);
      }
      life.jobs.put(member.id(), kind);
      life.department(
          life.dayOne.plusMinutes(2),
          Department.HUMAN_RESOURCES,
          new EventData.EmploymentChanged(member.id(), true, kind, pay));
    }
  }

  /** Grants an entitlement on day one and pays every month on time and in full. */
  static void entitlement(Life life, Entitlement entitlement) {
    OffsetDateTime grantedAt = life.dayOne.plusMinutes(10 + life.random.nextInt(120));
    SimRecord.Event grant =
        life.department(
            grantedAt,
            Life.grantingDepartment(entitlement.programme()),
            new EventData.EntitlementChanged(
                entitlement.programme(), true, entitlement.monthlyAmount()));
    if (grant == null) {
      return;
    }
    life.grants.put(entitlement.programme(), grant);
    List<SimRecord.Payment> paid = new ArrayList<>();
    YearMonth first = YearMonth.from(grantedAt);
    for (YearMonth month = first;
        !month.atDay(1).isAfter(life.end.toLocalDate());
        month = month.plusMonths(1)) {
      OffsetDateTime paidAt;
      if (month.equals(first)) {
        paidAt = grantedAt.plusHours(2).plusMinutes(life.random.nextInt(60));
      } else {
        paidAt =
            month
                .atDay(3 + life.random.nextInt(8))
                .atTime(9, 0)
                .atOffset(SimulationConfig.CHINA)
                .plusMinutes(life.random.nextInt(480));
      }
      SimRecord.Payment payment =
          life.pay(paidAt, entitlement.programme(), month.toString(), entitlement.monthlyAmount());
      if (payment != null) {
        paid.add(payment);
      }
    }
    life.payments.put(entitlement.programme(), paid);
  }

  private static void income(Life life, Thresholds limits) {
    OffsetDateTime at = life.within(0.04, 0.2);
    int year = at.getYear();
    BigDecimal line = life.config.lines().of(year);
    double factor = Math.max(life.household.incomeFactor(), limits.benignIncomeFactor() + 0.05);
    life.income =
        life.event(
            at,
            Source.CADRE_VISIT,
            null,
            new EventData.IncomeAssessed(
                year, line.multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP)));
    life.incomes.add(life.income);
  }

  static EventData.IncomeAssessed income(SimRecord.Event event) {
    return event.event().dataAs(EventData.IncomeAssessed.class);
  }

  /**
   * For some households a second assessment 120–200 days after the first, at least the drop share
   * lower, yet still so high that, less every rigid expense of the household's year per person, it
   * stays above 1.6 × the line (the rule needs below {@code incomeDropLineMargin}, 1.5): a fall
   * that is no risk.
   */
  private static void incomeDrop(Life life, Thresholds limits) {
    if (life.incomes.size() != 1 || life.random.nextDouble() >= BENIGN_DROP_SHARE) {
      return;
    }
    OffsetDateTime at = life.daysAfter(life.income.at(), 120, 200);
    if (!at.isBefore(life.end.minusDays(2))) {
      return;
    }
    BigDecimal before = income(life.income).netIncomePerCapita();
    double rigidPerPerson = rigidExpenses(life) / life.household.size();
    double floor =
        life.config.lines().of(at.getYear()).doubleValue() * (limits.incomeDropLineMargin() + 0.1)
            + rigidPerPerson;
    double after = before.doubleValue() * (0.55 + 0.1 * life.random.nextDouble());
    if (after < floor || after > before.doubleValue() * (1 - limits.incomeDropShare() - 0.03)) {
      return;
    }
    life.income =
        life.event(
            at,
            Source.CADRE_VISIT,
            null,
            new EventData.IncomeAssessed(
                at.getYear(), BigDecimal.valueOf(after).setScale(0, RoundingMode.UP)));
    life.incomes.add(life.income);
  }

  /** Every medical out-of-pocket and self-paid schooling cost of the household so far. */
  static double rigidExpenses(Life life) {
    double sum = 0;
    for (SimRecord record : life.records) {
      if (record instanceof SimRecord.Event e) {
        if (e.event().data() instanceof EventData.MedicalExpense m) {
          sum += m.outOfPocket().doubleValue();
        } else if (e.event().data() instanceof EventData.SchoolingCost c) {
          sum += c.selfPaid().doubleValue();
        }
      }
    }
    return sum;
  }

  /** Household income a year as last assessed: per capita times members. */
  static BigDecimal householdIncome(Life life) {
    EventData.IncomeAssessed assessed = life.income.event().dataAs(EventData.IncomeAssessed.class);
    return assessed.netIncomePerCapita().multiply(BigDecimal.valueOf(life.household.size()));
  }

  private static void medical(Life life, Thresholds limits) {
    if (life.income == null || life.random.nextDouble() >= 0.3) {
      return;
    }
    // the lower threshold of monitored households, even where risk is eliminated later
    double cap =
        Math.min(
            0.4
                * limits
                    .medical(life.household.formerlyPoor(), life.household.monitored())
                    .doubleValue(),
            0.15 * householdIncome(life).doubleValue());
    int count = 1 + life.random.nextInt(2);
    if (cap < 100 * count) {
      return;
    }
    OffsetDateTime after = life.income.at().plusDays(1);
    for (int i = 0; i < count; i++) {
      Member member = life.household.members().get(life.random.nextInt(life.household.size()));
      life.department(
          life.between(after, life.atFraction(0.95)),
          Department.MEDICAL_INSURANCE,
          new EventData.MedicalExpense(
              member.id(),
              Life.yuan(50 + life.random.nextDouble() * (cap / count - 50)),
              life.random.nextDouble() < 0.2));
    }
  }

  /**
   * Enrolment each September for pupils of compulsory-school age, a 16-year-old leaving school in
   * July once junior middle school is finished ({@code EDUCATION_COMPLETED}: no dropout, and not
   * enrolled again), and for 40 % a small schooling cost.
   */
  private static void schooling(Life life) {
    List<Member> pupils =
        life.household.members().stream().filter(m -> m.age() >= 6 && m.age() <= 17).toList();
    if (pupils.isEmpty()) {
      return;
    }
    java.util.Map<String, OffsetDateTime> finished = new java.util.HashMap<>();
    for (Member pupil : pupils) {
      if (pupil.age() == 16) {
        OffsetDateTime july = firstAfter(life, MonthDay.of(7, 5));
        if (july != null && life.beforeEnd(july.plusDays(12))) {
          SimRecord.Event left =
              life.department(
                  Life.plusDays(july, 10 * life.random.nextDouble()),
                  Department.EDUCATION,
                  new EventData.SchoolEnrolmentChanged(
                      pupil.id(), 16, false, SchoolLeavingReason.EDUCATION_COMPLETED));
          finished.put(pupil.id(), left.at());
        }
      }
    }
    for (int year = life.start.getYear(); year <= life.end.getYear(); year++) {
      OffsetDateTime term =
          MonthDay.of(9, 1).atYear(year).atTime(8, 0).atOffset(SimulationConfig.CHINA);
      if (term.isAfter(life.start.plusDays(2)) && life.beforeEnd(term.plusDays(10))) {
        for (Member pupil : pupils) {
          OffsetDateTime left = finished.get(pupil.id());
          if (pupil.compulsorySchoolAge() && (left == null || term.isBefore(left))) {
            life.department(
                Life.plusDays(term, 10 * life.random.nextDouble()),
                Department.EDUCATION,
                new EventData.SchoolEnrolmentChanged(pupil.id(), pupil.age(), true));
          }
        }
      }
    }
    if (life.random.nextDouble() < 0.4) {
      Member pupil = pupils.get(life.random.nextInt(pupils.size()));
      life.department(
          life.within(0.05, 0.95),
          Department.EDUCATION,
          new EventData.SchoolingCost(pupil.id(), life.money(300, 5000, 10)));
    }
  }

  /** The first time of a day of the year, 08:00, at least two days after the start; or null. */
  private static OffsetDateTime firstAfter(Life life, MonthDay day) {
    for (int year = life.start.getYear(); year <= life.end.getYear(); year++) {
      OffsetDateTime at = day.atYear(year).atTime(8, 0).atOffset(SimulationConfig.CHINA);
      if (at.isAfter(life.start.plusDays(2))) {
        return life.beforeEnd(at) ? at : null;
      }
    }
    return null;
  }

  /**
   * One labourer loses a job and finds another 20–70 days later while someone else keeps working;
   * or, for some households, every working labourer loses their job and one finds work again 20–75
   * days later, within the {@code unemploymentWaitMonths} (3) a labour loss waits for.
   */
  private static void jobChurn(Life life) {
    List<Member> ordinaryJobs =
        life.household.labourerMembers().stream()
            .filter(m -> life.jobs.get(m.id()) != EmploymentKind.PUBLIC_WELFARE_JOB)
            .toList();
    if (ordinaryJobs.isEmpty()) {
      return;
    }
    if (ordinaryJobs.size() == life.jobs.size()
        && life.random.nextDouble() < BENIGN_UNEMPLOYMENT_SHARE) {
      OffsetDateTime lost = life.within(0.1, 0.7);
      OffsetDateTime last = lost;
      for (Member member : ordinaryJobs) {
        last = life.daysAfter(last, 0, 4);
        life.department(
            last,
            Department.HUMAN_RESOURCES,
            new EventData.EmploymentChanged(member.id(), false, life.jobs.get(member.id()), null));
      }
      Member back = ordinaryJobs.get(life.random.nextInt(ordinaryJobs.size()));
      life.department(
          life.daysAfter(last, 20, 75),
          Department.HUMAN_RESOURCES,
          new EventData.EmploymentChanged(
              back.id(), true, EmploymentKind.LOCAL, life.money(1800, 6000, 100)));
      return;
    }
    if (life.household.labourers() < 2 || life.random.nextDouble() >= 0.15) {
      return;
    }
    Member member = ordinaryJobs.get(life.random.nextInt(ordinaryJobs.size()));
    OffsetDateTime lost = life.within(0.1, 0.7);
    life.department(
        lost,
        Department.HUMAN_RESOURCES,
        new EventData.EmploymentChanged(member.id(), false, life.jobs.get(member.id()), null));
    EmploymentKind next =
        life.random.nextDouble() < 0.5 ? EmploymentKind.LOCAL : EmploymentKind.MIGRANT;
    life.department(
        Life.plusDays(lost, 20 + 50 * life.random.nextDouble()),
        Department.HUMAN_RESOURCES,
        new EventData.EmploymentChanged(member.id(), true, next, life.money(1800, 6000, 100)));
  }

  private static void loan(Life life) {
    if (!life.household.formerlyPoor() || life.random.nextDouble() >= 0.12) {
      return;
    }
    String loanId = "loan-" + life.household.id() + "-1";
    BigDecimal principal = life.money(10_000, 50_000, 1000);
    life.event(
        life.dayOne.plusMinutes(30),
        Source.SYSTEM,
        null,
        new EventData.LoanStatusChanged(loanId, principal, LoanStatus.CURRENT, 0));
    if (life.random.nextDouble() < 0.3) {
      life.event(
          life.within(0.3, 0.95),
          Source.SYSTEM,
          null,
          new EventData.LoanStatusChanged(loanId, principal, LoanStatus.REPAID, 0));
    }
  }
}
