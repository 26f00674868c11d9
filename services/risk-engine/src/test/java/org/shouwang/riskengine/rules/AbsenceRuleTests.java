package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.grant;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.monitoring;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;
import org.shouwang.riskengine.streams.Engine;

/**
 * The absence rules fire on the engine's clock: event time (any record of the task moves it) or,
 * for a quiet task, the wall clock.
 */
class AbsenceRuleTests {

  private static final String OTHER = "430421-106-00001";
  private static final OffsetDateTime GRANTED = OffsetDateTime.parse("2026-01-05T10:00:00+08:00");

  /** Moves the task's event time on with another household's event. */
  private static void tick(Engine engine, String at) {
    engine.send(
        OTHER,
        OffsetDateTime.parse(at),
        new EventData.HousingAssessed(org.shouwang.events.HousingGrade.A));
  }

  @Test
  void paymentMissedFiresOnceTheGraceDaysOfTheNextMonthHavePassed() {
    try (Engine engine = new Engine()) {
      engine.register(GRANTED);
      String grant = engine.send(GRANTED, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));

      tick(engine, "2026-03-10T23:59:59+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED)).as("still within grace days").isEmpty();

      tick(engine, "2026-03-11T00:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(a.detectedAt())
                    .isEqualTo(OffsetDateTime.parse("2026-03-11T00:00:00+08:00"));
                assertThat(a.evidence()).containsExactly(grant);
                assertThat(a.message()).isEqualTo("低保 2026-02 应发 720 元，截至 2026-03-10 仍未到账");
                assertThat(a.cadreId()).isEqualTo(Engine.CADRE);
              });

      tick(engine, "2026-03-25T00:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED)).as("no repeat while unpaid").isEmpty();
    }
  }

