package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.shouwang.events.Department;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.Programme;
import org.shouwang.events.Source;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.simulator.county.Household;

/**
 * One household's records under construction, with the handles scenarios need to change them (its
 * income assessment, entitlement grants, payments).
 */
final class Life {

  final Household household;
  final SimulationConfig config;
  final SplittableRandom random;
  final List<SimRecord> records = new ArrayList<>();
  final OffsetDateTime start;
  final OffsetDateTime end;
  final double days;

  OffsetDateTime registeredAt;
  OffsetDateTime dayOne;
  SimRecord.Event income;
  SimRecord.Event housing;
  SimRecord.Event water;
  final Map<Programme, SimRecord.Event> grants = new EnumMap<>(Programme.class);
  final Map<Programme, List<SimRecord.Payment>> payments = new EnumMap<>(Programme.class);
  final Map<String, EmploymentKind> jobs = new HashMap<>();

  /** Every income assessment, in time order. */
  final List<SimRecord.Event> incomes = new ArrayList<>();

  /**
   * Labels beside the scenario's own, e.g. the risk a relapse or a stalled identification is on.
   */
  final List<GroundTruth> moreLabels = new ArrayList<>();

  /** Whether the household is being monitored (risk not eliminated) as its year stands so far. */
  boolean monitored;

  /** Its labourers as its year stands so far (an accident may take one). */
  int labourers;

  Life(Household household, SimulationConfig config, SplittableRandom random) {
    this.household = household;
    this.config = config;
    this.random = random;
    this.start = config.start();
    this.end = config.end();
    this.days = Duration.between(start, end).toSeconds() / 86_400.0;
    this.monitored = household.monitored();
    this.labourers = household.labourers();
  }

  /** A random time within a number of days after a time (fractions of days allowed). */
  OffsetDateTime daysAfter(OffsetDateTime time, double from, double to) {
    return plusDays(time, from + random.nextDouble() * (to - from));
  }

  /** A fresh deterministic UUID from this household's random stream. */
  String newId() {
    return newId(random);
  }

  static String newId(SplittableRandom random) {
    long most = (random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
    long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(most, least).toString();
  }

  /** The time a fraction of the simulated span after the start. */
  OffsetDateTime atFraction(double fraction) {
    return plusDays(start, fraction * days);
  }

  /** A random time between two fractions of the span. */
  OffsetDateTime within(double from, double to) {
    return atFraction(from + random.nextDouble() * (to - from));
  }

  /** A random time between two times. */
  OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
    long seconds = Duration.between(from, to).toSeconds();
    return from.plusSeconds(seconds <= 0 ? 0 : random.nextLong(seconds));
  }

  static OffsetDateTime plusDays(OffsetDateTime time, double days) {
    return time.plusSeconds(Math.round(days * 86_400));
  }

  boolean beforeEnd(OffsetDateTime time) {
    return time.isBefore(end);
  }

  /** Adds an event when it happens before the end; returns it, or {@code null} when dropped. */
  SimRecord.Event event(OffsetDateTime at, Source source, Department department, EventData data) {
    if (!beforeEnd(at)) {
      return null;
    }
    SimRecord.Event event =
        new SimRecord.Event(
            HouseholdEvent.of(
                newId(),
                household.id(),
                at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                source,
                department,
                data));
    records.add(event);
    return event;
  }

  SimRecord.Event department(OffsetDateTime at, Department department, EventData data) {
    return event(at, Source.DEPARTMENT, department, data);
  }

  /** A cadre's work recorded in the case system (source {@code CADRE}). */
  SimRecord.Event cadre(OffsetDateTime at, EventData data) {
    return event(at, Source.CADRE, null, data);
  }

  /** Adds a payment when it happens before the end. */
  SimRecord.Payment pay(OffsetDateTime at, Programme programme, String period, BigDecimal amount) {
    if (!beforeEnd(at)) {
      return null;
    }
    SimRecord.Payment payment =
        new SimRecord.Payment(
            new SubsidyPayment(
                newId(),
                household.id(),
                programme,
                period,
                amount,
                at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                payer(programme)));
    records.add(payment);
    return payment;
  }

  void remove(SimRecord record) {
    records.remove(record);
  }

  void replace(SimRecord old, SimRecord replacement) {
    records.set(records.indexOf(old), replacement);
  }

  /** An event with the same id, time and source but other data. */
  static SimRecord.Event withData(SimRecord.Event old, EventData data) {
    HouseholdEvent e = old.event();
    return new SimRecord.Event(
        HouseholdEvent.of(
            e.eventId(), e.householdId(), e.occurredAt(), e.source(), e.department(), data));
  }

  /** A payment with the same id and time but another amount. */
  static SimRecord.Payment withAmount(SimRecord.Payment old, BigDecimal amount) {
    SubsidyPayment p = old.payment();
    return new SimRecord.Payment(
        new SubsidyPayment(
            p.paymentId(),
            p.householdId(),
            p.programme(),
            p.period(),
            amount,
            p.paidAt(),
            p.payer()));
  }

  /** Uniform random money between two amounts, rounded to the given step (1, 10, 100 yuan). */
  BigDecimal money(double from, double to, int step) {
    double value = from + random.nextDouble() * (to - from);
    return BigDecimal.valueOf(Math.max(step, Math.round(value / step) * (long) step));
  }

  static BigDecimal yuan(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  /** The first instant after a month's payment grace: day {@code grace + 1} of the next month. */
  static OffsetDateTime graceEnd(YearMonth period, int graceDays) {
    return period
        .plusMonths(1)
        .atDay(graceDays + 1)
        .atStartOfDay()
        .atOffset(SimulationConfig.CHINA);
  }

  static String payer(Programme programme) {
    return switch (programme) {
      case DISABILITY_LIVING_SUBSIDY, DISABILITY_CARE_SUBSIDY -> "衡阳县残疾人联合会";
      case PUBLIC_WELFARE_JOB, EMPLOYMENT_AWARD -> "衡阳县人力资源和社会保障局";
      case INDUSTRY_AWARD -> "衡阳县农业农村局";
      case EDUCATION_AID, RAINDEW_VOCATIONAL -> "衡阳县教育局";
      case MEDICAL_ASSISTANCE -> "衡阳县医疗保障局";
      default -> "衡阳县民政局";
    };
  }

  static Department grantingDepartment(Programme programme) {
    return switch (programme) {
      case DISABILITY_LIVING_SUBSIDY, DISABILITY_CARE_SUBSIDY ->
          Department.DISABLED_PERSONS_FEDERATION;
      case PUBLIC_WELFARE_JOB, EMPLOYMENT_AWARD -> Department.HUMAN_RESOURCES;
      default -> Department.CIVIL_AFFAIRS;
    };
  }
}
