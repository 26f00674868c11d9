package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import org.shouwang.events.EventData;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * Entitlements and the payment rules: PAYMENT_UNREGISTERED (at once, or after a grace from {@link
 * AbsenceRules}), PAYMENT_TO_INACTIVE, DUPLICATE_PAYMENT, CONFLICTING_BENEFITS and
 * PAYMENT_SHORTFALL; a payment also settles the months PAYMENT_MISSED waits for.
 */
final class PaymentRules {

  private final boolean unregisteredAtOnce;
  private final int retainedMonths;

  PaymentRules(RiskEngineProperties.Rules rules) {
    this.unregisteredAtOnce = rules.payment().unregisteredGrace().isZero();
    this.retainedMonths = rules.payment().retainedMonths();
  }

  void entitlementChanged(RuleContext context, EventData.EntitlementChanged event) {
    HouseholdState state = context.state;
    Programme programme = event.programme();
    HouseholdState.Entitlement entitlement = state.entitlement(programme);
    if (!event.granted()) {
      if (entitlement != null) {
        state.entitlements.remove(entitlement);
      }
      state.clear(Rule.PAYMENT_MISSED, programme.name());
      state.clear(Rule.PAYMENT_SHORTFALL, programme.name());
      if (welfare(programme)) {
        state.clear(Rule.CONFLICTING_BENEFITS, NONE);
      }
      return;
    }
    if (entitlement == null) {
      entitlement = new HouseholdState.Entitlement();
      entitlement.programme = programme;
      // the month after the grant is the first that must be paid: a grant late in a month is
      // usually paid from the next one
      entitlement.firstDueMonth = RuleCalendar.month(context.date()) + 1;
      entitlement.paidThrough = entitlement.firstDueMonth - 1;
      entitlement.eventId = context.eventId;
      state.entitlements.add(entitlement);
    }
    entitlement.monthlyCents =
        event.monthlyAmount() == null ? 0 : Money.cents(event.monthlyAmount());
    advancePaid(state, entitlement);
    if (welfare(programme) && MonitoringRules.fitting(state)) {
      state.clear(Rule.NO_MEASURE, NONE); // 兜底 for a household without labourers
    }
  }

  void paid(RuleContext context, SubsidyPayment payment) {
    HouseholdState state = context.state;
    Programme programme = payment.programme();
    boolean monthly = payment.monthlyPeriod();
    int period =
        monthly
            ? Integer.parseInt(payment.period().substring(0, 4)) * 100
                + Integer.parseInt(payment.period().substring(5, 7))
            : Integer.parseInt(payment.period());
    long amount = Money.cents(payment.amount());

    unregisteredOrInactive(context, payment, amount);
    HouseholdState.Payment earlier = state.payment(programme, period);
    duplicate(context, payment, period, amount, earlier);
    conflicting(context, payment, period, amount);
    HouseholdState.Entitlement entitlement = state.entitlement(programme);
    if (entitlement != null && monthly && programme.frequency() == Programme.Frequency.MONTHLY) {
      shortfall(context, payment, amount, entitlement);
    }

    if (earlier == null) {
      HouseholdState.Payment seen = new HouseholdState.Payment();
      seen.programme = programme;
      seen.period = period;
      seen.cents = amount;
      seen.paymentId = payment.paymentId();
      state.payments.add(seen);
    }
    if (entitlement != null) {
      advancePaid(state, entitlement);
    }
    prunePayments(state, RuleCalendar.month(context.date()));
  }

  /** PAYMENT_UNREGISTERED (now or after its grace) and PAYMENT_TO_INACTIVE. */
  private void unregisteredOrInactive(RuleContext context, SubsidyPayment payment, long amount) {
    HouseholdState state = context.state;
    if (!state.registered) {
      if (unregisteredAtOnce) {
        raiseUnregistered(context, payment.programme(), payment.period(), amount);
      } else if (state.unregisteredPaidAtMillis == 0
          && !state.open(Rule.PAYMENT_UNREGISTERED, NONE)) {
        // fires from AbsenceRules when the grace has passed and no registration came
        state.unregisteredPaidAtMillis = context.millis;
        state.unregisteredPaymentId = payment.paymentId();
      }
    } else if (state.status.inactive()) {
      context
          .alert(Rule.PAYMENT_TO_INACTIVE, Severity.CRITICAL)
          .raise(
              AlertTexts.paymentToInactive(
                  state.status, payment.programme(), payment.period(), amount));
    }
  }

