package org.shouwang.riskengine.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.shouwang.events.Alert;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * Every rule of CONTRACT.md: applies an event or payment to a household's state, opens and clears
 * conditions, and raises an alert when a condition opens (or escalates). Pure: no I/O and no clock
 * of its own, so the same history always yields the same alerts with the same ids.
 */
public final class Detector {

  /** Version of every rule's logic, carried on each alert. */
  public static final int RULE_VERSION = 1;

  private static final long DAY_MILLIS = 86_400_000L;
  private static final String NONE = "";
  private static final String NO_LABOURER = "L";
  private static final String NO_EMPLOYMENT = "E";

  private final RiskEngineProperties.Rules rules;
  private final ZoneId zone;
  private final ZoneOffset fixedOffset;
  private final NavigableMap<Integer, Long> lineCents = new TreeMap<>();
  private final long formerlyPoorMedicalCents;
  private final long othersMedicalCents;
  private final long schoolingCents;
  private final long disasterMinCents;
  private final long businessMinCents;
  private final int medicalWindowDays;
  private final int incidentWindowDays;
  // the last month's deadline: most households are due in the same month (shared by threads,
  // replaced whole, so a stale read only costs a recomputation)
  private volatile long[] deadlineCache = {-1, 0};

  public Detector(RiskEngineProperties.Rules rules, ZoneId zone) {
    this.rules = rules;
    this.zone = zone;
    this.fixedOffset =
        zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
    for (Map.Entry<Integer, BigDecimal> line : rules.monitoringLine().entrySet()) {
      lineCents.put(line.getKey(), cents(line.getValue()));
    }
    formerlyPoorMedicalCents = cents(rules.medical().formerlyPoorThreshold());
    othersMedicalCents = cents(rules.medical().othersThreshold());
    schoolingCents = cents(rules.schooling().threshold());
    disasterMinCents = cents(rules.incident().disasterMinLoss());
    businessMinCents = cents(rules.incident().businessMinLoss());
    medicalWindowDays = (int) rules.medical().window().toDays();
    incidentWindowDays = (int) rules.incident().window().toDays();
  }

  // ---------------------------------------------------------------- events

  /** Applies a household event and evaluates the rules it touches. */
  public void onEvent(String householdId, HouseholdState s, HouseholdEvent e, List<Alert> out) {
    Ctx x = new Ctx(householdId, s, e.eventId(), e.occurredAt(), out);
    expireIncidents(s, x.day);
    switch (e.type()) {
      case HOUSEHOLD_REGISTERED -> registered(x, e.dataAs(EventData.HouseholdRegistered.class));
      case HOUSEHOLD_STATUS_CHANGED -> {
        s.status = e.dataAs(EventData.HouseholdStatusChanged.class).status();
        if (s.status == HouseholdStatus.ACTIVE) {
          s.clear(Rule.PAYMENT_TO_INACTIVE, NONE);
        }
      }
      case MEMBERS_CHANGED -> membersChanged(x, e.dataAs(EventData.MembersChanged.class));
      case CADRE_ASSIGNED -> s.cadreId = e.dataAs(EventData.CadreAssigned.class).cadreId();
      case MONITORING_STATUS_CHANGED ->
          monitoring(x, e.dataAs(EventData.MonitoringStatusChanged.class));
      case ASSISTANCE_RECORDED -> {
        s.measureSinceMonitored = true;
        s.clear(Rule.NO_MEASURE, NONE);
      }
      case INCOME_ASSESSED -> income(x, e.dataAs(EventData.IncomeAssessed.class));
      case MEDICAL_EXPENSE -> medical(x, e.dataAs(EventData.MedicalExpense.class));
      case SCHOOLING_COST -> schooling(x, e.dataAs(EventData.SchoolingCost.class));
      case SCHOOL_ENROLMENT_CHANGED ->
          enrolment(x, e.dataAs(EventData.SchoolEnrolmentChanged.class));
      case DISABILITY_CERTIFIED -> disability(x, e.dataAs(EventData.DisabilityCertified.class));
      case EMPLOYMENT_CHANGED -> employment(x, e.dataAs(EventData.EmploymentChanged.class));
      case HOUSING_ASSESSED -> housing(x, e.dataAs(EventData.HousingAssessed.class));
      case WATER_ASSESSED -> water(x, e.dataAs(EventData.WaterAssessed.class));
      case MEDICAL_INSURANCE_CHANGED ->
          insurance(x, e.dataAs(EventData.MedicalInsuranceChanged.class));
      case DISASTER_REPORTED -> disaster(x, e.dataAs(EventData.DisasterReported.class));
      case ACCIDENT_REPORTED -> accident(x, e.dataAs(EventData.AccidentReported.class));
      case BUSINESS_FAILED -> business(x, e.dataAs(EventData.BusinessFailed.class));
      case ENTITLEMENT_CHANGED -> entitlement(x, e.dataAs(EventData.EntitlementChanged.class));
      case LOAN_STATUS_CHANGED -> loan(x, e.dataAs(EventData.LoanStatusChanged.class));
    }
  }

