package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.time.LocalDate;
import java.util.List;
import org.shouwang.events.Alert;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * The rules that fire on what did not happen, at deadlines of the engine's clock: PAYMENT_MISSED (a
 * monthly entitlement's month still unpaid once its grace days have passed), NO_MEASURE (a
 * monitored household with labourers and no measure after the deadline) and a PAYMENT_UNREGISTERED
 * that waited out its grace. Each alert's time is the deadline itself, so replay and live
 * processing agree.
 */
final class AbsenceRules {

  private final RuleCalendar calendar;
  private final int graceDays;
  private final long measureDeadlineMillis;
  private final long measureDeadlineDays;
  private final long unregisteredGraceMillis;
  // the last month's deadline: most households are due in the same month (shared by threads,
  // replaced whole, so a stale read only costs a recomputation)
  private volatile long[] deadlineCache = {-1, 0};

  AbsenceRules(RiskEngineProperties.Rules rules, RuleCalendar calendar) {
    this.calendar = calendar;
    this.graceDays = rules.payment().graceDays();
    this.measureDeadlineMillis = rules.monitoring().measureDeadline().toMillis();
    this.measureDeadlineDays = rules.monitoring().measureDeadline().toDays();
    this.unregisteredGraceMillis = rules.payment().unregisteredGrace().toMillis();
  }

  /** Raises the absence rules whose deadlines {@code now} has reached. */
  void onClock(String householdId, HouseholdState state, long now, List<Alert> out) {
    long unregistered = unregisteredDeadline(state);
    if (unregistered != 0 && now >= unregistered) {
      unregisteredPaymentDue(householdId, state, unregistered, out);
    }
    for (HouseholdState.Entitlement entitlement : state.entitlements) {
      if (entitlement.programme.frequency() != Programme.Frequency.MONTHLY
          || state.open(Rule.PAYMENT_MISSED, entitlement.programme.name())) {
        continue;
      }
      int month = entitlement.paidThrough + 1;
      long deadline = paymentDeadline(month);
      if (now >= deadline) {
        RuleContext context =
            new RuleContext(
                householdId,
                state,
                entitlement.eventId,
                calendar.dateTime(deadline),
                calendar,
                out);
        LocalDate lastGraceDay = LocalDate.ofEpochDay(context.day - 1);
        context
            .alert(Rule.PAYMENT_MISSED, Severity.MEDIUM)
            .key(entitlement.programme.name())
            .value(month)
            .evidence(entitlement.eventId)
            .raise(
                AlertTexts.paymentMissed(
                    entitlement.programme, month, entitlement.monthlyCents, lastGraceDay));
      }
    }
    long measureDeadline = measureDeadline(state);
    if (measureDeadline != 0 && now >= measureDeadline) {
      RuleContext context =
          new RuleContext(
              householdId,
              state,
              state.monitoringEventId,
              calendar.dateTime(measureDeadline),
              calendar,
              out);
      context
          .alert(Rule.NO_MEASURE, Severity.MEDIUM)
          .evidence(state.monitoringEventId)
          .raise(
              AlertTexts.noMeasure(
                  measureDeadlineDays, calendar.date(state.monitoredSinceMillis), state.labourers));
    }
  }

  private void unregisteredPaymentDue(
      String householdId, HouseholdState state, long deadline, List<Alert> out) {
    RuleContext context =
        new RuleContext(
            householdId,
            state,
            state.unregisteredPaymentId,
            calendar.dateTime(deadline),
            calendar,
            out);
    HouseholdState.Payment paid = null;
    for (HouseholdState.Payment payment : state.payments) {
      if (payment.paymentId.equals(state.unregisteredPaymentId)) {
        paid = payment;
        break;
      }
    }
    if (paid != null) {
      PaymentRules.raiseUnregistered(
          context, paid.programme, AlertTexts.periodLabel(paid.period), paid.cents);
    } else {
      context
          .alert(Rule.PAYMENT_UNREGISTERED, Severity.CRITICAL)
          .raise(AlertTexts.UNREGISTERED_PAYMENT);
    }
    state.unregisteredPaidAtMillis = 0;
    state.unregisteredPaymentId = null;
  }

  /** When the absence rules next need a look at this household; 0 when never. */
  long nextDeadline(HouseholdState state) {
    long next = Long.MAX_VALUE;
    for (HouseholdState.Entitlement entitlement : state.entitlements) {
      if (entitlement.programme.frequency() == Programme.Frequency.MONTHLY
          && !state.open(Rule.PAYMENT_MISSED, entitlement.programme.name())) {
        next = Math.min(next, paymentDeadline(entitlement.paidThrough + 1));
      }
    }
    long measure = measureDeadline(state);
    if (measure != 0) {
      next = Math.min(next, measure);
    }
    long unregistered = unregisteredDeadline(state);
    if (unregistered != 0) {
      next = Math.min(next, unregistered);
    }
    return next == Long.MAX_VALUE ? 0 : next;
  }

  private long unregisteredDeadline(HouseholdState state) {
    return state.unregisteredPaidAtMillis == 0 || state.registered
        ? 0
        : state.unregisteredPaidAtMillis + unregisteredGraceMillis;
  }

  private long measureDeadline(HouseholdState state) {
    if (state.monitoring != MonitoringStatus.MONITORED
        || state.measureSinceMonitored
        || state.labourers <= 0
        || state.open(Rule.NO_MEASURE, NONE)) {
      return 0;
    }
    return state.monitoredSinceMillis + measureDeadlineMillis;
  }

  /** The first instant after the grace days of the month following {@code month}. */
  private long paymentDeadline(int month) {
    long[] cached = deadlineCache;
    if (cached[0] == month) {
      return cached[1];
    }
    int next = month + 1;
    long deadline = calendar.startOf(LocalDate.of(next / 12, next % 12 + 1, 1).plusDays(graceDays));
    deadlineCache = new long[] {month, deadline};
    return deadline;
  }
}
