package org.shouwang.riskengine.rules;

import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.Audience;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;

/**
 * Everything the rules need to know about one household, kept compact: one of these per household
 * in the {@code household-state} store, written with the state package's {@code StateCodec}. Money
 * is in fen (cents), days are epoch days and months are {@code year * 12 + month - 1} in the
 * engine's zone.
 */
public final class HouseholdState {

  // registry
  public boolean registered;
  public String townshipCode;
  public String villageCode;
  public String cadreId;
  public HouseholdStatus status = HouseholdStatus.ACTIVE;
  public int members;
  public int labourers;
  public boolean formerlyPoor;
  public MonitoringCategory category;

  // income: the latest assessment and the one before
  public int incomeYear;
  public long incomeCents = UNKNOWN;
  public int previousIncomeYear;
  public long previousIncomeCents = UNKNOWN;

  // medical costs inside the rolling window: epoch day and fen
  public final List<long[]> medical = new ArrayList<>(2);

  // self-paid schooling: the current school year (its starting year) and its total
  public int schoolYear;
  public long schoolCents;

  // members known to be employed
  public final List<String> employed = new ArrayList<>(2);

  // monitoring: since when, and which measures this monitoring period has had (any; a
  // developmental one; a welfare one)
  public MonitoringStatus monitoring;
  public long monitoredSinceMillis;
  public boolean measureSinceMonitored;
  public boolean developmentalMeasure;
  public boolean welfareMeasure;
  public String monitoringEventId;
  // the last risk elimination, 0 for none (a relapse is a risk alert within months of it)
  public long eliminatedMillis;
  public String eliminationEventId;

  // identification (识别纳入): the 15-day clock of a household not monitored, 0 while none runs;
  // what started it (IdentificationRules' signal codes) and that record's id
  public long identificationSinceMillis;
  public int identificationSignal;
  public String identificationEventId;
  // a self-declaration still waiting for its home visit, 0 for none
  public long declaredMillis;
  public String declarationEventId;
  // publicity of each procedure since its last county decision, 0 for none
  public long identificationPublicityMillis;
  public String identificationPublicityEventId;
  public long eliminationPublicityMillis;
  public String eliminationPublicityEventId;

  // the last job lost while nobody else was employed, 0 for none (LABOUR_LOSS waits for it)
  public long jobLossMillis;
  public String jobLossEventId;

  public final List<Entitlement> entitlements = new ArrayList<>(1);
  public final List<Payment> payments = new ArrayList<>(2);
  public final List<Condition> conditions = new ArrayList<>(2);

  // the most recent event and payment ids (hashed), for idempotency
  public long[] recentIds = new long[0];
  public int recentNext;

  // the deadline this household is indexed under in the deadline index, 0 for none
  public long scheduledDeadline;

  // the first payment to this household while it was not registered, waiting out the grace period
  // of PAYMENT_UNREGISTERED (a registration sent at the same time may arrive just after it); 0:
  // none
  public long unregisteredPaidAtMillis;
  public String unregisteredPaymentId;

  public static final long UNKNOWN = Long.MIN_VALUE;

  /** A granted entitlement: its monthly amount and how far its months are paid. */
  public static final class Entitlement {
    public Programme programme;
    public long monthlyCents;
    public int firstDueMonth;
    public int paidThrough;
    // set once, when granted or decoded: the codec's cache knows an encoded id by this very string
    public String eventId;
  }

  /** A payment seen: programme, period ({@code YYYYMM} or {@code YYYY}), amount and id. */
  public static final class Payment {
    public Programme programme;
    public int period;
    public long cents;
    public String paymentId; // set once, when the payment is seen or decoded
  }

  /**
   * An open condition: a rule that fired and has not cleared. {@code key} tells conditions of one
   * rule apart (a member, a loan, a programme); {@code value} is rule-specific (the level of an
   * overdue loan, the month a payment is missing, the period of a duplicate).
   */
  public static final class Condition {
    public Rule rule;
    public String key;
    public RiskType riskType;
    public int sinceDay;
    public int value;
  }

