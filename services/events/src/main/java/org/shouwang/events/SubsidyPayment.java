package org.shouwang.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A subsidy paid to a household.
 *
 * @param paymentId unique id; sending it again changes nothing
 * @param householdId the household paid, the Kafka key
 * @param programme the programme paying
 * @param period {@code YYYY-MM} for monthly programmes, {@code YYYY} for yearly ones
 * @param amount yuan, more than zero, at most 2 decimals
 * @param paidAt when it was paid
 * @param payer the paying office, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubsidyPayment(
    String paymentId,
    String householdId,
    Programme programme,
    String period,
    BigDecimal amount,
    OffsetDateTime paidAt,
    String payer) {

  public SubsidyPayment {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(paidAt, "paidAt");
  }

  /** Whether the period names a month ({@code YYYY-MM}) rather than a year. */
  public boolean monthlyPeriod() {
    return period.length() == 7;
  }
}
