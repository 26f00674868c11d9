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
 * States written by an engine already running must still read after any change to the codec: each
 * golden file holds the encoding of a household as the codec of its version wrote it when the file
 * was committed ({@link #goldenHouseholdV1()} in version 1, {@link #goldenHousehold()}, every field
 * set, in version 2). If a test here fails, the layout changed: bump {@code StateCodec.VERSION} and
 * keep a reader for the versions before instead of regenerating a file.
 */
class GoldenStateTests {

  static final String GOLDEN_V1 = "/golden/household-state-v1.bin";
  static final String GOLDEN_V2 = "/golden/household-state-v2.bin";

  @Test
  void decodesTheVersionOneStateToTheHouseholdItWasWrittenFrom() throws IOException {
    byte[] golden = golden(GOLDEN_V1);
    assertThat(golden[0]).as("version").isEqualTo((byte) 1);
    assertSameHousehold(StateCodec.decode(golden), goldenHouseholdV1());
  }

  @Test
  void rewritesAVersionOneStateAsVersionTwoWithNothingLost() throws IOException {
    HouseholdState read = StateCodec.decode(golden(GOLDEN_V1));
    byte[] rewritten = StateCodec.encode(read);
    assertThat(rewritten[0]).as("version").isEqualTo((byte) StateCodec.VERSION);
    assertSameHousehold(StateCodec.decode(rewritten), goldenHouseholdV1());
  }

  @Test
  void decodesTheVersionTwoStateToTheHouseholdItWasWrittenFrom() throws IOException {
    byte[] golden = golden(GOLDEN_V2);
    assertThat(golden[0]).as("version").isEqualTo((byte) 2);
    assertSameHousehold(StateCodec.decode(golden), goldenHousehold());
  }

  @Test
  void encodesTheGoldenHouseholdToTheSameBytes() throws IOException {
    byte[] golden = golden(GOLDEN_V2);
    assertThat(StateCodec.encode(goldenHousehold())).isEqualTo(golden);
    assertThat(StateCodec.encode(StateCodec.decode(golden))).isEqualTo(golden);
  }

  private static void assertSameHousehold(HouseholdState read, HouseholdState expected) {
    assertThat(read).usingRecursiveComparison().ignoringFields("recentIds").isEqualTo(expected);
    assertThat(read.recentIds).containsExactly(expected.recentIds);
  }

  static byte[] golden(String file) throws IOException {
    try (InputStream in = GoldenStateTests.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }

  /**
   * The household of the version-1 file as version 2 reads it: version 1 had no fields of
   * identification, elimination or job loss, and a measure it recorded counts as fitting.
   */
  static HouseholdState goldenHouseholdV1() {
    HouseholdState s = goldenHousehold();
    s.developmentalMeasure = true;
    s.welfareMeasure = true;
    s.eliminatedMillis = 0;
    s.eliminationEventId = null;
    s.identificationSinceMillis = 0;
    s.identificationSignal = 0;
    s.identificationEventId = null;
    s.declaredMillis = 0;
    s.declarationEventId = null;
    s.identificationPublicityMillis = 0;
    s.identificationPublicityEventId = null;
    s.eliminationPublicityMillis = 0;
    s.eliminationPublicityEventId = null;
    s.jobLossMillis = 0;
    s.jobLossEventId = null;
    s.monitoredSinceMillis = 1_772_000_000_000L; // version 1 kept seconds
    return s;
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
    s.monitoredSinceMillis = 1_772_000_000_123L;
    s.measureSinceMonitored = true;
    s.developmentalMeasure = true;
    s.welfareMeasure = true;
    s.monitoringEventId = "5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01";
    s.eliminatedMillis = 1_740_000_000_456L;
    s.eliminationEventId = "e1e2e3e4-0000-4000-8000-000000000001";
    s.identificationSinceMillis = 1_773_000_000_789L;
    s.identificationSignal = 3 + Rule.MEDICAL_BURDEN.ordinal();
    s.identificationEventId = "e1e2e3e4-0000-4000-8000-000000000002";
    s.declaredMillis = 1_773_100_000_000L;
    s.declarationEventId = "declaration-1";
    s.identificationPublicityMillis = 1_773_200_000_000L;
    s.identificationPublicityEventId = "e1e2e3e4-0000-4000-8000-000000000003";
    s.eliminationPublicityMillis = 1_773_300_000_000L;
    s.eliminationPublicityEventId = "e1e2e3e4-0000-4000-8000-000000000004";
    s.jobLossMillis = 1_773_400_000_000L;
    s.jobLossEventId = "job-loss-1";
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