  /**
   * A copy that shares nothing the rules change: entitlements, conditions and the recent ids are
   * copied; medical entries, members' ids and payments are never changed once added, so their lists
   * are copied and the elements shared. Cheaper than encoding; the household store keeps one to
   * roll back a record that fails halfway.
   */
  public HouseholdState copy() {
    HouseholdState copy = new HouseholdState();
    copy.registered = registered;
    copy.townshipCode = townshipCode;
    copy.villageCode = villageCode;
    copy.cadreId = cadreId;
    copy.status = status;
    copy.members = members;
    copy.labourers = labourers;
    copy.formerlyPoor = formerlyPoor;
    copy.category = category;
    copy.incomeYear = incomeYear;
    copy.incomeCents = incomeCents;
    copy.previousIncomeYear = previousIncomeYear;
    copy.previousIncomeCents = previousIncomeCents;
    copy.medical.addAll(medical);
    copy.schoolYear = schoolYear;
    copy.schoolCents = schoolCents;
    copy.employed.addAll(employed);
    copy.monitoring = monitoring;
    copy.monitoredSinceMillis = monitoredSinceMillis;
    copy.measureSinceMonitored = measureSinceMonitored;
    copy.developmentalMeasure = developmentalMeasure;
    copy.welfareMeasure = welfareMeasure;
    copy.monitoringEventId = monitoringEventId;
    copy.eliminatedMillis = eliminatedMillis;
    copy.eliminationEventId = eliminationEventId;
    copy.identificationSinceMillis = identificationSinceMillis;
    copy.identificationSignal = identificationSignal;
    copy.identificationEventId = identificationEventId;
    copy.declaredMillis = declaredMillis;
    copy.declarationEventId = declarationEventId;
    copy.identificationPublicityMillis = identificationPublicityMillis;
    copy.identificationPublicityEventId = identificationPublicityEventId;
    copy.eliminationPublicityMillis = eliminationPublicityMillis;
    copy.eliminationPublicityEventId = eliminationPublicityEventId;
    copy.jobLossMillis = jobLossMillis;
    copy.jobLossEventId = jobLossEventId;
    for (Entitlement entitlement : entitlements) {
      Entitlement copied = new Entitlement();
      copied.programme = entitlement.programme;
      copied.monthlyCents = entitlement.monthlyCents;
      copied.firstDueMonth = entitlement.firstDueMonth;
      copied.paidThrough = entitlement.paidThrough;
      copied.eventId = entitlement.eventId;
      copy.entitlements.add(copied);
    }
    copy.payments.addAll(payments);
    for (Condition condition : conditions) {
      Condition copied = new Condition();
      copied.rule = condition.rule;
      copied.key = condition.key;
      copied.riskType = condition.riskType;
      copied.sinceDay = condition.sinceDay;
      copied.value = condition.value;
      copy.conditions.add(copied);
    }
    copy.recentIds = recentIds.clone();
    copy.recentNext = recentNext;
    copy.scheduledDeadline = scheduledDeadline;
    copy.unregisteredPaidAtMillis = unregisteredPaidAtMillis;
    copy.unregisteredPaymentId = unregisteredPaymentId;
    return copy;
  }

  Condition condition(Rule rule, String key) {
    for (Condition condition : conditions) {
      if (condition.rule == rule && condition.key.equals(key)) {
        return condition;
      }
    }
    return null;
  }

  boolean open(Rule rule, String key) {
    return condition(rule, key) != null;
  }

  boolean clear(Rule rule, String key) {
    return conditions.removeIf(condition -> condition.rule == rule && condition.key.equals(key));
  }

  /** Whether the household is being monitored (risk not eliminated). */
  boolean monitored() {
    return monitoring == MonitoringStatus.MONITORED;
  }

  /** Whether 低保 or 特困 (兜底 welfare) is granted. */
  boolean welfareGranted() {
    for (Entitlement entitlement : entitlements) {
      if (entitlement.programme == Programme.MINIMUM_LIVING_ALLOWANCE
          || entitlement.programme == Programme.EXTREME_POVERTY_SUPPORT) {
        return true;
      }
    }
    return false;
  }

  boolean clearAll(Rule rule) {
    return conditions.removeIf(condition -> condition.rule == rule);
  }

  Entitlement entitlement(Programme programme) {
    for (Entitlement entitlement : entitlements) {
      if (entitlement.programme == programme) {
        return entitlement;
      }
    }
    return null;
  }

  Payment payment(Programme programme, int period) {
    for (Payment payment : payments) {
      if (payment.programme == programme && payment.period == period) {
        return payment;
      }
    }
    return null;
  }

  /** Remembers an id; false when it was seen recently (a resend, which changes nothing). */
  public boolean remember(String id, int window) {
    long hash = hash(id);
    for (long seen : recentIds) {
      if (seen == hash) {
        return false;
      }
    }
    if (recentIds.length < window) {
      long[] grown = new long[recentIds.length + 1];
      System.arraycopy(recentIds, 0, grown, 0, recentIds.length);
      grown[recentIds.length] = hash;
      recentIds = grown;
      recentNext = 0;
    } else {
      recentIds[recentNext % recentIds.length] = hash;
      recentNext = (recentNext + 1) % recentIds.length;
    }
    return true;
  }

  /** The risk types of this household's open cadre conditions, as a bit set of ordinals. */
  public int cadreRiskMask() {
    int mask = 0;
    for (Condition condition : conditions) {
      if (condition.rule.audience() == Audience.CADRE) {
        mask |= 1 << condition.riskType.ordinal();
      }
    }
    return mask;
  }

  /** A 64-bit hash of an id (FNV-1a with a final mix); collisions inside one household are moot. */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
