package org.shouwang.riskengine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.riskengine.rules.HouseholdState;

class StateCodecTests {

  // each state's codec cache, as the household store's entry holds it
  private final Map<HouseholdState, CodecCache> caches = new IdentityHashMap<>();

  private CodecCache cacheOf(HouseholdState state) {
    return caches.computeIfAbsent(state, s -> new CodecCache());
  }

  private byte[] encode(HouseholdState state) {
    return StateCodec.encode(state, cacheOf(state));
  }

  private HouseholdState decode(byte[] bytes) {
    CodecCache cache = new CodecCache();
    HouseholdState state = StateCodec.decode(bytes, cache);
    caches.put(state, cache);
    return state;
  }

  @Test
  void readsBackEverythingItWrote() {
    HouseholdState state = busyHousehold();
    byte[] bytes = encode(state);
    HouseholdState read = decode(bytes);
    assertThat(encode(read)).isEqualTo(bytes);
    assertThat(read).usingRecursiveComparison().ignoringFields("recentIds").isEqualTo(state);
    assertThat(read.recentIds).containsExactly(state.recentIds);
  }

  @Test
  void writesTheSameBytesFromThePaymentsItKeptFromBefore() {
    HouseholdState state = busyHousehold();
    byte[] first = encode(state);
    PaymentsBlock kept = cacheOf(state).payments;
    assertThat(kept.payments()).containsExactlyElementsOf(state.payments);
    assertThat(encode(state)).isEqualTo(first);
    assertThat(cacheOf(state).payments).isSameAs(kept);
    // a payment whose id is not a UUID, after twelve kept ones
    state.payments.add(payment(Programme.EDUCATION_AID, 2026, "pay-2026-0013"));
    byte[] withLate = encode(state);
    assertThat(withLate).isEqualTo(encodedAfresh(state));
    HouseholdState read = decode(withLate);
    assertThat(paymentIds(read)).containsExactlyElementsOf(paymentIds(state));
    assertThat(encode(read)).isEqualTo(withLate);
  }

  @Test
  void keepsABusyHouseholdWellUnderOneKibibyte() {
    // a year of monthly payments, entitlements, costs, jobs, conditions and a full id window
    assertThat(encode(busyHousehold())).hasSizeLessThan(1024);
  }

  @Test
  void encodesThePaymentsAgainWheneverTheListChanges() {
    HouseholdState state = busyHousehold();
    encode(state);
    // added at the end, removed from the front, replaced in place: each must show
    HouseholdState.Payment added = payment(Programme.EDUCATION_AID, 2026, "pay-2026-edu");
    state.payments.add(added);
    assertThat(paymentIds(decode(encode(state)))).endsWith("pay-2026-edu").hasSize(13);
    state.payments.remove(0);
    assertThat(paymentIds(decode(encode(state)))).hasSize(12);
    state.payments.set(0, payment(Programme.MINIMUM_LIVING_ALLOWANCE, 202699, "pay-swapped"));
    HouseholdState read = decode(encode(state));
    assertThat(paymentIds(read)).startsWith("pay-swapped").hasSize(12);
    assertThat(read.payments.get(0).period).isEqualTo(202699);
    // a decoded state writes its payments as it read them
    assertThat(encode(read)).isEqualTo(encode(state));
    read.payments.clear();
    assertThat(decode(encode(read)).payments).isEmpty();
  }

  @Test
  void writesKeptPaymentsAsIfEncodedAfreshWhateverChanged() {
    List<Consumer<List<HouseholdState.Payment>>> changes =
        List.of(
            list -> list.add(payment(Programme.EDUCATION_AID, 2026, "pay-added")),
            list -> list.remove(0),
            list -> list.remove(list.size() - 1),
            list -> list.remove(5),
            list -> list.subList(0, 4).clear(),
            list -> list.set(3, payment(Programme.EDUCATION_AID, 2026, "pay-in-place")),
            list -> list.add(0, payment(Programme.EDUCATION_AID, 2026, "pay-first")),
            list -> Collections.swap(list, 2, 7),
            list -> Collections.reverse(list),
            List::clear);
    for (int i = 0; i < changes.size(); i++) {
      for (boolean decoded : new boolean[] {false, true}) {
        HouseholdState state = busyHousehold();
        byte[] before = encode(state);
        if (decoded) {
          state = decode(before);
        }
        // each change on its own, then together with the next one and an added payment
        changes.get(i).accept(state.payments);
        assertThat(encode(state)).as("change %d", i).isEqualTo(encodedAfresh(state));
        changes.get((i + 1) % changes.size()).accept(state.payments);
        state.payments.add(payment(Programme.MINIMUM_LIVING_ALLOWANCE, 202701, "pay-next"));
        byte[] after = encode(state);
        assertThat(after).as("change %d and %d", i, i + 1).isEqualTo(encodedAfresh(state));
        assertThat(paymentIds(decode(after))).isEqualTo(paymentIds(state));
      }
    }
  }

