package org.shouwang.riskengine.state;

import java.util.Arrays;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.riskengine.rules.HouseholdState;

/**
 * A hand-written binary encoding of {@link HouseholdState}: varints, enum ordinals and ids in 16
 * bytes when they are UUIDs. A typical household takes a few hundred bytes where JSON would take
 * kilobytes, and encoding costs no reflection. The first byte is a format version, so a later
 * layout can still read this one. Enum ordinals are stored: new codes may only be appended ({@code
 * StoredEnumOrdinalsTests} pins them, {@code GoldenStateTests} pins the layout).
 */
public final class StateCodec {

  static final int VERSION = 1;

  private static final RiskType[] RISK_TYPES = RiskType.values();
  private static final Rule[] RULES = Rule.values();
  private static final Programme[] PROGRAMMES = Programme.values();
  private static final HouseholdStatus[] STATUSES = HouseholdStatus.values();
  private static final MonitoringCategory[] CATEGORIES = MonitoringCategory.values();
  private static final MonitoringStatus[] MONITORING = MonitoringStatus.values();

  private StateCodec() {}

  /** A state's encoding, from scratch. */
  public static byte[] encode(HouseholdState s) {
    return encode(s, new CodecCache());
  }

  /** A state's encoding, reusing the parts {@code cache} holds from its last encoding. */
  static byte[] encode(HouseholdState s, CodecCache cache) {
    StateWriter w = new StateWriter();
    w.varint(VERSION);
    int flags =
        (s.registered ? 1 : 0)
            | (s.formerlyPoor ? 2 : 0)
            | (s.measureSinceMonitored ? 4 : 0)
            | (s.incomeCents != HouseholdState.UNKNOWN ? 8 : 0)
            | (s.previousIncomeCents != HouseholdState.UNKNOWN ? 16 : 0)
            | (s.unregisteredPaidAtMillis != 0 ? 32 : 0);
    w.varint(flags);
    w.string(s.townshipCode);
    w.string(s.villageCode);
    w.string(s.cadreId);
    w.varint(s.status.ordinal());
    w.varint(s.members);
    w.varint(s.labourers);
    w.varint(s.category == null ? 0 : s.category.ordinal() + 1);
    w.varint(s.monitoring == null ? 0 : s.monitoring.ordinal() + 1);
    if (s.monitoring != null) {
      w.signed(s.monitoredSinceMillis / 1000);
      w.id(s.monitoringEventId);
    }
    if (s.incomeCents != HouseholdState.UNKNOWN) {
      w.varint(s.incomeYear);
      w.signed(s.incomeCents);
    }
    if (s.previousIncomeCents != HouseholdState.UNKNOWN) {
      w.varint(s.previousIncomeYear);
      w.signed(s.previousIncomeCents);
    }
    w.varint(s.medical.size());
    for (long[] m : s.medical) {
      w.varint((int) m[0]);
      w.signed(m[1]);
    }
    w.varint(s.schoolYear);
    if (s.schoolYear != 0) {
      w.signed(s.schoolCents);
    }
    w.varint(s.employed.size());
    for (String member : s.employed) {
      w.string(member);
    }
    w.varint(s.entitlements.size());
    byte[][] encodedIds = cache.encodedIdsOf(s.entitlements);
    for (int i = 0; i < s.entitlements.size(); i++) {
      HouseholdState.Entitlement e = s.entitlements.get(i);
      w.varint(e.programme.ordinal());
      w.signed(e.monthlyCents);
      w.varint(e.firstDueMonth);
      w.varint(e.paidThrough);
      encodedIds[i] = w.id(e.eventId, encodedIds[i]);
    }
    w.varint(s.payments.size());
    // most of a busy household's bytes: only payments not written before are encoded
    cache.payments = w.payments(s.payments, cache.payments);
    w.varint(s.conditions.size());
    for (HouseholdState.Condition c : s.conditions) {
      w.varint(c.rule.ordinal());
      w.string(c.key);
      w.varint(c.riskType.ordinal());
      w.varint(c.sinceDay);
      w.varint(c.value);
    }
    w.varint(s.recentIds.length);
    if (s.recentIds.length > 0) {
      w.varint(s.recentNext);
      for (long id : s.recentIds) {
        w.fixed64(id);
      }
    }
    w.signed(s.scheduledDeadline);
    if (s.unregisteredPaidAtMillis != 0) {
      // appended under a new flag: states written before it decode unchanged
      w.signed(s.unregisteredPaidAtMillis);
      w.id(s.unregisteredPaymentId);
    }
    return w.toBytes();
  }