  /** DUPLICATE_PAYMENT: a second payment (another id) of a programme for the same period. */
  private static void duplicate(
      RuleContext context,
      SubsidyPayment payment,
      int period,
      long amount,
      HouseholdState.Payment earlier) {
    if (earlier != null && !earlier.paymentId.equals(payment.paymentId())) {
      Programme programme = payment.programme();
      context
          .alert(Rule.DUPLICATE_PAYMENT, Severity.HIGH)
          .key(programme.name() + ":" + period)
          .value(period)
          .evidence(earlier.paymentId, payment.paymentId())
          .raise(AlertTexts.duplicatePayment(programme, payment.period(), earlier.cents, amount));
    }
  }

  /** CONFLICTING_BENEFITS: minimum living allowance and extreme poverty support in one period. */
  private static void conflicting(
      RuleContext context, SubsidyPayment payment, int period, long amount) {
    Programme programme = payment.programme();
    if (!welfare(programme)) {
      return;
    }
    Programme other =
        programme == Programme.MINIMUM_LIVING_ALLOWANCE
            ? Programme.EXTREME_POVERTY_SUPPORT
            : Programme.MINIMUM_LIVING_ALLOWANCE;
    HouseholdState.Payment conflicting = context.state.payment(other, period);
    if (conflicting != null) {
      context
          .alert(Rule.CONFLICTING_BENEFITS, Severity.HIGH)
          .evidence(conflicting.paymentId, payment.paymentId())
          .raise(
              AlertTexts.conflictingBenefits(
                  payment.period(), other, conflicting.cents, programme, amount));
    }
  }

  /** PAYMENT_SHORTFALL: a monthly payment below the entitlement's monthly amount. */
  private static void shortfall(
      RuleContext context,
      SubsidyPayment payment,
      long amount,
      HouseholdState.Entitlement entitlement) {
    Programme programme = payment.programme();
    if (amount < entitlement.monthlyCents) {
      context
          .alert(Rule.PAYMENT_SHORTFALL, Severity.HIGH)
          .key(programme.name())
          .evidence(payment.paymentId(), entitlement.eventId)
          .raise(
              AlertTexts.paymentShortfall(
                  programme, payment.period(), amount, entitlement.monthlyCents));
    } else {
      context.state.clear(Rule.PAYMENT_SHORTFALL, programme.name());
    }
  }

  static void raiseUnregistered(
      RuleContext context, Programme programme, String period, long amountCents) {
    context
        .alert(Rule.PAYMENT_UNREGISTERED, Severity.CRITICAL)
        .raise(AlertTexts.unregisteredPayment(programme, period, amountCents));
  }

  /** Moves an entitlement's paid months past every month paid since, and clears a missed one. */
  private static void advancePaid(HouseholdState state, HouseholdState.Entitlement entitlement) {
    while (state.payment(entitlement.programme, RuleCalendar.periodOf(entitlement.paidThrough + 1))
        != null) {
      entitlement.paidThrough++;
    }
    HouseholdState.Condition missed =
        state.condition(Rule.PAYMENT_MISSED, entitlement.programme.name());
    if (missed != null && entitlement.paidThrough >= missed.value) {
      state.conditions.remove(missed);
    }
  }

  private void prunePayments(HouseholdState state, int currentMonth) {
    int oldestMonth = currentMonth - retainedMonths;
    int oldestMonthly = RuleCalendar.periodOf(oldestMonth);
    int oldestYear = oldestMonth / 12 - 1;
    state.payments.removeIf(
        payment ->
            payment.period >= 100_000
                ? payment.period < oldestMonthly
                : payment.period < oldestYear);
    state.conditions.removeIf(
        condition ->
            condition.rule == Rule.DUPLICATE_PAYMENT
                && (condition.value >= 100_000
                    ? condition.value < oldestMonthly
                    : condition.value < oldestYear));
  }

  private static boolean welfare(Programme programme) {
    return programme == Programme.MINIMUM_LIVING_ALLOWANCE
        || programme == Programme.EXTREME_POVERTY_SUPPORT;
  }
}