  @Test
  void readsBackTextsThatAreNotAsciiOrAreLong() {
    HouseholdState state = busyHousehold();
    state.townshipCode = "Qīngshān-青山镇-01";
    state.villageCode = "Qīngshān-" + "v".repeat(117); // 126, none above U+07FF
    state.cadreId = "c".repeat(127);
    state.employed.add("成员-é-" + "x".repeat(300));
    state.conditions.get(0).key = "贷款-L-1";
    HouseholdState read = decode(encode(state));
    assertThat(read.townshipCode).isEqualTo("Qīngshān-青山镇-01");
    assertThat(read.villageCode).isEqualTo(state.villageCode);
    assertThat(read.cadreId).isEqualTo(state.cadreId);
    assertThat(read.employed).isEqualTo(state.employed);
    assertThat(read.conditions.get(0).key).isEqualTo("贷款-L-1");
  }

  /** The encoding of {@code state} by a codec that has never seen its payments. */
  private static byte[] encodedAfresh(HouseholdState state) {
    HouseholdState fresh = state.copy();
    fresh.payments.replaceAll(
        p -> payment(p.programme, p.period, p.paymentId, p.cents)); // new objects: nothing reused
    return StateCodec.encode(fresh);
  }

  private static HouseholdState.Payment payment(Programme programme, int period, String id) {
    return payment(programme, period, id, 1_000);
  }

  private static HouseholdState.Payment payment(
      Programme programme, int period, String id, long cents) {
    HouseholdState.Payment p = new HouseholdState.Payment();
    p.programme = programme;
    p.period = period;
    p.cents = cents;
    p.paymentId = id;
    return p;
  }

  private static java.util.List<String> paymentIds(HouseholdState state) {
    return state.payments.stream().map(p -> p.paymentId).toList();
  }

  @Test
  void writesUuidsInSixteenBytesAndAnythingElseAsText() {
    HouseholdState state = new HouseholdState();
    String[] ids = {
      "5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01",
      "5B0E3F0C-7A55-4F0A-9F7E-3C1F1C0D9A01",
      "5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a0g",
      "5b0e3f0c+7a55-4f0a-9f7e-3c1f1c0d9a01",
      "5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a0",
      "pay-1"
    };
    for (String id : ids) {
      state.payments.add(payment(Programme.EDUCATION_AID, 2026, id));
    }
    byte[] bytes = encode(state);
    assertThat(paymentIds(decode(bytes))).containsExactly(ids);
    HouseholdState uuidOnly = new HouseholdState();
    uuidOnly.payments.add(payment(Programme.EDUCATION_AID, 2026, ids[0]));
    HouseholdState textOnly = new HouseholdState();
    textOnly.payments.add(payment(Programme.EDUCATION_AID, 2026, ids[1]));
    assertThat(encode(textOnly).length - encode(uuidOnly).length)
        .as("a UUID takes 17 bytes, its upper-case text 38")
        .isEqualTo(38 - 17);
  }

  @Test
  void aCopyIsEqualAndSharesNothingTheRulesChange() {
    HouseholdState state = busyHousehold();
    state.measureSinceMonitored = true;
    state.unregisteredPaidAtMillis = 1_771_000_000_000L;
    state.unregisteredPaymentId = "pay-early";
    byte[] before = encode(state);

    HouseholdState copy = state.copy();
    assertThat(copy).usingRecursiveComparison().isEqualTo(state);
    assertThat(encode(copy)).isEqualTo(before);

    // everything a record may change, changed on the copy
    copy.entitlements.get(0).paidThrough++;
    copy.entitlements.get(0).monthlyCents = 1;
    copy.entitlements.add(new HouseholdState.Entitlement());
    copy.conditions.get(0).value = 3;
    copy.conditions.get(0).sinceDay = 1;
    copy.conditions.remove(0);
    copy.medical.clear();
    copy.employed.add("m2");
    copy.payments.remove(0);
    copy.remember("event-new", 16);
    copy.members = 1;
    assertThat(encode(state)).isEqualTo(before);
  }

  @Test
  void aPendingUnregisteredPaymentSurvivesTheStateEncoding() {
    HouseholdState state = new HouseholdState();
    state.unregisteredPaidAtMillis = 1_772_676_000_000L;
    state.unregisteredPaymentId = "3f1c2b9e-5d7a-4c1e-9b8f-2a6d4e8c1f01";
    HouseholdState decoded = decode(encode(state));
    assertThat(decoded.unregisteredPaidAtMillis).isEqualTo(state.unregisteredPaidAtMillis);
    assertThat(decoded.unregisteredPaymentId).isEqualTo(state.unregisteredPaymentId);
    assertThat(decode(encode(new HouseholdState())).unregisteredPaidAtMillis).isZero();
  }