  public static HouseholdState decode(byte[] bytes) {
    return decode(bytes, new CodecCache());
  }

  /** Decodes a state, keeping in {@code cache} what its next encoding may reuse. */
  static HouseholdState decode(byte[] bytes, CodecCache cache) {
    StateReader r = new StateReader(bytes);
    int version = r.varint();
    if (version != VERSION) {
      throw new IllegalStateException("unknown household state version " + version);
    }
    HouseholdState s = new HouseholdState();
    int flags = r.varint();
    s.registered = (flags & 1) != 0;
    s.formerlyPoor = (flags & 2) != 0;
    s.measureSinceMonitored = (flags & 4) != 0;
    s.townshipCode = r.string();
    s.villageCode = r.string();
    s.cadreId = r.string();
    s.status = STATUSES[r.varint()];
    s.members = r.varint();
    s.labourers = r.varint();
    int category = r.varint();
    s.category = category == 0 ? null : CATEGORIES[category - 1];
    int monitoring = r.varint();
    s.monitoring = monitoring == 0 ? null : MONITORING[monitoring - 1];
    if (s.monitoring != null) {
      s.monitoredSinceMillis = r.signed() * 1000;
      s.monitoringEventId = r.id();
    }
    if ((flags & 8) != 0) {
      s.incomeYear = r.varint();
      s.incomeCents = r.signed();
    }
    if ((flags & 16) != 0) {
      s.previousIncomeYear = r.varint();
      s.previousIncomeCents = r.signed();
    }
    int medical = r.varint();
    for (int i = 0; i < medical; i++) {
      s.medical.add(new long[] {r.varint(), r.signed()});
    }
    s.schoolYear = r.varint();
    if (s.schoolYear != 0) {
      s.schoolCents = r.signed();
    }
    int employed = r.varint();
    for (int i = 0; i < employed; i++) {
      s.employed.add(r.string());
    }
    int entitlements = r.varint();
    for (int i = 0; i < entitlements; i++) {
      HouseholdState.Entitlement e = new HouseholdState.Entitlement();
      e.programme = PROGRAMMES[r.varint()];
      e.monthlyCents = r.signed();
      e.firstDueMonth = r.varint();
      e.paidThrough = r.varint();
      e.eventId = r.id();
      s.entitlements.add(e);
    }
    int payments = r.varint();
    int entriesStart = r.pos;
    int[] ends = new int[payments];
    for (int i = 0; i < payments; i++) {
      HouseholdState.Payment p = new HouseholdState.Payment();
      p.programme = PROGRAMMES[r.varint()];
      p.period = r.varint();
      p.cents = r.signed();
      p.paymentId = r.id();
      s.payments.add(p);
      ends[i] = r.pos - entriesStart;
    }
    cache.payments =
        new PaymentsBlock(
            s.payments.toArray(new HouseholdState.Payment[0]),
            Arrays.copyOfRange(bytes, entriesStart, r.pos),
            ends);
    int conditions = r.varint();
    for (int i = 0; i < conditions; i++) {
      HouseholdState.Condition c = new HouseholdState.Condition();
      c.rule = RULES[r.varint()];
      c.key = r.string();
      c.riskType = RISK_TYPES[r.varint()];
      c.sinceDay = r.varint();
      c.value = r.varint();
      s.conditions.add(c);
    }
    int recent = r.varint();
    if (recent > 0) {
      s.recentNext = r.varint();
      s.recentIds = new long[recent];
      for (int i = 0; i < recent; i++) {
        s.recentIds[i] = r.fixed64();
      }
    }
    s.scheduledDeadline = r.signed();
    if ((flags & 32) != 0) {
      s.unregisteredPaidAtMillis = r.signed();
      s.unregisteredPaymentId = r.id();
    }
    return s;
  }
}
