package org.shouwang.audit.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.shouwang.audit.chain.KindFamily;
import org.shouwang.audit.chain.VerificationResult;

/**
 * The audit log's metrics, tagged only with {@link KindFamily} and a two-valued result.
 *
 * <ul>
 *   <li>{@code shouwang.audit.entries.appended{family}}: entries appended
 *   <li>{@code shouwang.audit.append.batch}: time to append one batch (lock, hash, COPY, commit)
 *   <li>{@code shouwang.audit.append.lag.records}: records on the consumed partitions not yet
 *       appended, as of the last batch
 *   <li>{@code shouwang.audit.append.lag.seconds}: age of the oldest record of the last batch when
 *       it was appended
 *   <li>{@code shouwang.audit.chain.head}: the last sequence number appended
 *   <li>{@code shouwang.audit.verification.ok}: 1 if the last verification found the chain intact,
 *       0 if broken (absent before the first)
 *   <li>{@code shouwang.audit.verification.duration{result}}: how long verifications take
 *   <li>{@code shouwang.audit.verification.entries}: entries verified (its rate is the verification
 *       rate)
 *   <li>{@code shouwang.audit.verification.rate}: entries per second of the last verification
 *   <li>{@code shouwang.audit.checkpoints.written}: chain heads written outside the database
 * </ul>
 */
public final class AuditMetrics {

  private final MeterRegistry registry;
  private final Map<KindFamily, Counter> appended = new EnumMap<>(KindFamily.class);
  private final Timer appendBatch;
  private final AtomicLong lagRecords = new AtomicLong();
  private final AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);
  private final AtomicLong head = new AtomicLong();
  private final AtomicReference<Double> lastOk = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> lastRate = new AtomicReference<>(Double.NaN);
  private final Counter verifiedEntries;
  private final Counter checkpoints;
  private final Timer verificationOk;
  private final Timer verificationBroken;

  public AuditMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (KindFamily family : KindFamily.values()) {
      appended.put(
          family,
          Counter.builder("shouwang.audit.entries.appended")
              .description("Entries appended to the audit log")
              .tag("family", family.name())
              .register(registry));
    }
    appendBatch =
        Timer.builder("shouwang.audit.append.batch")
            .description("Time to append one batch to the chain")
            .register(registry);
    Gauge.builder("shouwang.audit.append.lag.records", lagRecords, AtomicLong::get)
        .description("Records on the consumed partitions not yet appended")
        .register(registry);
    Gauge.builder("shouwang.audit.append.lag.seconds", lagSeconds, AtomicReference::get)
        .description("Age of the oldest record of the last batch when appended")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("shouwang.audit.chain.head", head, AtomicLong::get)
        .description("The last sequence number appended")
        .register(registry);
    Gauge.builder("shouwang.audit.verification.ok", lastOk, AtomicReference::get)
        .description("1 if the last verification found the chain intact, 0 if broken")
        .register(registry);
    Gauge.builder("shouwang.audit.verification.rate", lastRate, AtomicReference::get)
        .description("Entries per second of the last verification")
        .register(registry);
    verifiedEntries =
        Counter.builder("shouwang.audit.verification.entries")
            .description("Entries verified")
            .register(registry);
    checkpoints =
        Counter.builder("shouwang.audit.checkpoints.written")
            .description("Chain heads written outside the database")
            .register(registry);
    verificationOk = verificationTimer("ok");
    verificationBroken = verificationTimer("broken");
  }

  private Timer verificationTimer(String result) {
    return Timer.builder("shouwang.audit.verification.duration")
        .description("How long chain verifications take")
        .tag("result", result)
        .register(registry);
  }

  /** A batch was appended. */
  public void recordAppended(Map<KindFamily, Integer> perFamily, long lastSequence, Duration took) {
    perFamily.forEach((family, n) -> appended.get(family).increment(n));
    head.accumulateAndGet(lastSequence, Math::max);
    appendBatch.record(took);
  }

  /** How far the consumer is behind, as of its last batch. */
  public void recordLag(long records, Duration oldestRecordAge) {
    lagRecords.set(records);
    lagSeconds.set(Math.max(0, oldestRecordAge.toMillis()) / 1000.0);
  }

  /** A verification finished. */
  public void recordVerification(VerificationResult result, Duration took) {
    lastOk.set(result.ok() ? 1.0 : 0.0);
    verifiedEntries.increment(result.checkedEntries());
    double seconds = took.toNanos() / 1e9;
    lastRate.set(seconds > 0 ? result.checkedEntries() / seconds : Double.NaN);
    (result.ok() ? verificationOk : verificationBroken).record(took);
  }

  /** A checkpoint was written. */
  public void recordCheckpoint() {
    checkpoints.increment();
  }
}