  private void registered(Ctx x, EventData.HouseholdRegistered d) {
    HouseholdState s = x.s;
    s.registered = true;
    s.townshipCode = d.townshipCode();
    s.villageCode = d.villageCode();
    s.cadreId = d.cadreId();
    s.members = d.members();
    s.labourers = d.labourers();
    s.formerlyPoor = d.formerlyPoor();
    if (d.monitoringCategory() != null) {
      s.category = d.monitoringCategory();
    }
    s.clear(Rule.PAYMENT_UNREGISTERED, NONE);
    s.unregisteredPaidAtMillis = 0;
    s.unregisteredPaymentId = null;
    if (s.labourers > 0) {
      s.clear(Rule.LABOUR_LOSS, NO_LABOURER);
    }
  }

  private void membersChanged(Ctx x, EventData.MembersChanged d) {
    HouseholdState s = x.s;
    int before = s.labourers;
    s.members = d.members();
    s.labourers = d.labourers();
    if (s.labourers > 0) {
      s.clear(Rule.LABOUR_LOSS, NO_LABOURER);
    } else if (before > 0 && s.members > 0) {
      raise(
          x,
          Rule.LABOUR_LOSS,
          NO_LABOURER,
          RiskType.LABOUR_SHORTAGE,
          Severity.HIGH,
          "家庭劳动力由 " + before + " 人减少为 0 人（" + reason(d.reason()) + "），家庭已无劳动力");
    }
  }

  private void monitoring(Ctx x, EventData.MonitoringStatusChanged d) {
    HouseholdState s = x.s;
    s.category = d.category();
    if (d.status() == MonitoringStatus.MONITORED) {
      if (s.monitoring != MonitoringStatus.MONITORED) {
        s.monitoring = MonitoringStatus.MONITORED;
        s.monitoredSinceMillis = x.millis;
        s.measureSinceMonitored = false;
        s.monitoringEventId = x.eventId;
        s.clear(Rule.PREMATURE_ELIMINATION, NONE);
        s.clear(Rule.NO_MEASURE, NONE);
      }
      return;
    }
    List<String> reasons = new ArrayList<>(2);
    if (s.monitoring == MonitoringStatus.MONITORED) {
      LocalDate since = date(s.monitoredSinceMillis);
      LocalDate earliest = since.plusMonths(rules.monitoring().minMonitoredMonths());
      if (x.date().isBefore(earliest)) {
        long days = x.day - since.toEpochDay();
        reasons.add(
            "纳入监测仅 " + days + " 天即标注风险消除，不足 " + rules.monitoring().minMonitoredMonths() + " 个月");
      }
    }
    if (s.incomeCents != HouseholdState.UNKNOWN) {
      long line = lineCents(s.incomeYear);
      if (s.incomeCents < line) {
        reasons.add(
            s.incomeYear + " 年家庭人均纯收入 " + yuan(s.incomeCents) + " 元仍低于监测线 " + yuan(line) + " 元");
      }
    }
    if (!reasons.isEmpty()) {
      raise(
          x,
          Rule.PREMATURE_ELIMINATION,
          NONE,
          Rule.PREMATURE_ELIMINATION.defaultRiskType(),
          Severity.HIGH,
          0,
          false,
          evidence(x.eventId, s.monitoringEventId),
          "风险消除不符合条件：" + String.join("；", reasons));
    }
    s.monitoring = MonitoringStatus.RISK_ELIMINATED;
    s.clear(Rule.NO_MEASURE, NONE);
  }

