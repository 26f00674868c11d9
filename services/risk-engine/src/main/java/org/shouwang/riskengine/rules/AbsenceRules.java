package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.time.LocalDate;
import java.util.List;
import org.shouwang.events.Alert;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * The rules that fire on what did not happen, at deadlines of the engine's clock: PAYMENT_MISSED (a
 * monthly entitlement's month still unpaid once its grace days have passed), NO_MEASURE (a
 * monitored household with no fitting measure after the deadline), a PAYMENT_UNREGISTERED that
 * waited out its grace, LABOUR_LOSS months after the last job was lost with nobody employed again,
 * SELF_DECLARATION_UNANSWERED (no home visit) and IDENTIFICATION_OVERDUE (no county decision). Each
 * alert's time is the deadline itself, so replay and live processing agree.
 */
final class AbsenceRules {

  private final RuleCalendar calendar;
  private final int graceDays;
  private final long measureDeadlineMillis;
  private final long measureDeadlineDays;
  private final long unregisteredGraceMillis;
  private final int unemploymentWaitMonths;
  private final long identificationDeadlineMillis;
  private final long identificationDeadlineDays;
  private final long visitDeadlineMillis;
  private final long visitDeadlineDays;
  private final IdentificationRules identification;
  // the last month's deadline: most households are due in the same month (shared by threads,
  // replaced whole, so a stale read only costs a recomputation)
  private volatile long[] deadlineCache = {-1, 0};

  AbsenceRules(
      RiskEngineProperties.Rules rules, RuleCalendar calendar, IdentificationRules identification) {
    this.calendar = calendar;
    this.identification = identification;
    this.unemploymentWaitMonths = rules.labour().unemploymentWaitMonths();
    this.identificationDeadlineMillis = rules.identification().deadline().toMillis();
    this.identificationDeadlineDays = rules.identification().deadline().toDays();
    this.visitDeadlineMillis = rules.identification().visitDeadline().toMillis();
    this.visitDeadlineDays = rules.identification().visitDeadline().toDays();
    this.graceDays = rules.payment().graceDays();
    this.measureDeadlineMillis = rules.monitoring().measureDeadline().toMillis();
    this.measureDeadlineDays = rules.monitoring().measureDeadline().toDays();
    this.unregisteredGraceMillis = rules.payment().unregisteredGrace().toMillis();
  }

  /** Raises the absence rules whose deadlines {@code now} has reached. */
  void onClock(String householdId, HouseholdState state, long now, List<Alert> out) {
    // the job loss first: its alert is a risk signal and may start the identification clock
    long jobLoss = jobLossDeadline(state);
    if (jobLoss != 0 && now >= jobLoss) {
      jobLossDue(householdId, state, jobLoss, out);
    }
    long visit = visitDeadline(state);
    if (visit != 0 && now >= visit) {
      context(householdId, state, state.declarationEventId, visit, out)
          .alert(Rule.SELF_DECLARATION_UNANSWERED, Severity.MEDIUM)
          .evidence(state.declarationEventId)
          .raise(
              AlertTexts.declarationUnanswered(
                  calendar.date(state.declaredMillis), visitDeadlineDays));
    }
    long decision = identificationDeadline(state);
    if (decision != 0 && now >= decision) {
      context(householdId, state, state.identificationEventId, decision, out)
          .alert(Rule.IDENTIFICATION_OVERDUE, Severity.HIGH)
          .evidence(state.identificationEventId)
          .raise(
              AlertTexts.identificationOverdue(
                  calendar.date(state.identificationSinceMillis),
                  state.identificationSignal,
                  identificationDeadlineDays));
    }
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
                out,
                identification);
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
              out,
              identification);
      context
          .alert(Rule.NO_MEASURE, Severity.MEDIUM)
          .evidence(state.monitoringEventId)
          .raise(
              AlertTexts.noMeasure(
                  measureDeadlineDays, calendar.date(state.monitoredSinceMillis), state.labourers));
    }
  }

  private RuleContext context(
      String householdId, HouseholdState state, String eventId, long deadline, List<Alert> out) {
    return new RuleContext(
        householdId, state, eventId, calendar.dateTime(deadline), calendar, out, identification);
  }

  /** LABOUR_LOSS the wait after the last job was lost, if nobody was employed again. */
  private void jobLossDue(
      String householdId, HouseholdState state, long deadline, List<Alert> out) {
    String lost = state.jobLossEventId;
    long lostMillis = state.jobLossMillis;
    state.jobLossMillis = 0;
    state.jobLossEventId = null;
    if (state.labourers > 0 && state.employed.isEmpty()) {
      context(householdId, state, lost, deadline, out)
          .alert(Rule.LABOUR_LOSS, Severity.HIGH)
          .key(LabourRules.NO_EMPLOYMENT)
          .riskType(RiskType.EMPLOYMENT)
          .evidence(lost)
          .raise(
              AlertTexts.noneEmployed(
                  calendar.date(lostMillis), unemploymentWaitMonths, state.labourers));
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
            out,
            identification);
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
    next = earlier(next, measureDeadline(state));
    next = earlier(next, unregisteredDeadline(state));
    next = earlier(next, jobLossDeadline(state));
    next = earlier(next, visitDeadline(state));
    next = earlier(next, identificationDeadline(state));
    return next == Long.MAX_VALUE ? 0 : next;
  }

  /** The earlier of two deadlines, where 0 means none. */
  private static long earlier(long next, long deadline) {
    return deadline == 0 ? next : Math.min(next, deadline);
  }

  private long jobLossDeadline(HouseholdState state) {
    return state.jobLossMillis == 0
        ? 0
        : calendar.plusMonths(state.jobLossMillis, unemploymentWaitMonths);
  }

  private long visitDeadline(HouseholdState state) {
    return state.declaredMillis == 0 || state.open(Rule.SELF_DECLARATION_UNANSWERED, NONE)
        ? 0
        : state.declaredMillis + visitDeadlineMillis;
  }

  private long identificationDeadline(HouseholdState state) {
    return state.identificationSinceMillis == 0 || state.open(Rule.IDENTIFICATION_OVERDUE, NONE)
        ? 0
        : state.identificationSinceMillis + identificationDeadlineMillis;
  }

  private long unregisteredDeadline(HouseholdState state) {
    return state.unregisteredPaidAtMillis == 0 || state.registered
        ? 0
        : state.unregisteredPaidAtMillis + unregisteredGraceMillis;
  }

  private long measureDeadline(HouseholdState state) {
    if (state.monitoring != MonitoringStatus.MONITORED
        || MonitoringRules.fitting(state)
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
