package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Department;
import org.shouwang.events.DisasterKind;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.simulator.county.CountyGenerator;
import org.shouwang.simulator.county.Household;
import org.shouwang.simulator.county.Member;

/**
 * The labelled risk scenarios, one per rule code: each changes a quiet household's year so that
 * exactly its rule fires, clearly over the threshold, and returns the label.
 */
final class Scenarios {

  /** Serials of households that were never registered start here (townships stop far below). */
  static final int UNREGISTERED_SERIAL = 90_001;

  private Scenarios() {}

  /** Which households a rule's scenario can use. */
  static Predicate<Household> eligible(Rule rule) {
    return switch (rule) {
      case SCHOOLING_BURDEN ->
          h -> h.members().stream().anyMatch(m -> m.age() >= 6 && m.age() <= 17);
      case SCHOOL_DROPOUT -> h -> h.members().stream().anyMatch(m -> m.age() >= 7 && m.age() <= 15);
      case LABOUR_LOSS ->
          h ->
              h.labourers() >= 1
                  && h.entitlements().stream()
                      .noneMatch(e -> e.programme() == Programme.PUBLIC_WELFARE_JOB);
      case PAYMENT_MISSED, PAYMENT_SHORTFALL, DUPLICATE_PAYMENT -> h -> !h.entitlements().isEmpty();
      case CONFLICTING_BENEFITS ->
          h ->
              h.entitlements().stream()
                  .anyMatch(e -> e.programme() == Programme.MINIMUM_LIVING_ALLOWANCE);
      case PAYMENT_TO_INACTIVE ->
          h -> h.size() == 1 && h.labourers() == 0 && !h.entitlements().isEmpty();
      case NO_MEASURE, PREMATURE_ELIMINATION -> h -> !h.monitored() && h.labourers() >= 1;
      case PAYMENT_UNREGISTERED -> h -> false;
      default -> h -> true;
    };
  }

  /**
   * Applies a rule's scenario to a quiet household; the label, or {@code null} if it cannot fit.
   */
  static GroundTruth apply(Rule rule, Life life) {
    return switch (rule) {
      case LOW_INCOME -> lowIncome(life);
      case INCOME_DROP -> incomeDrop(life);
      case MEDICAL_BURDEN -> medicalBurden(life);
      case SCHOOLING_BURDEN -> schoolingBurden(life);
      case SCHOOL_DROPOUT -> dropout(life);
      case UNSAFE_HOUSING -> housing(life);
      case UNSAFE_WATER -> water(life);
      case UNINSURED -> uninsured(life);
      case DISASTER_LOSS -> disaster(life);
      case LABOUR_LOSS -> labourLoss(life);
      case BUSINESS_FAILURE -> businessFailure(life);
      case LOAN_OVERDUE -> loanOverdue(life);
      case PAYMENT_MISSED -> missed(life);
      case PAYMENT_SHORTFALL -> shortfall(life);
      case DUPLICATE_PAYMENT -> duplicate(life);
      case CONFLICTING_BENEFITS -> conflicting(life);
      case PAYMENT_TO_INACTIVE -> inactive(life);
      case NO_MEASURE -> noMeasure(life);
      case PREMATURE_ELIMINATION -> premature(life);
      case PAYMENT_UNREGISTERED -> throw new IllegalArgumentException("not a household scenario");
    };
  }

  private static GroundTruth label(
      Life life, Rule rule, OffsetDateTime at, List<SimRecord> evidence, String detail) {
    return new GroundTruth(
        life.household.id(), rule, at, evidence.stream().map(SimRecord::id).toList(), detail);
  }

  private static EventData.IncomeAssessed income(SimRecord.Event event) {
    return event.event().dataAs(EventData.IncomeAssessed.class);
  }

  private static GroundTruth lowIncome(Life life) {
    if (life.income == null) {
      return null;
    }
    int year = income(life.income).year();
    BigDecimal line = life.config.lines().of(year);
    BigDecimal low =
        line.multiply(BigDecimal.valueOf(0.45 + 0.35 * life.random.nextDouble()))
            .setScale(0, RoundingMode.HALF_UP);
    SimRecord.Event changed = Life.withData(life.income, new EventData.IncomeAssessed(year, low));
    life.replace(life.income, changed);
    life.income = changed;
    return label(
        life,
        Rule.LOW_INCOME,
        changed.at(),
        List.of(changed),
        "per-capita income " + low + " below the " + year + " line " + line);
  }