  private void income(Ctx x, EventData.IncomeAssessed d) {
    HouseholdState s = x.s;
    long current = cents(d.netIncomePerCapita());
    if (s.incomeCents != HouseholdState.UNKNOWN) {
      s.previousIncomeYear = s.incomeYear;
      s.previousIncomeCents = s.incomeCents;
    }
    s.incomeYear = d.year();
    s.incomeCents = current;

    long line = lineCents(d.year());
    if (current < line) {
      raise(
          x,
          Rule.LOW_INCOME,
          NONE,
          Rule.LOW_INCOME.defaultRiskType(),
          Severity.HIGH,
          d.year() + " 年家庭人均纯收入 " + yuan(current) + " 元，低于当年监测线 " + yuan(line) + " 元");
    } else {
      s.clear(Rule.LOW_INCOME, NONE);
    }

    long previous = s.previousIncomeCents;
    if (previous != HouseholdState.UNKNOWN
        && previous > 0
        && BigDecimal.valueOf(previous - current)
                .compareTo(BigDecimal.valueOf(previous).multiply(rules.income().dropRatio()))
            >= 0) {
      long percent = Math.round((previous - current) * 100.0 / previous);
      raise(
          x,
          Rule.INCOME_DROP,
          NONE,
          Rule.INCOME_DROP.defaultRiskType(),
          Severity.MEDIUM,
          "家庭人均纯收入由 "
              + yuan(previous)
              + " 元降至 "
              + yuan(current)
              + " 元，下降 "
              + percent
              + "%，达到预警幅度 "
              + percent(rules.income().dropRatio())
              + "%");
    } else {
      s.clear(Rule.INCOME_DROP, NONE);
    }
    medicalBurden(x);
  }

  private void medical(Ctx x, EventData.MedicalExpense d) {
    x.s.medical.add(new long[] {x.day, cents(d.outOfPocket())});
    medicalBurden(x);
  }

  private void medicalBurden(Ctx x) {
    HouseholdState s = x.s;
    int newest = x.day;
    for (long[] m : s.medical) {
      newest = (int) Math.max(newest, m[0]);
    }
    int oldestKept = newest - medicalWindowDays;
    s.medical.removeIf(m -> m[0] <= oldestKept);
    long total = 0;
    for (long[] m : s.medical) {
      total += m[1];
    }
    long threshold = s.formerlyPoor ? formerlyPoorMedicalCents : othersMedicalCents;
    long householdIncome =
        s.incomeCents == HouseholdState.UNKNOWN || s.members <= 0 ? 0 : s.incomeCents * s.members;
    long shareLimit =
        householdIncome <= 0
            ? Long.MAX_VALUE
            : BigDecimal.valueOf(householdIncome)
                .multiply(rules.medical().incomeShare())
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    if (total > 0 && total >= threshold) {
      raise(
          x,
          Rule.MEDICAL_BURDEN,
          NONE,
          RiskType.ILLNESS,
          Severity.HIGH,
          "近12个月合规自付医疗费用 " + yuan(total) + " 元，超过预警线 " + yuan(threshold) + " 元");
    } else if (total > 0 && total >= shareLimit) {
      raise(
          x,
          Rule.MEDICAL_BURDEN,
          NONE,
          RiskType.ILLNESS,
          Severity.HIGH,
          "近12个月合规自付医疗费用 "
              + yuan(total)
              + " 元，占家庭年纯收入 "
              + yuan(householdIncome)
              + " 元的 "
              + Math.round(total * 100.0 / householdIncome)
              + "%，超过 "
              + percent(rules.medical().incomeShare())
              + "%");
    } else {
      s.clear(Rule.MEDICAL_BURDEN, NONE);
    }
  }

  private void schooling(Ctx x, EventData.SchoolingCost d) {
    HouseholdState s = x.s;
    LocalDate date = x.date();
    int year =
        date.getMonthValue() >= rules.schooling().schoolYearStartMonth()
            ? date.getYear()
            : date.getYear() - 1;
    if (year < s.schoolYear) {
      return; // a late cost of a school year already closed
    }
    if (year > s.schoolYear) {
      s.schoolYear = year;
      s.schoolCents = 0;
      s.clearAll(Rule.SCHOOLING_BURDEN);
    }
    s.schoolCents += cents(d.selfPaid());
    if (s.schoolCents > schoolingCents) {
      raise(
          x,
          Rule.SCHOOLING_BURDEN,
          Integer.toString(year),
          RiskType.EDUCATION,
          Severity.MEDIUM,
          year
              + "–"
              + (year + 1)
              + " 学年自付教育费用 "
              + yuan(s.schoolCents)
              + " 元，超过预警线 "
              + yuan(schoolingCents)
              + " 元");
    }
  }

  private void enrolment(Ctx x, EventData.SchoolEnrolmentChanged d) {
    boolean compulsoryAge =
        d.age() >= rules.schooling().minCompulsoryAge()
            && d.age() <= rules.schooling().maxCompulsoryAge();
    if (compulsoryAge && !d.enrolled()) {
      raise(
          x,
          Rule.SCHOOL_DROPOUT,
          d.memberId(),
          RiskType.EDUCATION,
          Severity.CRITICAL,
          "家庭成员 " + d.memberId() + "（" + d.age() + " 岁）未在校就读，属义务教育阶段辍学");
    } else {
      x.s.clear(Rule.SCHOOL_DROPOUT, d.memberId());
    }
  }

