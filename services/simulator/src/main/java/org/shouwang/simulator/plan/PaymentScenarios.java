package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shouwang.events.Department;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.simulator.county.Household;

/** Scenarios of subsidy payments that go wrong for a registered household. */
final class PaymentScenarios {

  private PaymentScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(
        new PaymentMissed(),
        new PaymentShortfall(),
        new DuplicatePayment(),
        new ConflictingBenefits(),
        new PaymentToInactive());
  }

  /** {@link Rule#PAYMENT_MISSED}: a granted month is not paid. */
  static final class PaymentMissed implements Scenario {

    @Override
    public Rule rule() {
      return Rule.PAYMENT_MISSED;
    }

    @Override
    public boolean fits(Household household) {
      return !household.entitlements().isEmpty();
    }

    @Override
    public GroundTruth apply(Life life) {
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
          Life.graceEnd(YearMonth.parse(period), grace),
          List.of(grant),
          programme + " granted but nothing paid for " + period);
    }
  }

  /** {@link Rule#PAYMENT_SHORTFALL}: a month is paid less than granted. */
  static final class PaymentShortfall implements Scenario {

    @Override
    public Rule rule() {
      return Rule.PAYMENT_SHORTFALL;
    }

    @Override
    public boolean fits(Household household) {
      return !household.entitlements().isEmpty();
    }

    @Override
    public GroundTruth apply(Life life) {
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
          skimmed.at(),
          List.of(skimmed, life.grants.get(programme)),
          programme + " paid " + less + " for " + full.payment().period() + "; granted " + granted);
    }
  }

  /** {@link Rule#DUPLICATE_PAYMENT}: a month is paid twice. */
  static final class DuplicatePayment implements Scenario {

    @Override
    public Rule rule() {
      return Rule.DUPLICATE_PAYMENT;
    }

    @Override
    public boolean fits(Household household) {
      return !household.entitlements().isEmpty();
    }

    @Override
    public GroundTruth apply(Life life) {
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
          life, again.at(), List.of(again, original), programme + " paid twice for " + o.period());
    }
  }

  /** {@link Rule#CONFLICTING_BENEFITS}: 低保 and 特困 are paid for the same month. */
  static final class ConflictingBenefits implements Scenario {

    @Override
    public Rule rule() {
      return Rule.CONFLICTING_BENEFITS;
    }

    @Override
    public boolean fits(Household household) {
      return household.entitlements().stream()
          .anyMatch(e -> e.programme() == Programme.MINIMUM_LIVING_ALLOWANCE);
    }

    @Override
    public GroundTruth apply(Life life) {
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
          support.at(),
          List.of(support, paid),
          "低保 and 特困 both paid for " + paid.payment().period());
    }
  }

  /** {@link Rule#PAYMENT_TO_INACTIVE}: payments go on after the household's only member died. */
  static final class PaymentToInactive implements Scenario {

    @Override
    public Rule rule() {
      return Rule.PAYMENT_TO_INACTIVE;
    }

    @Override
    public boolean fits(Household household) {
      return household.size() == 1
          && household.labourers() == 0
          && !household.entitlements().isEmpty();
    }

    @Override
    public GroundTruth apply(Life life) {
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
          firstAfter.at(),
          List.of(firstAfter, status),
          firstAfter.payment().programme()
              + " paid for "
              + firstAfter.payment().period()
              + " after the household died");
    }
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
}
