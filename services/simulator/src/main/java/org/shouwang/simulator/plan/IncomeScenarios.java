package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.Department;
import org.shouwang.events.EventData;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.Rule;
import org.shouwang.events.Source;
import org.shouwang.simulator.county.Household;

/**
 * Scenarios of income and livelihood: low or falling income, a failed business, an overdue loan.
 */
final class IncomeScenarios {

  private IncomeScenarios() {}

  /** One scenario per rule of the family. */
  static List<Scenario> all() {
    return List.of(new LowIncome(), new IncomeDrop(), new BusinessFailure(), new LoanOverdue());
  }

  /**
   * {@link Rule#LOW_INCOME}: the year's assessed income is set well below the monitoring line, in a
   * household not monitored (a monitored household's low income raises no alert, ADR 0005).
   */
  static final class LowIncome implements Scenario {

    @Override
    public Rule rule() {
      return Rule.LOW_INCOME;
    }

    @Override
    public boolean fits(Household household) {
      return !household.monitored();
    }

    @Override
    public GroundTruth apply(Life life) {
      if (life.income == null) {
        return null;
      }
      int year = income(life.income).year();
      BigDecimal line = life.config.lines().of(year);
      BigDecimal low =
          line.multiply(BigDecimal.valueOf(0.45 + 0.35 * life.random.nextDouble()))
              .setScale(0, RoundingMode.HALF_UP);
      SimRecord.Event changed = Life.withData(life.income, new EventData.IncomeAssessed(year, low));
      replaceIncome(life, changed);
      return label(
          life,
          changed.at(),
          List.of(changed),
          "per-capita income " + low + " below the " + year + " line " + line);
    }
  }

  /**
   * {@link Rule#INCOME_DROP}: a high assessment followed by one far lower that ends at 1.15–1.45 ×
   * the line (no rigid expenses in a quiet year): a drop of at least the share that leaves the
   * household below {@code incomeDropLineMargin} (1.5) × the line, yet above the line itself.
   */
  static final class IncomeDrop implements Scenario {

    @Override
    public Rule rule() {
      return Rule.INCOME_DROP;
    }

    @Override
    public GroundTruth apply(Life life) {
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
      BigDecimal line2 = life.config.lines().of(year2);
      BigDecimal after =
          line2
              .multiply(BigDecimal.valueOf(1.15 + 0.30 * life.random.nextDouble()))
              .setScale(0, RoundingMode.HALF_UP);
      double drop = 1 - after.doubleValue() / before.doubleValue();
      if (drop < life.config.thresholds().incomeDropShare() + 0.05) {
        return null;
      }
      SimRecord.Event earlier =
          Life.withData(life.income, new EventData.IncomeAssessed(year1, before));
      replaceIncome(life, earlier);
      SimRecord.Event later =
          life.event(second, Source.CADRE_VISIT, null, new EventData.IncomeAssessed(year2, after));
      life.income = later;
      life.incomes.add(later);
      return label(
          life,
          later.at(),
          List.of(later, earlier),
          String.format(
              "per-capita income fell %.0f%% from %s to %s (%.2f × the %d line %s, below %.1f ×)",
              drop * 100,
              before,
              after,
              after.doubleValue() / line2.doubleValue(),
              year2,
              line2,
              life.config.thresholds().incomeDropLineMargin()));
    }
  }

  /** {@link Rule#BUSINESS_FAILURE}: a reported project failure with a loss. */
  static final class BusinessFailure implements Scenario {

    @Override
    public Rule rule() {
      return Rule.BUSINESS_FAILURE;
    }

    @Override
    public GroundTruth apply(Life life) {
      BigDecimal loss = life.money(8_000, 60_000, 100);
      SimRecord failure =
          life.department(
              life.within(0.1, 0.9), Department.AGRICULTURE, new EventData.BusinessFailed(loss));
      return label(life, failure.at(), List.of(failure), "project failed, loss " + loss);
    }
  }

  /** {@link Rule#LOAN_OVERDUE}: a microcredit loan that goes overdue. */
  static final class LoanOverdue implements Scenario {

    @Override
    public Rule rule() {
      return Rule.LOAN_OVERDUE;
    }

    @Override
    public GroundTruth apply(Life life) {
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
          overdue.at(),
          List.of(overdue, current),
          "microcredit " + principal + " overdue " + days + " days");
    }
  }

  private static EventData.IncomeAssessed income(SimRecord.Event event) {
    return event.event().dataAs(EventData.IncomeAssessed.class);
  }

  /** Replaces the household's current assessment by another (same id and time). */
  static void replaceIncome(Life life, SimRecord.Event changed) {
    life.replace(life.income, changed);
    life.incomes.set(life.incomes.indexOf(life.income), changed);
    life.income = changed;
  }
}