  private void disability(Ctx x, EventData.DisabilityCertified d) {
    if (d.grade() <= rules.labour().severeDisabilityMaxGrade()) {
      loseLabourer(
          x,
          d.memberId(),
          RiskType.DISABILITY,
          "家庭成员 " + d.memberId() + " 被认定为 " + d.grade() + " 级残疾，家庭已无劳动力");
    }
  }

  private void accident(Ctx x, EventData.AccidentReported d) {
    if (d.labourLost()) {
      loseLabourer(
          x,
          d.memberId(),
          RiskType.ACCIDENT,
          "家庭成员 " + d.memberId() + " 因意外事故丧失劳动能力（损失 " + yuan(cents(d.loss())) + " 元），家庭已无劳动力");
    }
  }

  private void loseLabourer(Ctx x, String memberId, RiskType riskType, String message) {
    HouseholdState s = x.s;
    s.employed.remove(memberId);
    if (s.labourers <= 0) {
      return;
    }
    s.labourers--;
    if (s.labourers == 0) {
      raise(x, Rule.LABOUR_LOSS, NO_LABOURER, riskType, Severity.HIGH, message);
    }
  }

  private void employment(Ctx x, EventData.EmploymentChanged d) {
    HouseholdState s = x.s;
    if (d.employed()) {
      if (!s.employed.contains(d.memberId())) {
        s.employed.add(d.memberId());
      }
      s.clear(Rule.LABOUR_LOSS, NO_EMPLOYMENT);
      return;
    }
    boolean hadWork = s.employed.remove(d.memberId());
    if (hadWork && s.employed.isEmpty() && s.labourers > 0) {
      raise(
          x,
          Rule.LABOUR_LOSS,
          NO_EMPLOYMENT,
          RiskType.EMPLOYMENT,
          Severity.HIGH,
          "家庭成员 " + d.memberId() + " 失去工作，家庭 " + s.labourers + " 名劳动力现均无就业");
    }
  }

  private void housing(Ctx x, EventData.HousingAssessed d) {
    if (d.grade().unsafe()) {
      boolean d4 = d.grade() == org.shouwang.events.HousingGrade.D;
      raise(
          x,
          Rule.UNSAFE_HOUSING,
          NONE,
          Rule.UNSAFE_HOUSING.defaultRiskType(),
          d4 ? Severity.CRITICAL : Severity.HIGH,
          d4 ? 2 : 1,
          true,
          List.of(x.eventId),
          "住房安全鉴定为 " + d.grade() + " 级危房，住房安全无保障");
    } else {
      x.s.clear(Rule.UNSAFE_HOUSING, NONE);
    }
  }

  private void water(Ctx x, EventData.WaterAssessed d) {
    int days = d.interruptionDays() == null ? 0 : d.interruptionDays();
    int max = rules.water().maxInterruptionDays();
    if (!d.safe() || days > max) {
      List<String> reasons = new ArrayList<>(2);
      if (!d.safe()) {
        reasons.add("饮水安全评估为不安全");
      }
      if (days > max) {
        reasons.add("今年已停水 " + days + " 天，超过 " + max + " 天");
      }
      raise(
          x,
          Rule.UNSAFE_WATER,
          NONE,
          Rule.UNSAFE_WATER.defaultRiskType(),
          Severity.HIGH,
          String.join("，", reasons));
    } else {
      x.s.clear(Rule.UNSAFE_WATER, NONE);
    }
  }

  private void insurance(Ctx x, EventData.MedicalInsuranceChanged d) {
    if (!d.insured()) {
      raise(
          x,
          Rule.UNINSURED,
          d.memberId(),
          RiskType.ILLNESS,
          Severity.HIGH,
          "家庭成员 " + d.memberId() + " 未参加基本医疗保险");
    } else {
      x.s.clear(Rule.UNINSURED, d.memberId());
    }
  }

  private void disaster(Ctx x, EventData.DisasterReported d) {
    long loss = cents(d.loss());
    if (loss >= disasterMinCents) {
      raise(
          x,
          Rule.DISASTER_LOSS,
          d.kind().name(),
          RiskType.DISASTER,
          Severity.HIGH,
          "遭受" + d.kind().chineseName() + "，损失 " + yuan(loss) + " 元，请按快速通道先帮扶后完善手续");
    }
  }

  private void business(Ctx x, EventData.BusinessFailed d) {
    long loss = cents(d.loss());
    if (loss >= businessMinCents) {
      raise(
          x,
          Rule.BUSINESS_FAILURE,
          NONE,
          RiskType.BUSINESS_FAILURE,
          Severity.MEDIUM,
          "产业项目失败，损失 " + yuan(loss) + " 元");
    }
  }