  private static GroundTruth incomeDrop(Life life) {
    if (life.income == null) {
      return null;
    }
    OffsetDateTime first = life.income.at();
    OffsetDateTime second = Life.plusDays(first, 120 + 80 * life.random.nextDouble());
    OffsetDateTime latest = life.end.minusDays(2);
    if (!second.isBefore(latest)) {
      second = life.between(first.plusDays(20), latest);
      if (!second.isAfter(first.plusDays(19))) {
        return null;
      }
    }
    int year1 = income(life.income).year();
    BigDecimal before =
        life.config
            .lines()
            .of(year1)
            .multiply(BigDecimal.valueOf(3.0 + 0.5 * life.random.nextDouble()))
            .setScale(0, RoundingMode.HALF_UP);
    int year2 = second.getYear();
    BigDecimal floor =
        life.config
            .lines()
            .of(year2)
            .multiply(BigDecimal.valueOf(1.15))
            .setScale(0, RoundingMode.UP);
    BigDecimal after =
        before
            .multiply(BigDecimal.valueOf(0.45 + 0.15 * life.random.nextDouble()))
            .setScale(0, RoundingMode.HALF_UP)
            .max(floor);
    double drop = 1 - after.doubleValue() / before.doubleValue();
    if (drop < life.config.thresholds().incomeDropShare() + 0.05) {
      return null;
    }
    SimRecord.Event earlier =
        Life.withData(life.income, new EventData.IncomeAssessed(year1, before));
    life.replace(life.income, earlier);
    life.income = earlier;
    SimRecord.Event later =
        life.event(second, Source.CADRE_VISIT, null, new EventData.IncomeAssessed(year2, after));
    life.income = later;
    return label(
        life,
        Rule.INCOME_DROP,
        later.at(),
        List.of(later, earlier),
        String.format("per-capita income fell %.0f%% from %s to %s", drop * 100, before, after));
  }

  private static GroundTruth medicalBurden(Life life) {
    if (life.income == null) {
      return null;
    }
    Thresholds limits = life.config.thresholds();
    BigDecimal absolute = limits.medical(life.household.formerlyPoor());
    double share = BenignLife.householdIncome(life).doubleValue() * limits.medicalIncomeShare();
    double threshold = Math.min(absolute.doubleValue(), share);
    double total = threshold * (1.3 + 0.5 * life.random.nextDouble());
    double firstPart = threshold * (0.3 + 0.3 * life.random.nextDouble());
    OffsetDateTime firstAt = Life.plusDays(life.income.at(), 5 + 25 * life.random.nextDouble());
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
    return label(
        life,
        Rule.MEDICAL_BURDEN,
        second.at(),
        List.of(second, first),
        String.format(
            "out-of-pocket %.2f in 12 months; threshold %.2f (absolute %s, %.0f%% of income %.2f)",
            Life.yuan(firstPart).add(Life.yuan(total - firstPart)).doubleValue(),
            threshold,
            absolute,
            limits.medicalIncomeShare() * 100,
            BenignLife.householdIncome(life).doubleValue()));
  }

