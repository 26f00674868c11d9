package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.SchoolLeavingReason;
import org.shouwang.events.SubsidyPayment;

/**
 * An independent, deliberately plain reading of CONTRACT.md's rule table and of ADR 0005 (the
 * identification clock, publicity, self-declarations, relapse, and the rules that know a
 * household's status): replays records in order and reports, per household, every rule whose
 * condition holds and when it first did. Written apart from the generator so that a label matching
 * it means the scenario really crosses its threshold, and a household without a label really stays
 * below every one.
 */
final class RuleOracle {

  /** A rule firing for a household. */
  record Firing(String householdId, Rule rule) {}

  private final Thresholds limits;
  private final MonitoringLines lines;
  private final OffsetDateTime end;
  private final Map<String, State> households = new HashMap<>();
  private final Map<Firing, OffsetDateTime> firings = new HashMap<>();

  RuleOracle(SimulationConfig config) {
    this.limits = config.thresholds();
    this.lines = config.lines();
    this.end = config.end();
  }

  private static final class State {
    boolean formerlyPoor;
    int members;
    int labourers;
    HouseholdStatus status = HouseholdStatus.ACTIVE;
    BigDecimal income;
    int incomeYear;
    int assessments;
    final List<Object[]> medical = new ArrayList<>();
    final List<Object[]> schoolingCosts = new ArrayList<>();
    final Map<Integer, BigDecimal> schooling = new HashMap<>();
    final Map<String, Boolean> employed = new HashMap<>();
    OffsetDateTime jobsLostAt;
    boolean monitored;
    OffsetDateTime monitoredAt;
    OffsetDateTime measureDue;
    final List<Object[]> measures = new ArrayList<>();
    OffsetDateTime eliminatedAt;
    boolean relapsed;
    OffsetDateTime clockStart;
    boolean clockFired;
    final List<OffsetDateTime> declarations = new ArrayList<>();
    OffsetDateTime identificationPublicity;
    OffsetDateTime eliminationPublicity;
    boolean housingUnsafe;
    boolean waterUnsafe;
    final Set<String> droppedOut = new HashSet<>();
    final Set<String> uninsured = new HashSet<>();
    final Set<Rule> fired = new HashSet<>();
    final Map<Programme, BigDecimal> granted = new EnumMap<>(Programme.class);
    final Map<Programme, OffsetDateTime> grantedAt = new EnumMap<>(Programme.class);
    final Map<String, Integer> paid = new HashMap<>();
    final Map<String, Set<Programme>> byPeriod = new HashMap<>();
  }

  Map<Firing, OffsetDateTime> replay(List<SimRecord> records) {
    for (SimRecord record : records) {
      if (record instanceof SimRecord.Event e) {
        State s = households.get(e.householdId());
        if (s != null) {
          deadlines(e.householdId(), s, e.at(), false);
        }
        event(e.event());
      } else if (record instanceof SimRecord.Payment p) {
        payment(p.payment());
      }
    }
    households.forEach((id, s) -> deadlines(id, s, end, true));
    households.forEach(this::absences);
    return firings;
  }

  private void fire(String householdId, Rule rule, OffsetDateTime at) {
    firings.merge(new Firing(householdId, rule), at, (a, b) -> a.isBefore(b) ? a : b);
  }

  /**
   * A rule's alert. The first of a rule in a household is what a detector raises (an open alert
   * does not fire again); a risk signal's first alert starts the identification clock of a
   * household not monitored and, within the relapse months after risk elimination, is a relapse.
   */
  private void signal(String id, State s, Rule rule, OffsetDateTime at) {
    fire(id, rule, at);
    if (!s.fired.add(rule) || !rule.riskSignal() || s.monitored) {
      return;
    }
    startClock(s, at);
    if (s.eliminatedAt != null
        && !s.relapsed
        && at.isBefore(s.eliminatedAt.plusMonths(limits.relapseMonths()))) {
      s.relapsed = true;
      fire(id, Rule.RELAPSE_AFTER_ELIMINATION, at);
    }
  }

  private static void startClock(State s, OffsetDateTime at) {
    if (!s.monitored && s.clockStart == null) {
      s.clockStart = at;
      s.clockFired = false;
    }
  }