  private void loan(Ctx x, EventData.LoanStatusChanged d) {
    int level =
        d.status() != LoanStatus.OVERDUE
            ? 0
            : d.daysOverdue() >= rules.loan().highDays()
                ? 2
                : d.daysOverdue() >= rules.loan().mediumDays() ? 1 : 0;
    if (level == 0) {
      if (d.status() != LoanStatus.OVERDUE) {
        x.s.clear(Rule.LOAN_OVERDUE, d.loanId());
      }
      return;
    }
    int threshold = level == 2 ? rules.loan().highDays() : rules.loan().mediumDays();
    raise(
        x,
        Rule.LOAN_OVERDUE,
        d.loanId(),
        RiskType.BUSINESS_FAILURE,
        level == 2 ? Severity.HIGH : Severity.MEDIUM,
        level,
        true,
        List.of(x.eventId),
        "本金 "
            + yuan(cents(d.principal()))
            + " 元的小额信贷已逾期 "
            + d.daysOverdue()
            + " 天（达到 "
            + threshold
            + " 天）");
  }

  private void entitlement(Ctx x, EventData.EntitlementChanged d) {
    HouseholdState s = x.s;
    Programme programme = d.programme();
    HouseholdState.Entitlement e = s.entitlement(programme);
    if (!d.granted()) {
      if (e != null) {
        s.entitlements.remove(e);
      }
      s.clear(Rule.PAYMENT_MISSED, programme.name());
      s.clear(Rule.PAYMENT_SHORTFALL, programme.name());
      if (welfare(programme)) {
        s.clear(Rule.CONFLICTING_BENEFITS, NONE);
      }
      return;
    }
    if (e == null) {
      e = new HouseholdState.Entitlement();
      e.programme = programme;
      // the month after the grant is the first that must be paid: a grant late in a month is
      // usually paid from the next one
      e.firstDueMonth = month(x.date()) + 1;
      e.paidThrough = e.firstDueMonth - 1;
      e.eventId = x.eventId;
      s.entitlements.add(e);
    }
    e.monthlyCents = d.monthlyAmount() == null ? 0 : cents(d.monthlyAmount());
    advancePaid(s, e);
  }

  // ---------------------------------------------------------------- payments

  /** Applies a payment and evaluates the payment rules. */
  public void onPayment(String householdId, HouseholdState s, SubsidyPayment p, List<Alert> out) {
    Ctx x = new Ctx(householdId, s, p.paymentId(), p.paidAt(), out);
    expireIncidents(s, x.day);
    Programme programme = p.programme();
    boolean monthly = p.monthlyPeriod();
    int period =
        monthly
            ? Integer.parseInt(p.period().substring(0, 4)) * 100
                + Integer.parseInt(p.period().substring(5, 7))
            : Integer.parseInt(p.period());
    long amount = cents(p.amount());

    if (!s.registered) {
      if (rules.payment().unregisteredGrace().isZero()) {
        unregisteredPayment(x, programme, p.period(), amount);
      } else if (s.unregisteredPaidAtMillis == 0 && !s.open(Rule.PAYMENT_UNREGISTERED, NONE)) {
        // fires from onClock when the grace has passed and no registration came
        s.unregisteredPaidAtMillis = x.millis;
        s.unregisteredPaymentId = p.paymentId();
      }
    } else if (s.status.inactive()) {
      raise(
          x,
          Rule.PAYMENT_TO_INACTIVE,
          NONE,
          Rule.PAYMENT_TO_INACTIVE.defaultRiskType(),
          Severity.CRITICAL,
          "向"
              + status(s.status)
              + "的户发放"
              + programme.chineseName()
              + " "
              + p.period()
              + " "
              + yuan(amount)
              + " 元");
    }

    HouseholdState.Payment earlier = s.payment(programme, period);
    if (earlier != null && !earlier.paymentId.equals(p.paymentId())) {
      raise(
          x,
          Rule.DUPLICATE_PAYMENT,
          programme.name() + ":" + period,
          Rule.DUPLICATE_PAYMENT.defaultRiskType(),
          Severity.HIGH,
          period,
          false,
          evidence(earlier.paymentId, p.paymentId()),
          programme.chineseName()
              + " "
              + p.period()
              + " 已发放 "
              + yuan(earlier.cents)
              + " 元，又重复发放 "
              + yuan(amount)
              + " 元");
    }

    if (welfare(programme)) {
      Programme other =
          programme == Programme.MINIMUM_LIVING_ALLOWANCE
              ? Programme.EXTREME_POVERTY_SUPPORT
              : Programme.MINIMUM_LIVING_ALLOWANCE;
      HouseholdState.Payment conflicting = s.payment(other, period);
      if (conflicting != null) {
        raise(
            x,
            Rule.CONFLICTING_BENEFITS,
            NONE,
            Rule.CONFLICTING_BENEFITS.defaultRiskType(),
            Severity.HIGH,
            0,
            false,
            evidence(conflicting.paymentId, p.paymentId()),
            p.period()
                + " 同时领取"
                + other.chineseName()
                + " "
                + yuan(conflicting.cents)
                + " 元和"
                + programme.chineseName()
                + " "
                + yuan(amount)
                + " 元");
      }
    }

    HouseholdState.Entitlement e = s.entitlement(programme);
    if (e != null && monthly && programme.frequency() == Programme.Frequency.MONTHLY) {
      if (amount < e.monthlyCents) {
        raise(
            x,
            Rule.PAYMENT_SHORTFALL,
            programme.name(),
            Rule.PAYMENT_SHORTFALL.defaultRiskType(),
            Severity.HIGH,
            0,
            false,
            evidence(p.paymentId(), e.eventId),
            programme.chineseName()
                + " "
                + p.period()
                + " 实发 "
                + yuan(amount)
                + " 元，低于核定月标准 "
                + yuan(e.monthlyCents)
                + " 元");
      } else {
        s.clear(Rule.PAYMENT_SHORTFALL, programme.name());
      }
    }

    if (earlier == null) {
      HouseholdState.Payment seen = new HouseholdState.Payment();
      seen.programme = programme;
      seen.period = period;
      seen.cents = amount;
      seen.paymentId = p.paymentId();
      s.payments.add(seen);
    }
    if (e != null) {
      advancePaid(s, e);
    }
    prunePayments(s, month(x.date()));
  }

