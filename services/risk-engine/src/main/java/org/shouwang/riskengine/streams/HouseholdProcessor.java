package org.shouwang.riskengine.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.shouwang.events.Alert;
import org.shouwang.events.ContractReader;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.events.Validated;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import org.shouwang.riskengine.RiskEngineProperties;
import org.shouwang.riskengine.rules.Detector;
import org.shouwang.riskengine.rules.HouseholdState;
import org.shouwang.riskengine.state.HouseholdStore;
import org.shouwang.riskengine.state.StateCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each event or payment, validates it (a bad one goes to its dead-letter topic), updates the
 * household's state, runs the rules and emits alerts. Keeps the task's event-time clock and fires
 * the absence rules whose deadlines it passes; a wall-clock punctuator moves the clock on when the
 * task receives nothing.
 */
final class HouseholdProcessor implements Processor<byte[], byte[], Object, Object> {

  private static final Logger log = LoggerFactory.getLogger(HouseholdProcessor.class);

  /** Where each task keeps its event-time clock, beside the households. */
  static final Bytes CLOCK_KEY = Bytes.wrap(new byte[] {(byte) 0xff});

  private static final int MAX_DUE_PER_PASS = 10_000;

  /** What every task's processor shares; immutable and thread-safe. */
  record Settings(
      String eventsTopic,
      String paymentsTopic,
      Detector detector,
      ContractReader reader,
      RiskEngineProperties properties,
      RiskEngineMetrics metrics) {}

  private final Settings settings;
  private final Detector detector;
  private final RiskEngineMetrics metrics;
  private final int idempotencyWindow;
  private final long quietMillis;
  private ProcessorContext<Object, Object> context;
  private HouseholdStore households;

  private final DeadlineIndex deadlines = new DeadlineIndex();
  private final AtRiskGauges atRisk;
  private DeadLetters deadLetters;

  private long clock;
  private long savedClock;
  private long lastRecordWallMillis;

  // this task's share of the state size gauges, given back when the task closes or moves
  private long stateBytes;
  private long stateHouseholds;