  /**
   * Fires, in time order, what fell due in a household up to {@code now} (before it when {@code
   * strictly}): a lost job's wait, the identification clock, self-declarations, the measure.
   */
  private void deadlines(String id, State s, OffsetDateTime now, boolean strictly) {
    while (true) {
      OffsetDateTime jobs =
          s.jobsLostAt == null ? null : s.jobsLostAt.plusMonths(limits.unemploymentWaitMonths());
      OffsetDateTime clock =
          s.clockStart == null || s.clockFired
              ? null
              : s.clockStart.plusDays(limits.identificationDays());
      OffsetDateTime declaration =
          s.declarations.isEmpty()
              ? null
              : s.declarations.get(0).plusDays(limits.selfDeclarationVisitDays());
      OffsetDateTime measure = s.measureDue;
      OffsetDateTime next = earliest(earliest(jobs, clock), earliest(declaration, measure));
      if (next == null || next.isAfter(now) || (strictly && !next.isBefore(now))) {
        return;
      }
      if (next.equals(jobs)) {
        s.jobsLostAt = null;
        signal(id, s, Rule.LABOUR_LOSS, next);
      } else if (next.equals(clock)) {
        s.clockFired = true;
        fire(id, Rule.IDENTIFICATION_OVERDUE, next);
      } else if (next.equals(declaration)) {
        s.declarations.remove(0);
        fire(id, Rule.SELF_DECLARATION_UNANSWERED, next);
      } else {
        s.measureDue = null;
        if (!fittingMeasure(s)) {
          fire(id, Rule.NO_MEASURE, next);
        }
      }
    }
  }

  private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  /**
   * A measure that fits (ADR 0005): developmental with labourers; without, 低保 or 特困 granted or a
   * welfare measure.
   */
  private static boolean fittingMeasure(State s) {
    if (s.labourers > 0) {
      return s.measures.stream().anyMatch(m -> ((AssistanceMeasure) m[1]).developmental());
    }
    return s.granted.containsKey(Programme.MINIMUM_LIVING_ALLOWANCE)
        || s.granted.containsKey(Programme.EXTREME_POVERTY_SUPPORT)
        || s.measures.stream().anyMatch(m -> m[1] == AssistanceMeasure.WELFARE);
  }