  private void unregisteredPayment(Ctx x, Programme programme, String period, long amount) {
    raise(
        x,
        Rule.PAYMENT_UNREGISTERED,
        NONE,
        Rule.PAYMENT_UNREGISTERED.defaultRiskType(),
        Severity.CRITICAL,
        "向未登记的户发放" + programme.chineseName() + " " + period + " " + yuan(amount) + " 元");
  }

  private long unregisteredDeadline(HouseholdState s) {
    return s.unregisteredPaidAtMillis == 0 || s.registered
        ? 0
        : s.unregisteredPaidAtMillis + rules.payment().unregisteredGrace().toMillis();
  }

  private void advancePaid(HouseholdState s, HouseholdState.Entitlement e) {
    while (s.payment(e.programme, periodOf(e.paidThrough + 1)) != null) {
      e.paidThrough++;
    }
    HouseholdState.Condition missed = s.condition(Rule.PAYMENT_MISSED, e.programme.name());
    if (missed != null && e.paidThrough >= missed.value) {
      s.conditions.remove(missed);
    }
  }

  private void prunePayments(HouseholdState s, int currentMonth) {
    int oldestMonth = currentMonth - rules.payment().retainedMonths();
    int oldestMonthly = periodOf(oldestMonth);
    int oldestYear = oldestMonth / 12 - 1;
    s.payments.removeIf(
        p -> p.period >= 100_000 ? p.period < oldestMonthly : p.period < oldestYear);
    s.conditions.removeIf(
        c ->
            c.rule == Rule.DUPLICATE_PAYMENT
                && (c.value >= 100_000 ? c.value < oldestMonthly : c.value < oldestYear));
  }

  // ---------------------------------------------------------------- absence

