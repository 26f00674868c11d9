package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.simulator.county.CountyGenerator;
import org.shouwang.simulator.county.Household;

/**
 * {@link Rule#PAYMENT_UNREGISTERED}: payments to households that were never registered. No
 * registered household can carry it, so it is injected beside the county's lives, not into one.
 */
final class PaymentUnregistered implements Scenario {

  /** Serials of households that were never registered start here (townships stop far below). */
  static final int UNREGISTERED_SERIAL = 90_001;

  @Override
  public Rule rule() {
    return Rule.PAYMENT_UNREGISTERED;
  }

  @Override
  public boolean fits(Household household) {
    return false;
  }

  @Override
  public GroundTruth apply(Life life) {
    throw new IllegalArgumentException("not a household scenario");
  }

  /** Payments to households that were never registered (ghost households). */
  static List<GroundTruth> inject(
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
