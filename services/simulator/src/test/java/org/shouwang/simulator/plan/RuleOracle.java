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
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.SubsidyPayment;

/**
 * An independent, deliberately plain reading of CONTRACT.md's rule table: replays records in order
 * and reports, per household, every rule whose condition holds and when it first did. Written apart
 * from the generator so that a label matching it means the scenario really crosses its threshold,
 * and a household without a label really stays below every one.
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
    final List<Object[]> medical = new ArrayList<>();
    final Map<Integer, BigDecimal> schooling = new HashMap<>();
    final Map<String, Boolean> employed = new HashMap<>();
    OffsetDateTime monitoredAt;
    final List<OffsetDateTime> measures = new ArrayList<>();
    final Map<Programme, BigDecimal> granted = new EnumMap<>(Programme.class);
    final Map<Programme, OffsetDateTime> grantedAt = new EnumMap<>(Programme.class);
    final Map<String, Integer> paid = new HashMap<>();
    final Map<String, Set<Programme>> byPeriod = new HashMap<>();
  }

  Map<Firing, OffsetDateTime> replay(List<SimRecord> records) {
    for (SimRecord record : records) {
      if (record instanceof SimRecord.Event e) {
        event(e.event());
      } else if (record instanceof SimRecord.Payment p) {
        payment(p.payment());
      }
    }
    households.forEach(this::absences);
    return firings;
  }

  private void fire(String householdId, Rule rule, OffsetDateTime at) {
    firings.merge(new Firing(householdId, rule), at, (a, b) -> a.isBefore(b) ? a : b);
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
        s.monitoredAt = at;
      }
      households.put(id, s);
      return;
    }
    State s = households.get(id);
    if (e.data() instanceof EventData.IncomeAssessed i) {
      if (i.netIncomePerCapita().compareTo(lines.of(i.year())) < 0) {
        fire(id, Rule.LOW_INCOME, at);
      }
      if (s.income != null
          && i.netIncomePerCapita()
                  .compareTo(s.income.multiply(BigDecimal.valueOf(1 - limits.incomeDropShare())))
              <= 0) {
        fire(id, Rule.INCOME_DROP, at);
      }
      s.income = i.netIncomePerCapita();
    } else if (e.data() instanceof EventData.MedicalExpense m) {
      s.medical.add(new Object[] {at, m.outOfPocket()});
      BigDecimal sum =
          s.medical.stream()
              .filter(x -> ((OffsetDateTime) x[0]).isAfter(at.minusDays(365)))
              .map(x -> (BigDecimal) x[1])
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      boolean absolute = sum.compareTo(limits.medical(s.formerlyPoor)) >= 0;
      boolean relative =
          s.income != null
              && sum.doubleValue()
                  >= limits.medicalIncomeShare() * s.income.doubleValue() * s.members;
      if (absolute || relative) {
        fire(id, Rule.MEDICAL_BURDEN, at);
      }
    } else if (e.data() instanceof EventData.SchoolingCost c) {
      int schoolYear = at.getMonthValue() >= 9 ? at.getYear() : at.getYear() - 1;
      BigDecimal sum = s.schooling.merge(schoolYear, c.selfPaid(), BigDecimal::add);
      if (sum.compareTo(limits.schoolingPerYear()) > 0) {
        fire(id, Rule.SCHOOLING_BURDEN, at);
      }
    } else if (e.data() instanceof EventData.SchoolEnrolmentChanged c) {
      if (!c.enrolled() && c.age() >= 6 && c.age() <= 16) {
        fire(id, Rule.SCHOOL_DROPOUT, at);
      }
    } else if (e.data() instanceof EventData.HousingAssessed h) {
      if (h.grade() == HousingGrade.C || h.grade() == HousingGrade.D) {
        fire(id, Rule.UNSAFE_HOUSING, at);
      }
    } else if (e.data() instanceof EventData.WaterAssessed w) {
      if (!w.safe()
          || (w.interruptionDays() != null
              && w.interruptionDays() > limits.waterInterruptionDays())) {
        fire(id, Rule.UNSAFE_WATER, at);
      }
    } else if (e.data() instanceof EventData.MedicalInsuranceChanged m) {
      if (!m.insured()) {
        fire(id, Rule.UNINSURED, at);
      }
    } else if (e.data() instanceof EventData.DisasterReported d) {
      if (d.loss().signum() > 0) {
        fire(id, Rule.DISASTER_LOSS, at);
      }
    } else if (e.data() instanceof EventData.BusinessFailed b) {
      if (b.loss().signum() > 0) {
        fire(id, Rule.BUSINESS_FAILURE, at);
      }
    } else if (e.data() instanceof EventData.LoanStatusChanged l) {
      if (l.status() == LoanStatus.OVERDUE && l.daysOverdue() >= 30) {
        fire(id, Rule.LOAN_OVERDUE, at);
      }
    } else if (e.data() instanceof EventData.AccidentReported a) {
      if (a.labourLost() && s.labourers <= 1) {
        fire(id, Rule.LABOUR_LOSS, at);
      }
    } else if (e.data() instanceof EventData.EmploymentChanged j) {
      boolean anyBefore = s.employed.containsValue(true);
      s.employed.put(j.memberId(), j.employed());
      if (anyBefore && !s.employed.containsValue(true)) {
        fire(id, Rule.LABOUR_LOSS, at);
      }
    } else if (e.data() instanceof EventData.MembersChanged m) {
      if (s.labourers > 0 && m.labourers() == 0) {
        fire(id, Rule.LABOUR_LOSS, at);
      }
      s.members = m.members();
      s.labourers = m.labourers();
    } else if (e.data() instanceof EventData.HouseholdStatusChanged h) {
      s.status = h.status();
    } else if (e.data() instanceof EventData.MonitoringStatusChanged m) {
      if (m.status() == MonitoringStatus.MONITORED) {
        if (s.monitoredAt == null) {
          s.monitoredAt = at;
        }
      } else {
        boolean early =
            s.monitoredAt == null
                || at.isBefore(s.monitoredAt.plusMonths(limits.eliminationMonths()));
        boolean poor = s.income != null && s.income.compareTo(lines.of(at.getYear())) < 0;
        if (early || poor) {
          fire(id, Rule.PREMATURE_ELIMINATION, at);
        }
        s.monitoredAt = null;
        s.measures.clear();
      }
    } else if (e.data() instanceof EventData.AssistanceRecorded a) {
      s.measures.add(at);
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

  /** Rules about what did not happen: payments and measures whose deadline passed. */
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
    if (s.monitoredAt != null && s.labourers > 0) {
      OffsetDateTime due = s.monitoredAt.plusDays(limits.measureDays());
      boolean measured =
          s.measures.stream().anyMatch(m -> !m.isBefore(s.monitoredAt) && !m.isAfter(due));
      if (!measured && due.isBefore(end)) {
        fire(id, Rule.NO_MEASURE, due);
      }
    }
  }
}