  /**
   * Evaluates the absence rules at the engine's time {@code now}: a monthly entitlement whose month
   * is still unpaid once its grace days have passed, a monitored household with labourers and no
   * measure after the deadline. Each alert's time is the deadline itself, so replay and live
   * processing agree.
   */
  public void onClock(String householdId, HouseholdState s, long now, List<Alert> out) {
    long unregistered = unregisteredDeadline(s);
    if (unregistered != 0 && now >= unregistered) {
      OffsetDateTime at = Instant.ofEpochMilli(unregistered).atZone(zone).toOffsetDateTime();
      Ctx x = new Ctx(householdId, s, s.unregisteredPaymentId, at, out);
      HouseholdState.Payment paid = null;
      for (HouseholdState.Payment p : s.payments) {
        if (p.paymentId.equals(s.unregisteredPaymentId)) {
          paid = p;
          break;
        }
      }
      if (paid != null) {
        unregisteredPayment(x, paid.programme, periodLabel(paid.period), paid.cents);
      } else {
        raise(
            x,
            Rule.PAYMENT_UNREGISTERED,
            NONE,
            Rule.PAYMENT_UNREGISTERED.defaultRiskType(),
            Severity.CRITICAL,
            "向未登记的户发放补贴");
      }
      s.unregisteredPaidAtMillis = 0;
      s.unregisteredPaymentId = null;
    }
    for (HouseholdState.Entitlement e : s.entitlements) {
      if (e.programme.frequency() != Programme.Frequency.MONTHLY
          || s.open(Rule.PAYMENT_MISSED, e.programme.name())) {
        continue;
      }
      int month = e.paidThrough + 1;
      long deadline = paymentDeadline(month);
      if (now >= deadline) {
        OffsetDateTime at = Instant.ofEpochMilli(deadline).atZone(zone).toOffsetDateTime();
        Ctx x = new Ctx(householdId, s, e.eventId, at, out);
        LocalDate lastGraceDay = LocalDate.ofEpochDay(x.day - 1);
        raise(
            x,
            Rule.PAYMENT_MISSED,
            e.programme.name(),
            Rule.PAYMENT_MISSED.defaultRiskType(),
            Severity.MEDIUM,
            month,
            false,
            evidence(e.eventId),
            e.programme.chineseName()
                + " "
                + periodText(month)
                + " 应发 "
                + yuan(e.monthlyCents)
                + " 元，截至 "
                + lastGraceDay
                + " 仍未到账");
      }
    }
    long measureDeadline = measureDeadline(s);
    if (measureDeadline != 0 && now >= measureDeadline) {
      OffsetDateTime at = Instant.ofEpochMilli(measureDeadline).atZone(zone).toOffsetDateTime();
      Ctx x = new Ctx(householdId, s, s.monitoringEventId, at, out);
      raise(
          x,
          Rule.NO_MEASURE,
          NONE,
          Rule.NO_MEASURE.defaultRiskType(),
          Severity.MEDIUM,
          0,
          false,
          evidence(s.monitoringEventId),
          "纳入监测已满 "
              + rules.monitoring().measureDeadline().toDays()
              + " 天（自 "
              + date(s.monitoredSinceMillis)
              + " 起），家庭有劳动力 "
              + s.labourers
              + " 人，尚未落实任何帮扶措施");
    }
  }

  /** When the absence rules next need a look at this household; 0 when never. */
  public long nextDeadline(HouseholdState s) {
    long next = Long.MAX_VALUE;
    for (HouseholdState.Entitlement e : s.entitlements) {
      if (e.programme.frequency() == Programme.Frequency.MONTHLY
          && !s.open(Rule.PAYMENT_MISSED, e.programme.name())) {
        next = Math.min(next, paymentDeadline(e.paidThrough + 1));
      }
    }
    long measure = measureDeadline(s);
    if (measure != 0) {
      next = Math.min(next, measure);
    }
    long unregistered = unregisteredDeadline(s);
    if (unregistered != 0) {
      next = Math.min(next, unregistered);
    }
    return next == Long.MAX_VALUE ? 0 : next;
  }

  private long measureDeadline(HouseholdState s) {
    if (s.monitoring != MonitoringStatus.MONITORED
        || s.measureSinceMonitored
        || s.labourers <= 0
        || s.open(Rule.NO_MEASURE, NONE)) {
      return 0;
    }
    return s.monitoredSinceMillis + rules.monitoring().measureDeadline().toMillis();
  }

  /** The first instant after the grace days of the month following {@code month}. */
  private long paymentDeadline(int month) {
    long[] cached = deadlineCache;
    if (cached[0] == month) {
      return cached[1];
    }
    long deadline = computePaymentDeadline(month);
    deadlineCache = new long[] {month, deadline};
    return deadline;
  }

