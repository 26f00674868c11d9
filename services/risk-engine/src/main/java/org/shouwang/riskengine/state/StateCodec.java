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

  /**
   * The version written. Version 1 (until issue 16) is still read: it had no identification,
   * elimination, job-loss or measure-kind fields, and kept the start of monitoring in seconds.
   */
  static final int VERSION = 2;

  private static final int VERSION_1 = 1;

  // flags: 1 registered, 2 formerly poor, 4 a measure this monitoring period, 8 an income, 16 a
  // previous income, 32 an unregistered payment waiting, 64 the extension (version 2) follows
  private static final int EXTENSION = 64;
  // bits of the extension, each a part present
  private static final int DEVELOPMENTAL = 1;
  private static final int WELFARE = 2;
  private static final int ELIMINATED = 4;
  private static final int IDENTIFICATION = 8;
  private static final int DECLARED = 16;
  private static final int IDENTIFICATION_PUBLICITY = 32;
  private static final int ELIMINATION_PUBLICITY = 64;
  private static final int JOB_LOSS = 128;

  private static final RiskType[] RISK_TYPES = RiskType.values();
  private static final Rule[] RULES = Rule.values();
  private static final Programme[] PROGRAMMES = Programme.values();
  private static final HouseholdStatus[] STATUSES = HouseholdStatus.values();
  private static final MonitoringCategory[] CATEGORIES = MonitoringCategory.values();
  private static final MonitoringStatus[] MONITORING = MonitoringStatus.values();

  private StateCodec() {}

  /** A state's encoding, from scratch. */
  public static byte[] encode(HouseholdState state) {
    return encode(state, new CodecCache());
  }

  /** A state's encoding, reusing the parts {@code cache} holds from its last encoding. */
  static byte[] encode(HouseholdState state, CodecCache cache) {
    StateWriter writer = new StateWriter();
    writer.varint(VERSION);
    int flags =
        (state.registered ? 1 : 0)
            | (state.formerlyPoor ? 2 : 0)
            | (state.measureSinceMonitored ? 4 : 0)
            | (state.incomeCents != HouseholdState.UNKNOWN ? 8 : 0)
            | (state.previousIncomeCents != HouseholdState.UNKNOWN ? 16 : 0)
            | (state.unregisteredPaidAtMillis != 0 ? 32 : 0);
    int extension = extension(state);
    writer.varint(flags | (extension != 0 ? EXTENSION : 0));
    writer.string(state.townshipCode);
    writer.string(state.villageCode);
    writer.string(state.cadreId);
    writer.varint(state.status.ordinal());
    writer.varint(state.members);
    writer.varint(state.labourers);
    writer.varint(state.category == null ? 0 : state.category.ordinal() + 1);
    writer.varint(state.monitoring == null ? 0 : state.monitoring.ordinal() + 1);
    if (state.monitoring != null) {
      writer.signed(state.monitoredSinceMillis);
      writer.id(state.monitoringEventId);
    }
    if (state.incomeCents != HouseholdState.UNKNOWN) {
      writer.varint(state.incomeYear);
      writer.signed(state.incomeCents);
    }
    if (state.previousIncomeCents != HouseholdState.UNKNOWN) {
      writer.varint(state.previousIncomeYear);
      writer.signed(state.previousIncomeCents);
    }
    writer.varint(state.medical.size());
    for (long[] cost : state.medical) {
      writer.varint((int) cost[0]);
      writer.signed(cost[1]);
    }
    writer.varint(state.schoolYear);
    if (state.schoolYear != 0) {
      writer.signed(state.schoolCents);
    }
    writer.varint(state.employed.size());
    for (String member : state.employed) {
      writer.string(member);
    }
    writer.varint(state.entitlements.size());
    byte[][] encodedIds = cache.encodedIdsOf(state.entitlements);
    for (int i = 0; i < state.entitlements.size(); i++) {
      HouseholdState.Entitlement entitlement = state.entitlements.get(i);
      writer.varint(entitlement.programme.ordinal());
      writer.signed(entitlement.monthlyCents);
      writer.varint(entitlement.firstDueMonth);
      writer.varint(entitlement.paidThrough);
      encodedIds[i] = writer.id(entitlement.eventId, encodedIds[i]);
    }
    writer.varint(state.payments.size());
    // most of a busy household's bytes: only payments not written before are encoded
    cache.payments = writer.payments(state.payments, cache.payments);
    writer.varint(state.conditions.size());
    for (HouseholdState.Condition condition : state.conditions) {
      writer.varint(condition.rule.ordinal());
      writer.string(condition.key);
      writer.varint(condition.riskType.ordinal());
      writer.varint(condition.sinceDay);
      writer.varint(condition.value);
    }
    writer.varint(state.recentIds.length);
    if (state.recentIds.length > 0) {
      writer.varint(state.recentNext);
      for (long id : state.recentIds) {
        writer.fixed64(id);
      }
    }
    writer.signed(state.scheduledDeadline);
    if (state.unregisteredPaidAtMillis != 0) {
      // appended under a new flag: states written before it decode unchanged
      writer.signed(state.unregisteredPaidAtMillis);
      writer.id(state.unregisteredPaymentId);
    }
    if (extension != 0) {
      // version 2: most households have none of it and pay nothing for it
      writer.varint(extension);
      if ((extension & ELIMINATED) != 0) {
        writer.signed(state.eliminatedMillis);
        writer.id(state.eliminationEventId);
      }
      if ((extension & IDENTIFICATION) != 0) {
        writer.signed(state.identificationSinceMillis);
        writer.varint(state.identificationSignal);
        writer.id(state.identificationEventId);
      }
      if ((extension & DECLARED) != 0) {
        writer.signed(state.declaredMillis);
        writer.id(state.declarationEventId);
      }
      if ((extension & IDENTIFICATION_PUBLICITY) != 0) {
        writer.signed(state.identificationPublicityMillis);
        writer.id(state.identificationPublicityEventId);
      }
      if ((extension & ELIMINATION_PUBLICITY) != 0) {
        writer.signed(state.eliminationPublicityMillis);
        writer.id(state.eliminationPublicityEventId);
      }
      if ((extension & JOB_LOSS) != 0) {
        writer.signed(state.jobLossMillis);
        writer.id(state.jobLossEventId);
      }
    }
    return writer.toBytes();
  }

  private static int extension(HouseholdState state) {
    return (state.developmentalMeasure ? DEVELOPMENTAL : 0)
        | (state.welfareMeasure ? WELFARE : 0)
        | (state.eliminatedMillis != 0 ? ELIMINATED : 0)
        | (state.identificationSinceMillis != 0 ? IDENTIFICATION : 0)
        | (state.declaredMillis != 0 ? DECLARED : 0)
        | (state.identificationPublicityMillis != 0 ? IDENTIFICATION_PUBLICITY : 0)
        | (state.eliminationPublicityMillis != 0 ? ELIMINATION_PUBLICITY : 0)
        | (state.jobLossMillis != 0 ? JOB_LOSS : 0);
  }

  public static HouseholdState decode(byte[] bytes) {
    return decode(bytes, new CodecCache());
  }

  /** Decodes a state, keeping in {@code cache} what its next encoding may reuse. */
  static HouseholdState decode(byte[] bytes, CodecCache cache) {
    StateReader reader = new StateReader(bytes);
    int version = reader.varint();
    if (version != VERSION && version != VERSION_1) {
      throw new IllegalStateException("unknown household state version " + version);
    }
    HouseholdState state = new HouseholdState();
    int flags = reader.varint();
    state.registered = (flags & 1) != 0;
    state.formerlyPoor = (flags & 2) != 0;
    state.measureSinceMonitored = (flags & 4) != 0;
    state.townshipCode = reader.string();
    state.villageCode = reader.string();
    state.cadreId = reader.string();
    state.status = STATUSES[reader.varint()];
    state.members = reader.varint();
    state.labourers = reader.varint();
    int category = reader.varint();
    state.category = category == 0 ? null : CATEGORIES[category - 1];
    int monitoring = reader.varint();
    state.monitoring = monitoring == 0 ? null : MONITORING[monitoring - 1];
    if (state.monitoring != null) {
      state.monitoredSinceMillis = version == VERSION_1 ? reader.signed() * 1000 : reader.signed();
      state.monitoringEventId = reader.id();
    }
    if ((flags & 8) != 0) {
      state.incomeYear = reader.varint();
      state.incomeCents = reader.signed();
    }
    if ((flags & 16) != 0) {
      state.previousIncomeYear = reader.varint();
      state.previousIncomeCents = reader.signed();
    }
    int medical = reader.varint();
    for (int i = 0; i < medical; i++) {
      state.medical.add(new long[] {reader.varint(), reader.signed()});
    }
    state.schoolYear = reader.varint();
    if (state.schoolYear != 0) {
      state.schoolCents = reader.signed();
    }
    int employed = reader.varint();
    for (int i = 0; i < employed; i++) {
      state.employed.add(reader.string());
    }
    int entitlements = reader.varint();
    for (int i = 0; i < entitlements; i++) {
      HouseholdState.Entitlement entitlement = new HouseholdState.Entitlement();
      entitlement.programme = PROGRAMMES[reader.varint()];
      entitlement.monthlyCents = reader.signed();
      entitlement.firstDueMonth = reader.varint();
      entitlement.paidThrough = reader.varint();
      entitlement.eventId = reader.id();
      state.entitlements.add(entitlement);
    }
    int payments = reader.varint();
    int entriesStart = reader.pos;
    int[] ends = new int[payments];
    for (int i = 0; i < payments; i++) {
      HouseholdState.Payment payment = new HouseholdState.Payment();
      payment.programme = PROGRAMMES[reader.varint()];
      payment.period = reader.varint();
      payment.cents = reader.signed();
      payment.paymentId = reader.id();
      state.payments.add(payment);
      ends[i] = reader.pos - entriesStart;
    }
    cache.payments =
        new PaymentsBlock(
            state.payments.toArray(new HouseholdState.Payment[0]),
            Arrays.copyOfRange(bytes, entriesStart, reader.pos),
            ends);
    int conditions = reader.varint();
    for (int i = 0; i < conditions; i++) {
      HouseholdState.Condition condition = new HouseholdState.Condition();
      condition.rule = RULES[reader.varint()];
      condition.key = reader.string();
      condition.riskType = RISK_TYPES[reader.varint()];
      condition.sinceDay = reader.varint();
      condition.value = reader.varint();
      state.conditions.add(condition);
    }
    int recent = reader.varint();
    if (recent > 0) {
      state.recentNext = reader.varint();
      state.recentIds = new long[recent];
      for (int i = 0; i < recent; i++) {
        state.recentIds[i] = reader.fixed64();
      }
    }
    state.scheduledDeadline = reader.signed();
    if ((flags & 32) != 0) {
      state.unregisteredPaidAtMillis = reader.signed();
      state.unregisteredPaymentId = reader.id();
    }
    if (version == VERSION_1) {
      // a measure recorded before the engine told kinds apart counts as fitting: an upgrade must
      // not raise NO_MEASURE for households that had a measure
      state.developmentalMeasure = state.measureSinceMonitored;
      state.welfareMeasure = state.measureSinceMonitored;
    } else if ((flags & EXTENSION) != 0) {
      int extension = reader.varint();
      state.developmentalMeasure = (extension & DEVELOPMENTAL) != 0;
      state.welfareMeasure = (extension & WELFARE) != 0;
      if ((extension & ELIMINATED) != 0) {
        state.eliminatedMillis = reader.signed();
        state.eliminationEventId = reader.id();
      }
      if ((extension & IDENTIFICATION) != 0) {
        state.identificationSinceMillis = reader.signed();
        state.identificationSignal = reader.varint();
        state.identificationEventId = reader.id();
      }
      if ((extension & DECLARED) != 0) {
        state.declaredMillis = reader.signed();
        state.declarationEventId = reader.id();
      }
      if ((extension & IDENTIFICATION_PUBLICITY) != 0) {
        state.identificationPublicityMillis = reader.signed();
        state.identificationPublicityEventId = reader.id();
      }
      if ((extension & ELIMINATION_PUBLICITY) != 0) {
        state.eliminationPublicityMillis = reader.signed();
        state.eliminationPublicityEventId = reader.id();
      }
      if ((extension & JOB_LOSS) != 0) {
        state.jobLossMillis = reader.signed();
        state.jobLossEventId = reader.id();
      }
    }
    return state;
  }
}