  HouseholdProcessor(Settings settings) {
    this.settings = settings;
    this.detector = settings.detector();
    this.metrics = settings.metrics();
    this.idempotencyWindow = settings.properties().rules().idempotencyWindow();
    this.quietMillis = settings.properties().clock().quietPeriod().toMillis();
    this.atRisk = new AtRiskGauges(metrics);
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.households = context.getStateStore(RiskTopology.HOUSEHOLD_STORE);
    this.deadLetters = new DeadLetters(context, metrics);
    byte[] savedClock = households.getRaw(CLOCK_KEY);
    clock = savedClock == null ? 0 : ByteBuffer.wrap(savedClock).getLong();
    this.savedClock = clock;
    lastRecordWallMillis = context.currentSystemTimeMs();
    loadExistingState();
    households.sizeListener(
        (bytesDelta, householdsDelta) -> {
          stateBytes += bytesDelta;
          stateHouseholds += householdsDelta;
          metrics.stateSize(bytesDelta, householdsDelta);
        });
    deadlines.refresh();
    // the clock is saved at most once per commit interval, not with every record that moves it:
    // a store write per record (the clock moves with nearly every one) cost ~5 % of throughput
    context.schedule(
        settings.properties().commitInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        wallMillis -> saveClock());
    RiskEngineProperties.EngineClock engineClock = settings.properties().clock();
    if (engineClock.wallClockFallback()) {
      context.schedule(
          engineClock.wallClockInterval(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    lastRecordWallMillis = context.currentSystemTimeMs();
    RecordMetadata metadata = context.recordMetadata().orElse(null);
    boolean payment = metadata != null && settings.paymentsTopic().equals(metadata.topic());
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    Validated<?> read;
    try {
      read =
          payment
              ? settings
                  .reader()
                  .readSubsidyPayment(record.value() == null ? new byte[0] : record.value())
              : settings
                  .reader()
                  .readHouseholdEvent(record.value() == null ? new byte[0] : record.value());
    } catch (RuntimeException e) {
      // the reader answers every input with violations; if it throws anyway (a Jackson exception it
      // does not expect, as a number beyond BigDecimal's range once was), the engine carries on
      log.error(
          "cannot read a {}; sent to the dead-letter topic", payment ? "payment" : "event", e);
      deadLetters.send(
          record,
          metadata,
          payment,
          DeadLetters.PROCESSING_ERROR,
          e.getClass().getName(),
          e.toString(),
          null);
      return;
    }
    if (!read.isValid()) {
      deadLetters.send(record, metadata, payment, read.violations());
      return;
    }
    String householdId =
        payment
            ? ((SubsidyPayment) read.value()).householdId()
            : ((HouseholdEvent) read.value()).householdId();
    if (key == null || !key.equals(householdId)) {
      deadLetters.send(
          record,
          metadata,
          payment,
          List.of(
              new Violation(
                  "",
                  key == null ? ViolationCode.REQUIRED : ViolationCode.INCONSISTENT,
                  key == null
                      ? "the record has no key; the key must be the householdId"
                      : "the record key '"
                          + key
                          + "' is not the householdId '"
                          + householdId
                          + "'")));
      return;
    }
    // the key's bytes are the householdId's: the store key as it came
    Bytes storeKey = Bytes.wrap(record.key());
    try {
      if (payment) {
        handlePayment(storeKey, householdId, (SubsidyPayment) read.value(), record.timestamp());
      } else {
        handleEvent(storeKey, householdId, (HouseholdEvent) read.value(), record.timestamp());
      }
    } catch (RuntimeException e) {
      // a record the rules cannot handle must not stop the engine: it goes to the dead letters
      // (its household is as it was before it, see applyRules)
      log.error(
          "cannot process a {} of a household; sent to the dead-letter topic",
          payment ? "payment" : "event",
          e);
      deadLetters.send(
          record,
          metadata,
          payment,
          DeadLetters.PROCESSING_ERROR,
          e.getClass().getName(),
          e.toString(),
          null);
    }
  }

  private void handleEvent(
      Bytes key, String householdId, HouseholdEvent event, long recordTimestamp) {
    HouseholdState state = stateOf(key);
    if (!state.remember(event.eventId(), idempotencyWindow)) {
      metrics.duplicateIgnored();
      return;
    }
    List<Alert> alerts =
        applyRules(
            key,
            householdId,
            state,
            found -> detector.onEvent(householdId, state, event, found),
            event.occurredAt().toInstant().toEpochMilli());
    emit(alerts, recordTimestamp, true);
    metrics.eventProcessed(event.type());
    runDueDeadlines();
  }

  private void handlePayment(
      Bytes key, String householdId, SubsidyPayment payment, long recordTimestamp) {
    HouseholdState state = stateOf(key);
    // the payments seen first: remember() changes the state, which a duplicate must leave as the
    // store holds it
    if (seenPayment(state, payment.paymentId())
        || !state.remember(payment.paymentId(), idempotencyWindow)) {
      metrics.duplicateIgnored();
      return;
    }
    List<Alert> alerts =
        applyRules(
            key,
            householdId,
            state,
            found -> detector.onPayment(householdId, state, payment, found),
            payment.paidAt().toInstant().toEpochMilli());
    emit(alerts, recordTimestamp, true);
    metrics.paymentProcessed();
    runDueDeadlines();
  }

  /** A household's state as the store holds it, or a new one. */
  private HouseholdState stateOf(Bytes key) {
    HouseholdState state = households.get(key);
    return state == null ? new HouseholdState() : state;
  }

  /**
   * The rules' part of a record: its rule, the clock moved to its time and the rules that depend on
   * the clock, then the household put back. A failure in it rolls the household back to the state
   * before the record (the store keeps what to go back to) and throws; what follows (sending the
   * alerts, other households' deadlines) keeps the household as put.
   */
  private List<Alert> applyRules(
      Bytes key,
      String householdId,
      HouseholdState state,
      Consumer<List<Alert>> rule,
      long recordTimeMillis) {
    String townshipBefore = state.townshipCode;
    int maskBefore = state.cadreRiskMask();
    List<Alert> alerts = new ArrayList<>(1);
    try {
      rule.accept(alerts);
      advanceClock(recordTimeMillis);
      detector.onClock(householdId, state, clock, alerts);
      store(key, state, townshipBefore, maskBefore);
    } catch (RuntimeException e) {
      households.discard(key);
      throw e;
    }
    return alerts;
  }

  private static boolean seenPayment(HouseholdState state, String paymentId) {
    for (HouseholdState.Payment p : state.payments) {
      if (p.paymentId.equals(paymentId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes the state back, then re-indexes its deadline and moves the gauges by what changed. The
   * put comes first: a failure before it leaves the household, its indexed deadline and the gauges
   * as they were.
   */
  private void store(Bytes key, HouseholdState state, String townshipBefore, int maskBefore) {
    long previous = state.scheduledDeadline;
    long next = detector.nextDeadline(state);
    state.scheduledDeadline = next;
    // encoded and written at the next commit (or at once with write-back off)
    households.put(key, state);
    deadlines.reschedule(key, previous, next);
    int maskAfter = state.cadreRiskMask();
    if (maskAfter != maskBefore || !Objects.equals(townshipBefore, state.townshipCode)) {
      atRisk.add(townshipBefore, maskBefore, -1);
      atRisk.add(state.townshipCode, maskAfter, 1);
    }
  }

  private void emit(List<Alert> alerts, long recordTimestamp, boolean measureLag) {
    if (alerts.isEmpty()) {
      return;
    }
    long now = context.currentSystemTimeMs();
    for (Alert alert : alerts) {
      context.forward(
          new Record<>(alert.householdId(), alert, recordTimestamp), RiskTopology.ALERTS_SINK);
      metrics.alertRaised(alert);
      if (measureLag) {
        metrics.alertLag(now - recordTimestamp);
      }
    }
  }

  // ---------------------------------------------------------------- the clock and deadlines

  private void advanceClock(long eventMillis) {
    clock = Math.max(clock, eventMillis);
  }

  /**
   * Writes the clock to the store when it moved. After a restart it may lag by what it moved in the
   * last interval; no deadline notices, since every deadline it passed has fired and was written
   * with its household, and the next record moves it on.
   */
  private void saveClock() {
    if (clock != savedClock) {
      households.putRaw(CLOCK_KEY, ByteBuffer.allocate(Long.BYTES).putLong(clock).array());
      savedClock = clock;
    }
  }

  private void onWallClock(long wallMillis) {
    if (wallMillis - lastRecordWallMillis < quietMillis) {
      return;
    }
    advanceClock(wallMillis);
    runDueDeadlines();
  }

  /** Fires the absence rules of every household whose deadline the clock has passed. */
  private void runDueDeadlines() {
    if (!deadlines.anyDue(clock)) {
      return;
    }
    for (DeadlineIndex.Due deadline : deadlines.due(clock, MAX_DUE_PER_PASS)) {
      deadlines.remove(deadline);
      HouseholdState state = households.get(deadline.household());
      if (state == null || state.scheduledDeadline != deadline.at()) {
        continue; // stale: the household moved on
      }
      // store() re-indexes the household from here
      state.scheduledDeadline = 0;
      String householdId = new String(deadline.household().get(), StandardCharsets.UTF_8);
      String townshipBefore = state.townshipCode;
      int maskBefore = state.cadreRiskMask();
      List<Alert> alerts = new ArrayList<>(1);
      try {
        detector.onClock(householdId, state, clock, alerts);
        store(deadline.household(), state, townshipBefore, maskBefore);
      } catch (RuntimeException e) {
        households.discard(deadline.household()); // half-changed; the store holds the state before
        throw e;
      }
      emit(alerts, clock, false);
    }
    deadlines.refresh();
  }

  /** Counts the restored state into the gauges and indexes its deadlines. */
  private void loadExistingState() {
    deadlines.clear();
    try (KeyValueIterator<Bytes, byte[]> it = households.all()) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> entry = it.next();
        if (entry.key.equals(CLOCK_KEY)) {
          continue;
        }
        HouseholdState state = StateCodec.decode(entry.value);
        stateBytes += entry.value.length;
        stateHouseholds++;
        atRisk.add(state.townshipCode, state.cadreRiskMask(), 1);
        if (state.scheduledDeadline != 0) {
          deadlines.restore(state.scheduledDeadline, entry.key);
        }
      }
    }
    metrics.stateSize(stateBytes, stateHouseholds);
  }

  @Override
  public void close() {
    households.sizeListener(null);
    metrics.stateSize(-stateBytes, -stateHouseholds);
    atRisk.close();
  }
}