  private long computePaymentDeadline(int month) {
    int next = month + 1;
    LocalDate start =
        LocalDate.of(next / 12, next % 12 + 1, 1).plusDays(rules.payment().graceDays());
    return start.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  // ---------------------------------------------------------------- conditions and alerts

  private void expireIncidents(HouseholdState s, int today) {
    s.conditions.removeIf(
        c ->
            (c.rule == Rule.DISASTER_LOSS || c.rule == Rule.BUSINESS_FAILURE)
                && today - c.sinceDay >= incidentWindowDays);
  }

  private void raise(
      Ctx x, Rule rule, String key, RiskType riskType, Severity severity, String message) {
    raise(x, rule, key, riskType, severity, 0, false, List.of(x.eventId), message);
  }

  /**
   * Opens a condition and raises its alert, unless it is open already; an escalating condition (an
   * overdue loan, a house from C to D) raises again when its level rises.
   */
  private void raise(
      Ctx x,
      Rule rule,
      String key,
      RiskType riskType,
      Severity severity,
      int value,
      boolean escalating,
      List<String> evidence,
      String message) {
    HouseholdState s = x.s;
    HouseholdState.Condition open = s.condition(rule, key);
    if (open != null) {
      if (!escalating || open.value >= value) {
        return;
      }
      open.value = value;
    } else {
      HouseholdState.Condition c = new HouseholdState.Condition();
      c.rule = rule;
      c.key = key;
      c.riskType = riskType;
      c.sinceDay = x.day;
      c.value = value;
      s.conditions.add(c);
    }
    String identity =
        x.householdId + '|' + rule + '|' + key + '|' + value + '|' + String.join(",", evidence);
    String alertId = NameBasedUuids.of(identity.getBytes(StandardCharsets.UTF_8)).toString();
    x.out.add(
        new Alert(
            alertId,
            x.householdId,
            rule,
            RULE_VERSION,
            riskType,
            severity,
            rule.audience(),
            x.at,
            evidence,
            message,
            s.townshipCode,
            s.villageCode,
            // an audit finding never names anyone the alerting service could route to the cadre
            rule.audience() == org.shouwang.events.Audience.CADRE ? s.cadreId : null));
  }

  private static List<String> evidence(String... ids) {
    List<String> present = new ArrayList<>(ids.length);
    for (String id : ids) {
      if (id != null) {
        present.add(id);
      }
    }
    return present;
  }

  // ---------------------------------------------------------------- time and money

  private final class Ctx {
    final String householdId;
    final HouseholdState s;
    final String eventId;
    final OffsetDateTime at;
    final long millis;
    final int day;
    final List<Alert> out;

    Ctx(String householdId, HouseholdState s, String eventId, OffsetDateTime at, List<Alert> out) {
      this.householdId = householdId;
      this.s = s;
      this.eventId = eventId;
      this.at = at;
      this.millis = at.toInstant().toEpochMilli();
      this.day = epochDay(millis);
      this.out = out;
    }

    LocalDate date() {
      return LocalDate.ofEpochDay(day);
    }
  }

  int epochDay(long millis) {
    ZoneOffset offset =
        fixedOffset != null ? fixedOffset : zone.getRules().getOffset(Instant.ofEpochMilli(millis));
    return (int) Math.floorDiv(millis + offset.getTotalSeconds() * 1000L, DAY_MILLIS);
  }

  private LocalDate date(long millis) {
    return LocalDate.ofEpochDay(epochDay(millis));
  }

  private static int month(LocalDate date) {
    return date.getYear() * 12 + date.getMonthValue() - 1;
  }

  /** {@code YYYYMM} of a month index. */
  private static int periodOf(int month) {
    return (month / 12) * 100 + month % 12 + 1;
  }

  private static String periodText(int month) {
    int m = month % 12 + 1;
    return (month / 12) + (m < 10 ? "-0" : "-") + m;
  }

  private long lineCents(int year) {
    Map.Entry<Integer, Long> line = lineCents.floorEntry(year);
    return line != null ? line.getValue() : lineCents.firstEntry().getValue();
  }

  private static boolean welfare(Programme programme) {
    return programme == Programme.MINIMUM_LIVING_ALLOWANCE
        || programme == Programme.EXTREME_POVERTY_SUPPORT;
  }

  static long cents(BigDecimal yuan) {
    return yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Yuan as a cadre reads it: {@code 8,500} or {@code 8,500.50}. */
  /** A stored payment period as sent: 202603 as "2026-03", 2026 as "2026". */
  private static String periodLabel(int period) {
    return period > 9999
        ? periodText((period / 100) * 12 + period % 100 - 1)
        : String.valueOf(period);
  }

  static String yuan(long cents) {
    StringBuilder text = new StringBuilder(16);
    long abs = Math.abs(cents);
    String whole = Long.toString(abs / 100);
    if (cents < 0) {
      text.append('-');
    }
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        text.append(',');
      }
      text.append(whole.charAt(i));
    }
    long fen = abs % 100;
    if (fen != 0) {
      text.append(fen < 10 ? ".0" : ".").append(fen);
    }
    return text.toString();
  }

  private static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  private static String reason(MemberChangeReason reason) {
    return switch (reason) {
      case BIRTH -> "出生";
      case DEATH -> "死亡";
      case MARRIAGE -> "婚嫁";
      case MIGRATION -> "迁移";
      case OTHER -> "其他原因";
    };
  }

  private static String status(HouseholdStatus status) {
    return switch (status) {
      case DECEASED -> "已无在世成员";
      case MOVED_AWAY -> "已迁出";
      case CANCELLED -> "已注销";
      case ACTIVE -> "正常";
    };
  }
}
