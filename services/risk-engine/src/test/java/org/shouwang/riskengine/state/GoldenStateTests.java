package org.shouwang.riskengine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.riskengine.rules.HouseholdState;

/**
 * States written by an engine already running must still read after any change to the codec: the
 * golden file holds the encoding of {@link #goldenHousehold()} (every field set) as the codec wrote
 * it when the file was committed. If this test fails, the layout changed: bump {@code
 * StateCodec.VERSION} and keep a reader for version 1 instead of regenerating the file.
 */
class GoldenStateTests {

  static final String GOLDEN = "/golden/household-state-v1.bin";

  @Test
  void decodesTheGoldenStateToTheHouseholdItWasWrittenFrom() throws IOException {
    byte[] golden = golden();
    HouseholdState read = StateCodec.decode(golden);
    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("recentIds")
        .isEqualTo(goldenHousehold());
    assertThat(read.recentIds).containsExactly(goldenHousehold().recentIds);
  }

  @Test
  void encodesTheGoldenHouseholdToTheSameBytes() throws IOException {
    byte[] golden = golden();
    assertThat(StateCodec.encode(goldenHousehold())).isEqualTo(golden);
    assertThat(StateCodec.encode(StateCodec.decode(golden))).isEqualTo(golden);
  }

  static byte[] golden() throws IOException {
    try (InputStream in = GoldenStateTests.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN).isNotNull();
      return in.readAllBytes();
    }
  }

  /** A household with every field of the state set, none to its default. */
  static HouseholdState goldenHousehold() {
    HouseholdState s = new HouseholdState();
    s.registered = true;
    s.townshipCode = "430421105";
    s.villageCode = "430421105201";
    s.cadreId = "cadre-0001";
    s.status = HouseholdStatus.MOVED_AWAY;
    s.members = 5;
    s.labourers = 2;
    s.formerlyPoor = true;
    s.category = MonitoringCategory.UNSTABLE_LIFTED;
    s.incomeYear = 2026;
    s.incomeCents = 745_050;
    s.previousIncomeYear = 2025;
    s.previousIncomeCents = 1_012_000;
    s.medical.add(new long[] {20_500, 850_000});
    s.medical.add(new long[] {20_560, 12_345});
    s.schoolYear = 2025;
    s.schoolCents = 1_200_000;
    s.employed.add("m1");
    s.employed.add("成员-2");
    s.monitoring = MonitoringStatus.MONITORED;
    s.monitoredSinceMillis = 1_772_000_000_000L;
    s.measureSinceMonitored = true;
    s.monitoringEventId = "5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01";
    s.entitlements.add(entitlement(Programme.MINIMUM_LIVING_ALLOWANCE, 72_000, "grant-0001"));
    s.entitlements.add(
        entitlement(
            Programme.EXTREME_POVERTY_SUPPORT, 95_050, "8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"));
    for (int month = 1; month <= 6; month++) {
      s.payments.add(
          payment(
              Programme.MINIMUM_LIVING_ALLOWANCE,
              202600 + month,
              72_000,
              "0a0b0c0d-0000-4000-8000-00000000000" + month));
    }
    s.payments.add(payment(Programme.EDUCATION_AID, 2026, 150_000, "pay-2026-edu"));
    s.conditions.add(condition(Rule.LOAN_OVERDUE, "L-2024-0091", RiskType.BUSINESS_FAILURE, 2));
    s.conditions.add(condition(Rule.PAYMENT_MISSED, "MINIMUM_LIVING_ALLOWANCE", null, 24_318));
    s.conditions.add(condition(Rule.SCHOOL_DROPOUT, "m3", RiskType.EDUCATION, 0));
    for (int i = 0; i < 20; i++) {
      s.remember("event-" + i, 16);
    }
    s.scheduledDeadline = 1_775_000_000_000L;
    s.unregisteredPaidAtMillis = 1_771_000_000_123L;
    s.unregisteredPaymentId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    return s;
  }

  private static HouseholdState.Entitlement entitlement(
      Programme programme, long monthlyCents, String eventId) {
    HouseholdState.Entitlement e = new HouseholdState.Entitlement();
    e.programme = programme;
    e.monthlyCents = monthlyCents;
    e.firstDueMonth = 2026 * 12;
    e.paidThrough = 2026 * 12 + 5;
    e.eventId = eventId;
    return e;
  }

  private static HouseholdState.Payment payment(
      Programme programme, int period, long cents, String id) {
    HouseholdState.Payment p = new HouseholdState.Payment();
    p.programme = programme;
    p.period = period;
    p.cents = cents;
    p.paymentId = id;
    return p;
  }

  private static HouseholdState.Condition condition(
      Rule rule, String key, RiskType riskType, int value) {
    HouseholdState.Condition c = new HouseholdState.Condition();
    c.rule = rule;
    c.key = key;
    c.riskType = riskType == null ? rule.defaultRiskType() : riskType;
    c.sinceDay = 20_610;
    c.value = value;
    return c;
  }
}