  @Test
  void roundTripsTheProcedureFieldsOfVersionTwo() {
    HouseholdState state = busyHousehold();
    state.developmentalMeasure = true;
    state.welfareMeasure = true;
    state.monitoredSinceMillis = 1_772_000_000_999L; // milliseconds kept since version 2
    state.eliminatedMillis = 1_740_000_000_001L;
    state.eliminationEventId = "0f0e0d0c-0b0a-4908-8706-050403020100";
    state.identificationSinceMillis = 1_773_000_000_002L;
    state.identificationSignal = 14;
    state.identificationEventId = "visit-7";
    state.declaredMillis = 1_773_000_000_003L;
    state.declarationEventId = "0f0e0d0c-0b0a-4908-8706-050403020101";
    state.identificationPublicityMillis = 1_773_000_000_004L;
    state.identificationPublicityEventId = "publicity-1";
    state.eliminationPublicityMillis = 1_773_000_000_005L;
    state.eliminationPublicityEventId = "publicity-2";
    state.jobLossMillis = 1_773_000_000_006L;
    state.jobLossEventId = "0f0e0d0c-0b0a-4908-8706-050403020102";
    byte[] bytes = encode(state);
    assertThat(bytes[0]).as("version").isEqualTo((byte) 2);
    HouseholdState read = decode(bytes);
    assertThat(read).usingRecursiveComparison().ignoringFields("recentIds").isEqualTo(state);
    assertThat(encode(read)).isEqualTo(bytes);
    assertThat(bytes).hasSizeLessThan(1024);

    // each part on its own, the others absent
    HouseholdState single = new HouseholdState();
    single.jobLossMillis = state.jobLossMillis;
    single.jobLossEventId = state.jobLossEventId;
    assertThat(decode(encode(single)))
        .usingRecursiveComparison()
        .ignoringFields("recentIds")
        .isEqualTo(single);
  }

  @Test
  void aHouseholdWithNoProcedureCostsNoByteForIt() {
    HouseholdState state = busyHousehold();
    int without = encode(state).length;
    state.welfareMeasure = true;
    // the flag stays one byte; the extension is one byte of bits
    assertThat(encode(state).length - without).isEqualTo(1);
    state.welfareMeasure = false;
    assertThat(encode(state)).hasSize(without);
  }

  static HouseholdState busyHousehold() {
    HouseholdState s = new HouseholdState();
    s.registered = true;
    s.townshipCode = "430421105";
    s.villageCode = "430421105201";
    s.cadreId = "cadre-0001";
    s.status = HouseholdStatus.ACTIVE;
    s.members = 4;
    s.labourers = 2;
    s.formerlyPoor = true;
    s.category = MonitoringCategory.UNSTABLE_LIFTED;
    s.incomeYear = 2026;
    s.incomeCents = 745_000;
    s.previousIncomeYear = 2025;
    s.previousIncomeCents = -12_000;
    s.medical.add(new long[] {20_500, 850_000});
    s.medical.add(new long[] {20_560, 12_345});
    s.schoolYear = 2025;
    s.schoolCents = 1_200_000;
    s.employed.add("m1");
    s.monitoring = MonitoringStatus.MONITORED;
    s.monitoredSinceMillis = 1_772_000_000_000L;
    s.monitoringEventId = "5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01";
    HouseholdState.Entitlement e = new HouseholdState.Entitlement();
    e.programme = Programme.MINIMUM_LIVING_ALLOWANCE;
    e.monthlyCents = 72_000;
    e.firstDueMonth = 2026 * 12;
    e.paidThrough = 2026 * 12 + 2;
    e.eventId = "grant-0001";
    s.entitlements.add(e);
    for (int month = 1; month <= 12; month++) {
      HouseholdState.Payment p = new HouseholdState.Payment();
      p.programme = Programme.MINIMUM_LIVING_ALLOWANCE;
      p.period = 202600 + month;
      p.cents = 72_000;
      p.paymentId = java.util.UUID.randomUUID().toString();
      s.payments.add(p);
    }
    HouseholdState.Condition c = new HouseholdState.Condition();
    c.rule = Rule.LOAN_OVERDUE;
    c.key = "L-2024-0091";
    c.riskType = RiskType.BUSINESS_FAILURE;
    c.sinceDay = 20_500;
    c.value = 2;
    s.conditions.add(c);
    for (int i = 0; i < 20; i++) {
      s.remember("event-" + i, 16);
    }
    s.scheduledDeadline = 1_775_000_000_000L;
    return s;
  }
}