  private static GroundTruth schoolingBurden(Life life) {
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
        Rule.SCHOOLING_BURDEN,
        cost.at(),
        List.of(cost),
        "self-paid schooling " + paid + " in one school year; threshold " + limit);
  }

  private static GroundTruth dropout(Life life) {
    List<Member> pupils =
        life.household.members().stream().filter(m -> m.age() >= 7 && m.age() <= 15).toList();
    Member pupil = pupils.get(life.random.nextInt(pupils.size()));
    SimRecord left =
        life.department(
            life.within(0.1, 0.9),
            Department.EDUCATION,
            new EventData.SchoolEnrolmentChanged(pupil.id(), pupil.age(), false));
    return label(
        life,
        Rule.SCHOOL_DROPOUT,
        left.at(),
        List.of(left),
        "member " + pupil.id() + " aged " + pupil.age() + " not enrolled");
  }

  private static GroundTruth housing(Life life) {
    if (life.housing != null) {
      life.remove(life.housing);
    }
    HousingGrade grade = life.random.nextDouble() < 0.6 ? HousingGrade.C : HousingGrade.D;
    SimRecord.Event appraised =
        life.department(
            life.within(0.1, 0.9), Department.HOUSING, new EventData.HousingAssessed(grade));
    life.housing = appraised;
    return label(
        life, Rule.UNSAFE_HOUSING, appraised.at(), List.of(appraised), "house appraised " + grade);
  }

  private static GroundTruth water(Life life) {
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
        Rule.UNSAFE_WATER,
        assessed.at(),
        List.of(assessed),
        unsafe ? "water assessed unsafe" : days + " interruption days; limit " + limit);
  }

  private static GroundTruth uninsured(Life life) {
    Member member = life.household.members().get(life.random.nextInt(life.household.size()));
    SimRecord lapse =
        life.department(
            life.within(0.1, 0.9),
            Department.MEDICAL_INSURANCE,
            new EventData.MedicalInsuranceChanged(member.id(), false));
    return label(
        life,
        Rule.UNINSURED,
        lapse.at(),
        List.of(lapse),
        "member " + member.id() + " left basic medical insurance");
  }

  private static GroundTruth disaster(Life life) {
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
            life.within(0.1, 0.9),
            Department.EMERGENCY_MANAGEMENT,
            new EventData.DisasterReported(kind, loss));
    return label(life, Rule.DISASTER_LOSS, report.at(), List.of(report), kind + " loss " + loss);
  }

  private static GroundTruth labourLoss(Life life) {
    List<Member> labourers = life.household.labourerMembers();
    if (labourers.size() == 1) {
      Member labourer = labourers.get(0);
      BigDecimal loss = life.money(3_000, 30_000, 100);
      SimRecord accident =
          life.department(
              life.within(0.1, 0.9),
              Department.PUBLIC_SECURITY,
              new EventData.AccidentReported(labourer.id(), loss, true));
      return label(
          life,
          Rule.LABOUR_LOSS,
          accident.at(),
          List.of(accident),
          "accident took the only labourer " + labourer.id());
    }
    OffsetDateTime at = life.within(0.1, 0.7);
    if (!Life.plusDays(at, 13.0 * labourers.size()).isBefore(life.end)) {
      return null;
    }
    List<SimRecord> lost = new ArrayList<>();
    for (Member labourer : labourers) {
      EmploymentKind kind = life.jobs.getOrDefault(labourer.id(), EmploymentKind.LOCAL);
      lost.add(
          0,
          life.department(
              at,
              Department.HUMAN_RESOURCES,
              new EventData.EmploymentChanged(labourer.id(), false, kind, null)));
      at = Life.plusDays(at, 3 + 10 * life.random.nextDouble());
    }
    return label(
        life,
        Rule.LABOUR_LOSS,
        lost.get(0).at(),
        lost,
        "all " + labourers.size() + " labourers lost their jobs");
  }

  private static GroundTruth businessFailure(Life life) {
    BigDecimal loss = life.money(8_000, 60_000, 100);
    SimRecord failure =
        life.department(
            life.within(0.1, 0.9), Department.AGRICULTURE, new EventData.BusinessFailed(loss));
    return label(
        life,
        Rule.BUSINESS_FAILURE,
        failure.at(),
        List.of(failure),
        "project failed, loss " + loss);
  }

  private static GroundTruth loanOverdue(Life life) {
    String loanId = "loan-" + life.household.id() + "-1";
    BigDecimal principal = life.money(10_000, 50_000, 1000);
    SimRecord current =
        life.event(
            life.dayOne.plusMinutes(30),
            Source.SYSTEM,
            null,
            new EventData.LoanStatusChanged(loanId, principal, LoanStatus.CURRENT, 0));
    int days = 35 + life.random.nextInt(116);
    SimRecord overdue =
        life.event(
            life.within(0.2, 0.9),
            Source.SYSTEM,
            null,
            new EventData.LoanStatusChanged(loanId, principal, LoanStatus.OVERDUE, days));
    return label(
        life,
        Rule.LOAN_OVERDUE,
        overdue.at(),
        List.of(overdue, current),
        "microcredit " + principal + " overdue " + days + " days");
  }

  /** A programme with at least {@code minimum} payments, picked at random, or {@code null}. */
  private static Programme programmeWithPayments(Life life, int minimum) {
    List<Programme> candidates =
        life.payments.entrySet().stream()
            .filter(e -> e.getValue().size() >= minimum)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    return candidates.isEmpty() ? null : candidates.get(life.random.nextInt(candidates.size()));
  }

  private static GroundTruth missed(Life life) {
    int grace = life.config.thresholds().paymentGraceDays();
    Programme programme = programmeWithPayments(life, 3);
    if (programme == null) {
      return null;
    }
    List<SimRecord.Payment> paid = life.payments.get(programme);
    List<SimRecord.Payment> candidates = new ArrayList<>();
    for (int i = 1; i < paid.size(); i++) {
      YearMonth period = YearMonth.parse(paid.get(i).payment().period());
      if (Life.graceEnd(period, grace).isBefore(life.end.minusDays(1))) {
        candidates.add(paid.get(i));
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    SimRecord.Payment skipped = candidates.get(life.random.nextInt(candidates.size()));
    life.remove(skipped);
    paid.remove(skipped);
    String period = skipped.payment().period();
    SimRecord.Event grant = life.grants.get(programme);
    return label(
        life,
        Rule.PAYMENT_MISSED,
        Life.graceEnd(YearMonth.parse(period), grace),
        List.of(grant),
        programme + " granted but nothing paid for " + period);
  }

  private static GroundTruth shortfall(Life life) {
    Programme programme = programmeWithPayments(life, 2);
    if (programme == null) {
      return null;
    }
    List<SimRecord.Payment> paid = life.payments.get(programme);
    int index = 1 + life.random.nextInt(paid.size() - 1);
    SimRecord.Payment full = paid.get(index);
    BigDecimal granted = full.payment().amount();
    BigDecimal less =
        granted
            .multiply(BigDecimal.valueOf(0.5 + 0.2 * life.random.nextDouble()))
            .setScale(2, RoundingMode.DOWN);
    SimRecord.Payment skimmed = Life.withAmount(full, less);
    life.replace(full, skimmed);
    paid.set(index, skimmed);
    return label(
        life,
        Rule.PAYMENT_SHORTFALL,
        skimmed.at(),
        List.of(skimmed, life.grants.get(programme)),
        programme + " paid " + less + " for " + full.payment().period() + "; granted " + granted);
  }

  private static GroundTruth duplicate(Life life) {
    Programme programme = programmeWithPayments(life, 1);
    if (programme == null) {
      return null;
    }
    List<SimRecord.Payment> paid = life.payments.get(programme);
    List<SimRecord.Payment> candidates =
        paid.stream().filter(p -> p.at().plusDays(6).isBefore(life.end)).toList();
    if (candidates.isEmpty()) {
      return null;
    }
    SimRecord.Payment original = candidates.get(life.random.nextInt(candidates.size()));
    SubsidyPayment o = original.payment();
    SimRecord.Payment again =
        life.pay(
            Life.plusDays(original.at(), 1 + 4 * life.random.nextDouble()),
            programme,
            o.period(),
            o.amount());
    return label(
        life,
        Rule.DUPLICATE_PAYMENT,
        again.at(),
        List.of(again, original),
        programme + " paid twice for " + o.period());
  }

  private static GroundTruth conflicting(Life life) {
    List<SimRecord.Payment> allowance = life.payments.get(Programme.MINIMUM_LIVING_ALLOWANCE);
    if (allowance == null) {
      return null;
    }
    List<SimRecord.Payment> candidates =
        allowance.stream().filter(p -> p.at().plusDays(4).isBefore(life.end)).toList();
    if (candidates.isEmpty()) {
      return null;
    }
    SimRecord.Payment paid = candidates.get(life.random.nextInt(candidates.size()));
    BigDecimal monthly =
        life.config
            .standards()
            .extremePovertyDispersedPerYear()
            .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    SimRecord.Payment support =
        life.pay(
            paid.at().plusHours(1 + life.random.nextInt(70)),
            Programme.EXTREME_POVERTY_SUPPORT,
            paid.payment().period(),
            monthly);
    return label(
        life,
        Rule.CONFLICTING_BENEFITS,
        support.at(),
        List.of(support, paid),
        "低保 and 特困 both paid for " + paid.payment().period());
  }

  private static GroundTruth inactive(Life life) {
    Programme programme = programmeWithPayments(life, 3);
    if (programme == null) {
      return null;
    }
    List<SimRecord.Payment> paid = life.payments.get(programme);
    int index = 2 + life.random.nextInt(paid.size() - 2);
    SimRecord.Payment after = paid.get(index);
    OffsetDateTime previous = paid.get(index - 1).at().plusDays(1);
    OffsetDateTime latest = after.at().minusDays(5);
    if (!previous.isBefore(latest)) {
      return null;
    }
    OffsetDateTime died = life.between(previous, latest);
    // nothing but money happens to a household after its last member died
    life.records.removeIf(r -> r.kind() == SimRecord.Kind.EVENT && r.at().isAfter(died));
    life.department(
        died,
        Department.PUBLIC_SECURITY,
        new EventData.MembersChanged(0, 0, MemberChangeReason.DEATH));
    SimRecord status =
        life.department(
            died.plusHours(2),
            Department.CIVIL_AFFAIRS,
            new EventData.HouseholdStatusChanged(HouseholdStatus.DECEASED));
    // the first payment of any programme after the death is the one to flag
    SimRecord.Payment firstAfter =
        life.records.stream()
            .filter(r -> r instanceof SimRecord.Payment && r.at().isAfter(status.at()))
            .map(SimRecord.Payment.class::cast)
            .min(Comparator.comparing(SimRecord::at))
            .orElse(after);
    return label(
        life,
        Rule.PAYMENT_TO_INACTIVE,
        firstAfter.at(),
        List.of(firstAfter, status),
        firstAfter.payment().programme()
            + " paid for "
            + firstAfter.payment().period()
            + " after the household died");
  }

  private static MonitoringCategory categoryOf(Household household) {
    return household.formerlyPoor()
        ? MonitoringCategory.UNSTABLE_LIFTED
        : MonitoringCategory.MARGINAL;
  }

  private static GroundTruth noMeasure(Life life) {
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
        Rule.NO_MEASURE,
        monitored.at().plusDays(days),
        List.of(monitored),
        "monitored with "
            + life.household.labourers()
            + " labourers, no measure in "
            + days
            + " days");
  }

  private static GroundTruth premature(Life life) {
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
        Rule.PREMATURE_ELIMINATION,
        eliminated.at(),
        List.of(eliminated, monitored),
        "risk eliminated "
            + java.time.Duration.between(monitoredAt, eliminatedAt).toDays()
            + " days after monitoring began; minimum "
            + months
            + " months");
  }

  /** Payments to households that were never registered (ghost households). */
  static List<GroundTruth> unregistered(
      SimulationConfig config,
      List<String> townshipShortCodes,
      SplittableRandom random,
      List<SimRecord> out) {
    List<GroundTruth> labels = new ArrayList<>();
    int count = config.scenarioCount(Rule.PAYMENT_UNREGISTERED);
    double span = java.time.Duration.between(config.start(), config.end()).toSeconds() / 86_400.0;
    for (int i = 0; i < count; i++) {
      String township = townshipShortCodes.get(random.nextInt(townshipShortCodes.size()));
      String householdId =
          CountyGenerator.COUNTY_CODE
              + "-"
              + township
              + "-"
              + String.format("%05d", UNREGISTERED_SERIAL + i);
      OffsetDateTime at =
          Life.plusDays(config.start(), span * (0.1 + 0.8 * random.nextDouble()))
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      BigDecimal amount =
          config
              .standards()
              .minimumLivingAllowancePerPersonMonth()
              .multiply(BigDecimal.valueOf(1 + random.nextInt(4)));
      SimRecord.Payment payment =
          new SimRecord.Payment(
              new SubsidyPayment(
                  Life.newId(random),
                  householdId,
                  Programme.MINIMUM_LIVING_ALLOWANCE,
                  YearMonth.from(at).toString(),
                  amount,
                  at,
                  Life.payer(Programme.MINIMUM_LIVING_ALLOWANCE)));
      out.add(payment);
      labels.add(
          new GroundTruth(
              householdId,
              Rule.PAYMENT_UNREGISTERED,
              at,
              List.of(payment.id()),
              "低保 " + amount + " paid to a household that was never registered"));
    }
    labels.sort(Comparator.comparing(GroundTruth::expectedAt));
    return labels;
  }
}