  private BigDecimal sumSince(List<Object[]> costs, OffsetDateTime at) {
    return costs.stream()
        .filter(x -> ((OffsetDateTime) x[0]).isAfter(at.minusDays(365)))
        .map(x -> (BigDecimal) x[1])
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private void event(HouseholdEvent e) {
    String id = e.householdId();
    OffsetDateTime at = e.occurredAt();
    if (e.data() instanceof EventData.HouseholdRegistered r) {
      State s = new State();
      s.formerlyPoor = r.formerlyPoor();
      s.members = r.members();
      s.labourers = r.labourers();
      if (r.monitoringCategory() != null) {
        monitor(s, at);
      }
      households.put(id, s);
      return;
    }
    State s = households.get(id);
    if (e.data() instanceof EventData.IncomeAssessed i) {
      BigDecimal line = lines.of(i.year());
      if (i.netIncomePerCapita().compareTo(line) < 0 && !s.monitored) {
        signal(id, s, Rule.LOW_INCOME, at);
      }
      if (s.income != null
          && i.netIncomePerCapita()
                  .compareTo(s.income.multiply(BigDecimal.valueOf(1 - limits.incomeDropShare())))
              <= 0) {
        double rigid =
            sumSince(s.medical, at).add(sumSince(s.schoolingCosts, at)).doubleValue() / s.members;
        if (i.netIncomePerCapita().doubleValue() - rigid
            < limits.incomeDropLineMargin() * line.doubleValue()) {
          signal(id, s, Rule.INCOME_DROP, at);
        }
      }
      s.income = i.netIncomePerCapita();
      s.incomeYear = i.year();
      s.assessments++;
    } else if (e.data() instanceof EventData.MedicalExpense m) {
      s.medical.add(new Object[] {at, m.outOfPocket()});
      BigDecimal sum = sumSince(s.medical, at);
      boolean absolute = sum.compareTo(limits.medical(s.formerlyPoor, s.monitored)) >= 0;
      boolean relative =
          s.income != null
              && sum.doubleValue()
                  >= limits.medicalIncomeShare() * s.income.doubleValue() * s.members;
      if (absolute || relative) {
        signal(id, s, Rule.MEDICAL_BURDEN, at);
      }
    } else if (e.data() instanceof EventData.SchoolingCost c) {
      s.schoolingCosts.add(new Object[] {at, c.selfPaid()});
      int schoolYear = at.getMonthValue() >= 9 ? at.getYear() : at.getYear() - 1;
      BigDecimal sum = s.schooling.merge(schoolYear, c.selfPaid(), BigDecimal::add);
      if (sum.compareTo(limits.schoolingPerYear()) > 0) {
        signal(id, s, Rule.SCHOOLING_BURDEN, at);
      }
    } else if (e.data() instanceof EventData.SchoolEnrolmentChanged c) {
      boolean left =
          !c.enrolled()
              && c.reason() != SchoolLeavingReason.EDUCATION_COMPLETED
              && c.reason() != SchoolLeavingReason.TRANSFERRED;
      if (left && c.age() >= 6 && c.age() <= 16) {
        s.droppedOut.add(c.memberId());
        signal(id, s, Rule.SCHOOL_DROPOUT, at);
      } else if (c.enrolled()) {
        s.droppedOut.remove(c.memberId());
      }
    } else if (e.data() instanceof EventData.HousingAssessed h) {
      s.housingUnsafe = h.grade() == HousingGrade.C || h.grade() == HousingGrade.D;
      if (s.housingUnsafe) {
        signal(id, s, Rule.UNSAFE_HOUSING, at);
      }
    } else if (e.data() instanceof EventData.WaterAssessed w) {
      s.waterUnsafe =
          !w.safe()
              || (w.interruptionDays() != null
                  && w.interruptionDays() > limits.waterInterruptionDays());
      if (s.waterUnsafe) {
        signal(id, s, Rule.UNSAFE_WATER, at);
      }
    } else if (e.data() instanceof EventData.MedicalInsuranceChanged m) {
      if (!m.insured()) {
        s.uninsured.add(m.memberId());
        signal(id, s, Rule.UNINSURED, at);
      } else {
        s.uninsured.remove(m.memberId());
      }
    } else if (e.data() instanceof EventData.DisasterReported d) {
      if (d.loss().signum() > 0) {
        signal(id, s, Rule.DISASTER_LOSS, at);
      }
    } else if (e.data() instanceof EventData.BusinessFailed b) {
      if (b.loss().signum() > 0) {
        signal(id, s, Rule.BUSINESS_FAILURE, at);
      }
    } else if (e.data() instanceof EventData.LoanStatusChanged l) {
      if (l.status() == LoanStatus.OVERDUE && l.daysOverdue() >= 30) {
        signal(id, s, Rule.LOAN_OVERDUE, at);
      }
    } else if (e.data() instanceof EventData.AccidentReported a) {
      if (a.labourLost() && s.labourers > 0) {
        s.labourers--;
        s.employed.remove(a.memberId());
        if (s.labourers == 0) {
          signal(id, s, Rule.LABOUR_LOSS, at);
        }
      }
    } else if (e.data() instanceof EventData.EmploymentChanged j) {
      boolean anyBefore = s.employed.containsValue(true);
      s.employed.put(j.memberId(), j.employed());
      if (j.employed()) {
        s.jobsLostAt = null;
      } else if (anyBefore && !s.employed.containsValue(true)) {
        s.jobsLostAt = at; // a labour loss only once nobody is re-employed for the wait
      }
    } else if (e.data() instanceof EventData.MembersChanged m) {
      if (s.labourers > 0 && m.labourers() == 0) {
        signal(id, s, Rule.LABOUR_LOSS, at);
      }
      s.members = m.members();
      s.labourers = m.labourers();
    } else if (e.data() instanceof EventData.HouseholdStatusChanged h) {
      s.status = h.status();
    } else if (e.data() instanceof EventData.MonitoringStatusChanged m) {
      if (m.status() == MonitoringStatus.MONITORED) {
        monitor(s, at);
      } else {
        eliminate(id, s, at, m.eliminationType());
      }
    } else if (e.data() instanceof EventData.SelfDeclared) {
      s.declarations.add(at);
      startClock(s, at);
    } else if (e.data() instanceof EventData.IdentificationStep step) {
      switch (step.step()) {
        case HOME_VISIT -> {
          s.declarations.clear();
          startClock(s, at);
        }
        case PUBLICITY_STARTED -> s.identificationPublicity = at;
        case COUNTY_DECISION -> {
          publicity(id, s.identificationPublicity, at);
          s.identificationPublicity = null;
          s.clockStart = null;
          if (Boolean.TRUE.equals(step.admitted())) {
            monitor(s, at);
          }
        }
        default -> {}
      }
    } else if (e.data() instanceof EventData.EliminationStep step) {
      if (step.step() == ProcedureStep.PUBLICITY_STARTED) {
        s.eliminationPublicity = at;
      } else if (step.step() == ProcedureStep.COUNTY_DECISION) {
        publicity(id, s.eliminationPublicity, at);
        s.eliminationPublicity = null;
        if (Boolean.TRUE.equals(step.approved())) {
          eliminate(id, s, at, step.eliminationType());
        }
      }
    } else if (e.data() instanceof EventData.AssistanceRecorded a) {
      if (s.monitored) {
        s.measures.add(new Object[] {at, a.measure()});
      }
    } else if (e.data() instanceof EventData.EntitlementChanged g) {
      if (g.granted()) {
        s.granted.put(g.programme(), g.monthlyAmount());
        s.grantedAt.put(g.programme(), at);
      } else {
        s.granted.remove(g.programme());
        s.grantedAt.remove(g.programme());
      }
    }
  }

  /** Monitoring begins (a department's status change or the county's admission). */
  private void monitor(State s, OffsetDateTime at) {
    s.clockStart = null;
    if (s.monitored) {
      return;
    }
    s.monitored = true;
    s.monitoredAt = at;
    s.measures.clear();
    s.measureDue = at.plusDays(limits.measureDays());
    s.eliminatedAt = null;
  }

  private void publicity(String id, OffsetDateTime started, OffsetDateTime decidedAt) {
    if (started == null || decidedAt.isBefore(started.plusDays(limits.publicityDays()))) {
      fire(id, Rule.PUBLICITY_TOO_SHORT, decidedAt);
    }
  }

  /** Risk eliminated: premature for any reason of ADR 0005. */
  private void eliminate(String id, State s, OffsetDateTime at, EliminationType type) {
    boolean early =
        !s.monitored || at.isBefore(s.monitoredAt.plusMonths(limits.eliminationMonths()));
    boolean poor = s.income != null && s.income.compareTo(lines.of(s.incomeYear)) < 0;
    boolean open =
        s.housingUnsafe || s.waterUnsafe || !s.droppedOut.isEmpty() || !s.uninsured.isEmpty();
    boolean noSafetyNet =
        s.labourers == 0
            && !s.granted.containsKey(Programme.MINIMUM_LIVING_ALLOWANCE)
            && !s.granted.containsKey(Programme.EXTREME_POVERTY_SUPPORT);
    boolean unhelped = type != EliminationType.NATURAL && s.measures.isEmpty();
    boolean unstable = s.assessments < 2;
    if (early || poor || open || noSafetyNet || unhelped || unstable) {
      fire(id, Rule.PREMATURE_ELIMINATION, at);
    }
    s.monitored = false;
    s.monitoredAt = null;
    s.measureDue = null;
    s.measures.clear();
    s.eliminatedAt = at;
    s.relapsed = false;
    s.clockStart = null;
  }

  private void payment(SubsidyPayment p) {
    String id = p.householdId();
    State s = households.get(id);
    if (s == null) {
      fire(id, Rule.PAYMENT_UNREGISTERED, p.paidAt());
      return;
    }
    if (s.status != HouseholdStatus.ACTIVE) {
      fire(id, Rule.PAYMENT_TO_INACTIVE, p.paidAt());
    }
    BigDecimal granted = s.granted.get(p.programme());
    if (granted != null && p.amount().compareTo(granted) < 0) {
      fire(id, Rule.PAYMENT_SHORTFALL, p.paidAt());
    }
    if (s.paid.merge(p.programme() + "/" + p.period(), 1, Integer::sum) > 1) {
      fire(id, Rule.DUPLICATE_PAYMENT, p.paidAt());
    }
    Set<Programme> same = s.byPeriod.computeIfAbsent(p.period(), k -> new HashSet<>());
    same.add(p.programme());
    if (same.contains(Programme.MINIMUM_LIVING_ALLOWANCE)
        && same.contains(Programme.EXTREME_POVERTY_SUPPORT)) {
      fire(id, Rule.CONFLICTING_BENEFITS, p.paidAt());
    }
  }

  /** Payments whose deadline passed unpaid (measures and the procedure: {@link #deadlines}). */
  private void absences(String id, State s) {
    s.grantedAt.forEach(
        (programme, at) -> {
          for (YearMonth month = YearMonth.from(at); ; month = month.plusMonths(1)) {
            OffsetDateTime due = Life.graceEnd(month, limits.paymentGraceDays());
            if (!due.isBefore(end)) {
              break;
            }
            if (s.status == HouseholdStatus.ACTIVE
                && !s.paid.containsKey(programme + "/" + month)) {
              fire(id, Rule.PAYMENT_MISSED, due);
            }
          }
        });
  }
}