  @Test
  void paymentMissedDoesNotFireWhenEachMonthIsPaidInTime() {
    try (Engine engine = new Engine()) {
      engine.register(GRANTED);
      engine.send(GRANTED, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
      engine.pay(
          Programme.MINIMUM_LIVING_ALLOWANCE,
          "2026-02",
          "720",
          OffsetDateTime.parse("2026-03-10T18:00:00+08:00"));
      engine.pay(
          Programme.MINIMUM_LIVING_ALLOWANCE,
          "2026-03",
          "720",
          OffsetDateTime.parse("2026-03-28T18:00:00+08:00"));
      tick(engine, "2026-04-12T00:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED)).isEmpty();
    }
  }

  @Test
  void paymentMissedFiresAgainForALaterMonthAfterTheMissingPaymentArrived() {
    try (Engine engine = new Engine()) {
      engine.register(GRANTED);
      engine.send(GRANTED, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
      tick(engine, "2026-03-12T00:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED)).hasSize(1);

      engine.pay(
          Programme.MINIMUM_LIVING_ALLOWANCE,
          "2026-02",
          "720",
          OffsetDateTime.parse("2026-03-13T10:00:00+08:00"));
      engine.pay(
          Programme.MINIMUM_LIVING_ALLOWANCE,
          "2026-03",
          "720",
          OffsetDateTime.parse("2026-03-30T10:00:00+08:00"));
      tick(engine, "2026-05-10T12:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED)).as("April is within grace").isEmpty();

      tick(engine, "2026-05-11T00:00:01+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_MISSED))
          .singleElement()
          .extracting(Alert::message)
          .asString()
          .contains("2026-04");
    }
  }

  @Test
  void aQuietPartitionFallsBackOnTheWallClock() {
    try (Engine engine = new Engine()) {
      engine.register(GRANTED);
      engine.send(GRANTED, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
      // the test driver's wall clock starts at Engine.START (2026-01-05): 70 days on is 03-16
      engine.advanceWallClock(Duration.ofDays(70));
      assertThat(engine.alerts(Rule.PAYMENT_MISSED))
          .singleElement()
          .extracting(Alert::detectedAt)
          .isEqualTo(OffsetDateTime.parse("2026-03-11T00:00:00+08:00"));
    }
  }

  @Test
  void theEventTimeClockIsSavedOncePerCommitIntervalNotWithEveryRecord() {
    Duration interval = RiskEngineProperties.defaults().commitInterval();
    try (Engine engine = new Engine()) {
      engine.register(GRANTED);
      engine.send(GRANTED.plusDays(1), new EventData.HousingAssessed(HousingGrade.A));
      assertThat(engine.savedClock()).as("saved with the record").isNull();
      engine.advanceWallClock(interval);
      assertThat(engine.savedClock()).isEqualTo(GRANTED.plusDays(1).toInstant().toEpochMilli());
      engine.send(GRANTED.plusDays(2), new EventData.HousingAssessed(HousingGrade.A));
      // an older event does not move it back
      engine.send(GRANTED, new EventData.HousingAssessed(HousingGrade.A));
      assertThat(engine.savedClock()).isEqualTo(GRANTED.plusDays(1).toInstant().toEpochMilli());
      engine.advanceWallClock(interval);
      assertThat(engine.savedClock()).isEqualTo(GRANTED.plusDays(2).toInstant().toEpochMilli());
    }
  }

  @Test
  void withoutTheWallClockFallbackAQuietPartitionWaitsForEventTime() {
    RiskEngineProperties defaults = RiskEngineProperties.defaults();
    RiskEngineProperties noFallback =
        new RiskEngineProperties(
            defaults.applicationId(),
            defaults.stateDir(),
            defaults.instanceId(),
            1,
            0,
            defaults.commitInterval(),
            true,
            defaults.cachedHouseholdsPerTask(),
            defaults.storeCache(),
            new RiskEngineProperties.EngineClock(
                defaults.clock().zone(), false, Duration.ofMinutes(1), Duration.ofSeconds(30)),
            defaults.rules());
    try (Engine engine = new Engine(noFallback)) {
      engine.register(GRANTED);
      engine.send(GRANTED, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
      engine.advanceWallClock(Duration.ofDays(70));
      assertThat(engine.alerts(Rule.PAYMENT_MISSED)).isEmpty();
    }
  }

  @Test
  void noMeasureFiresThirtyDaysAfterMonitoringBeganWithoutAssistance() {
    try (Engine engine = new Engine()) {
      OffsetDateTime since = OffsetDateTime.parse("2026-02-01T09:00:00+08:00");
      engine.register(since.minusDays(10));
      String monitored = engine.send(since, monitoring(MonitoringStatus.MONITORED));

      tick(engine, "2026-03-03T08:59:59+08:00");
      assertThat(engine.alerts(Rule.NO_MEASURE)).isEmpty();

      tick(engine, "2026-03-03T09:00:00+08:00");
      assertThat(engine.alerts(Rule.NO_MEASURE))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).containsExactly(monitored);
                assertThat(a.detectedAt()).isEqualTo(since.plusDays(30));
              });
    }
  }

  @Test
  void noMeasureDoesNotFireWhenAssistanceWasRecorded() {
    try (Engine engine = new Engine()) {
      OffsetDateTime since = OffsetDateTime.parse("2026-02-01T09:00:00+08:00");
      engine.register(since.minusDays(10));
      engine.send(since, monitoring(MonitoringStatus.MONITORED));
      engine.send(
          since.plusDays(29), new EventData.AssistanceRecorded(AssistanceMeasure.INDUSTRY, null));
      tick(engine, "2026-04-01T00:00:00+08:00");
      assertThat(engine.alerts(Rule.NO_MEASURE)).isEmpty();
    }
  }

  @Test
  void noMeasureDoesNotFireForAHouseholdWithoutLabourersCoveredByWelfare() {
    try (Engine engine = new Engine()) {
      OffsetDateTime since = OffsetDateTime.parse("2026-02-01T09:00:00+08:00");
      engine.register(Engine.HOUSEHOLD, since.minusDays(10), true, 2, 0);
      engine.send(since.minusDays(5), grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
      engine.send(since, monitoring(MonitoringStatus.MONITORED));
      tick(engine, "2026-04-01T00:00:00+08:00");
      assertThat(engine.alerts(Rule.NO_MEASURE)).isEmpty();
    }
  }

  @Test
  void noMeasureFiresAgainInALaterMonitoringPeriod() {
    try (Engine engine = new Engine()) {
      OffsetDateTime since = OffsetDateTime.parse("2025-01-01T09:00:00+08:00");
      engine.register(since.minusDays(10));
      engine.send(since, monitoring(MonitoringStatus.MONITORED));
      tick(engine, "2025-02-01T00:00:00+08:00");
      assertThat(engine.alerts(Rule.NO_MEASURE)).hasSize(1);

      engine.send(
          since.plusDays(40), new EventData.AssistanceRecorded(AssistanceMeasure.EMPLOYMENT, null));
      engine.send(since.plusMonths(8), monitoring(MonitoringStatus.RISK_ELIMINATED));
      engine.send(since.plusMonths(10), monitoring(MonitoringStatus.MONITORED));
      tick(engine, since.plusMonths(10).plusDays(31).toString());
      assertThat(engine.alerts(Rule.NO_MEASURE)).hasSize(1);
    }
  }

  @Test
  void paymentUnregisteredFiresOnceTheGraceHasPassedWithoutARegistration() {
    try (Engine engine = new Engine()) {
      OffsetDateTime paid = OffsetDateTime.parse("2026-03-05T10:00:00+08:00");
      String payment =
          engine.pay(
              "430421-999-00001", Programme.MINIMUM_LIVING_ALLOWANCE, "2026-03", "720", paid);
      assertThat(engine.alerts(Rule.PAYMENT_UNREGISTERED)).as("within the grace").isEmpty();

      tick(engine, "2026-03-05T10:09:59+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_UNREGISTERED)).as("still within the grace").isEmpty();

      tick(engine, "2026-03-05T10:10:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_UNREGISTERED))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.evidence()).containsExactly(payment);
                assertThat(a.detectedAt())
                    .isEqualTo(OffsetDateTime.parse("2026-03-05T10:10:00+08:00"));
                assertThat(a.message()).isEqualTo("向未登记的户发放低保 2026-03 720 元");
                assertThat(a.cadreId()).isNull();
              });

      engine.pay("430421-999-00001", Programme.MINIMUM_LIVING_ALLOWANCE, "2026-04", "720", paid);
      tick(engine, "2026-04-30T00:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_UNREGISTERED)).as("no repeat while open").isEmpty();
    }
  }

  @Test
  void aRegistrationArrivingJustAfterItsPaymentRaisesNothing() {
    try (Engine engine = new Engine()) {
      OffsetDateTime paid = OffsetDateTime.parse("2026-03-05T10:00:00+08:00");
      // two systems sent at once: the payment overtook the registration
      engine.pay(Programme.MINIMUM_LIVING_ALLOWANCE, "2026-03", "720", paid);
      engine.register(paid.minusDays(30));
      tick(engine, "2026-04-01T00:00:00+08:00");
      assertThat(engine.alerts(Rule.PAYMENT_UNREGISTERED)).isEmpty();
    }
  }

  @Test
  void withoutAGracePaymentUnregisteredFiresAtOnce() {
    RiskEngineProperties defaults = RiskEngineProperties.defaults();
    RiskEngineProperties.Rules r = defaults.rules();
    RiskEngineProperties.Rules noGrace =
        new RiskEngineProperties.Rules(
            r.monitoringLine(),
            r.income(),
            r.medical(),
            r.schooling(),
            r.water(),
            r.incident(),
            r.labour(),
            r.loan(),
            new RiskEngineProperties.Payment(
                r.payment().graceDays(), r.payment().retainedMonths(), Duration.ZERO),
            r.monitoring(),
            r.identification(),
            r.idempotencyWindow());
    try (Engine engine = new Engine(defaults.withRules(noGrace))) {
      OffsetDateTime paid = OffsetDateTime.parse("2026-03-05T10:00:00+08:00");
      engine.pay("430421-999-00001", Programme.MINIMUM_LIVING_ALLOWANCE, "2026-03", "720", paid);
      assertThat(engine.alerts(Rule.PAYMENT_UNREGISTERED))
          .singleElement()
          .satisfies(a -> assertThat(a.detectedAt()).isEqualTo(paid));
    }
  }
}
