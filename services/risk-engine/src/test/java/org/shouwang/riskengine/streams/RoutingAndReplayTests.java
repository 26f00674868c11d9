package org.shouwang.riskengine.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.grant;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.money;
import static org.shouwang.riskengine.rules.RuleLifecycleTests.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.events.Alert;
import org.shouwang.events.Audience;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;
import org.shouwang.riskengine.state.HouseholdStore;
import org.shouwang.riskengine.state.StateCodec;

/** Audit findings go to auditors only; ids are idempotent; replay yields the same alerts. */
class RoutingAndReplayTests {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-10T10:00:00+08:00");

  /** A history that fires every audit rule and several cadre rules. */
  private static void history(Engine e) {
    e.register(AT);
    e.send(AT, grant(Programme.MINIMUM_LIVING_ALLOWANCE, "720"));
    e.send(AT.plusDays(1), new EventData.MedicalExpense("m2", money("8500"), true));
    e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, "2026-02", "700", AT.plusDays(30));
    e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, "2026-02", "720", AT.plusDays(31));
    e.pay(Programme.EXTREME_POVERTY_SUPPORT, "2026-02", "468", AT.plusDays(32));
    e.send(AT.plusDays(33), monitoring(MonitoringStatus.MONITORED));
    e.send(AT.plusDays(40), monitoring(MonitoringStatus.RISK_ELIMINATED));
    e.send(AT.plusDays(41), new EventData.HouseholdStatusChanged(HouseholdStatus.DECEASED));
    e.pay(Programme.MINIMUM_LIVING_ALLOWANCE, "2026-03", "720", AT.plusDays(60));
    e.pay("430421-999-00001", Programme.EDUCATION_AID, "2026", "1250", AT.plusDays(61));
    e.send(AT.plusDays(62), new EventData.SchoolEnrolmentChanged("m4", 12, false));
    e.send("430421-999-00002", AT.plusDays(200), new EventData.BusinessFailed(money("0")));
    procedure(e);
  }

  /**
   * A household through ADR 0005's procedure, at times with milliseconds (the state must keep them:
   * deadlines and alert times derive from them): every new rule fires, and a job loss waits.
   */
  private static void procedure(Engine e) {
    String h = "430421-105-00777";
    OffsetDateTime p = AT.plusDays(70).plusNanos(123_000_000);
    e.register(h, p, false, 3, 1);
    e.send(h, p.plusDays(1), new EventData.SelfDeclared(null, null));
    e.send(
        h, p.plusDays(2), new EventData.EmploymentChanged("m1", true, EmploymentKind.LOCAL, null));
    e.send(
        h, p.plusDays(3), new EventData.EmploymentChanged("m1", false, EmploymentKind.LOCAL, null));
    e.send(
        h,
        p.plusDays(20),
        new EventData.IdentificationStep(ProcedureStep.PUBLICITY_STARTED, null, null, null));
    e.send(
        h,
        p.plusDays(22),
        new EventData.IdentificationStep(
            ProcedureStep.COUNTY_DECISION, true, MonitoringCategory.MARGINAL, null));
    e.send(
        h,
        p.plusDays(200),
        new EventData.EliminationStep(
            ProcedureStep.COUNTY_DECISION, true, EliminationType.ASSISTED, null));
    e.send(h, p.plusDays(230), new EventData.HousingAssessed(HousingGrade.D));
  }

  @Test
  void auditFindingsGoToAuditorsAndNameNoCadre() {
    try (Engine engine = new Engine()) {
      history(engine);
      List<Alert> alerts = engine.alerts();
      List<Alert> audit = alerts.stream().filter(a -> a.audience() == Audience.AUDITOR).toList();
      assertThat(audit)
          .extracting(Alert::rule)
          .contains(
              Rule.PAYMENT_SHORTFALL,
              Rule.DUPLICATE_PAYMENT,
              Rule.CONFLICTING_BENEFITS,
              Rule.PREMATURE_ELIMINATION,
              Rule.PAYMENT_TO_INACTIVE,
              Rule.PAYMENT_UNREGISTERED,
              Rule.PUBLICITY_TOO_SHORT);
      assertThat(audit).allSatisfy(a -> assertThat(a.cadreId()).isNull());
      assertThat(audit)
          .filteredOn(a -> a.householdId().equals(Engine.HOUSEHOLD))
          .allSatisfy(a -> assertThat(a.townshipCode()).isEqualTo(Engine.TOWNSHIP));
      assertThat(alerts)
          .filteredOn(a -> a.audience() == Audience.CADRE)
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a.cadreId()).isEqualTo(Engine.CADRE));
      assertThat(alerts)
          .filteredOn(a -> a.rule() == Rule.DUPLICATE_PAYMENT)
          .singleElement()
          .satisfies(a -> assertThat(a.evidence()).hasSize(2));
      assertThat(alerts)
          .filteredOn(a -> a.rule() == Rule.PAYMENT_UNREGISTERED)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.townshipCode()).isNull();
                assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
              });
    }
  }

  @Test
  void replayingTheSameHistoryYieldsTheSameAlerts() {
    List<Alert> first = historyAlerts(RiskEngineProperties.defaults());
    List<Alert> second = historyAlerts(RiskEngineProperties.defaults());
    assertThat(first).hasSizeGreaterThan(8);
    assertThat(first)
        .extracting(Alert::rule)
        .contains(
            Rule.SELF_DECLARATION_UNANSWERED,
            Rule.IDENTIFICATION_OVERDUE,
            Rule.PUBLICITY_TOO_SHORT,
            Rule.LABOUR_LOSS,
            Rule.NO_MEASURE,
            Rule.PREMATURE_ELIMINATION,
            Rule.RELAPSE_AFTER_ELIMINATION);
    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0} cached households per task")
  @ValueSource(ints = {0, 1})
  void theCacheOfDecodedStatesChangesNoAlert(int cached) {
    List<Alert> withDefaultCache = historyAlerts(RiskEngineProperties.defaults());
    // 0: every state read from the store; 1: three households evict each other all the time
    List<Alert> withOtherCache =
        historyAlerts(RiskEngineProperties.defaults().withCachedHouseholdsPerTask(cached));
    assertThat(withDefaultCache).hasSizeGreaterThan(8);
    assertThat(withOtherCache).isEqualTo(withDefaultCache);
  }

  @ParameterizedTest(name = "write-back {0}")
  @ValueSource(booleans = {true, false})
  void theWriteBackSwitchChangesNoAlert(boolean storeCache) {
    List<Alert> withDefault = historyAlerts(RiskEngineProperties.defaults());
    List<Alert> withSwitch;
    try (Engine engine = new Engine(RiskEngineProperties.defaults().withStoreCache(storeCache))) {
      assertThat(layers(engine.householdStore()))
          .as("the household store's layers: never Kafka Streams' record cache")
          .startsWith("HouseholdStore")
          .contains("RocksDBStore")
          .doesNotContain("CachingKeyValueStore");
      history(engine);
      withSwitch = engine.alerts();
    }
    assertThat(withDefault).hasSizeGreaterThan(8);
    assertThat(withSwitch).isEqualTo(withDefault);
  }

  @ParameterizedTest(name = "write-back {0}")
  @ValueSource(booleans = {true, false})
  void everyChangedStateIsInTheStoreOnceTheTaskCommits(boolean storeCache) {
    try (Engine engine = new Engine(RiskEngineProperties.defaults().withStoreCache(storeCache))) {
      // the test driver commits after each record, as a stream thread does every interval
      engine.register(AT);
      engine.send(AT.plusDays(1), new EventData.MedicalExpense("m2", money("3000"), true));
      Bytes key = Bytes.wrap(Engine.HOUSEHOLD.getBytes(StandardCharsets.UTF_8));
      HouseholdStore store = engine.householdStore();
      assertThat(store.pendingWrites()).isZero();
      byte[] stored = store.wrapped().get(key);
      assertThat(stored).as("the household in RocksDB (and so in the changelog)").isNotNull();
      assertThat(stored).isEqualTo(StateCodec.encode(store.get(key)));
      assertThat(StateCodec.decode(stored).medical).hasSize(1);
    }
  }

  /** The alerts of {@link #history} on an engine with these properties. */
  private static List<Alert> historyAlerts(RiskEngineProperties properties) {
    try (Engine engine = new Engine(properties)) {
      history(engine);
      return engine.alerts();
    }
  }

  /** The class names of a store's layers, outermost first. */
  private static List<String> layers(org.apache.kafka.streams.processor.StateStore store) {
    List<String> names = new java.util.ArrayList<>();
    org.apache.kafka.streams.processor.StateStore layer = store;
    while (layer != null) {
      names.add(layer.getClass().getSimpleName());
      layer =
          layer instanceof org.apache.kafka.streams.state.internals.WrappedStateStore<?, ?, ?> w
              ? w.wrapped()
              : null;
    }
    return names;
  }

  @Test
  void anEventSentAgainChangesNothing() {
    try (Engine engine = new Engine()) {
      engine.register(AT);
      var event =
          org.shouwang.events.HouseholdEvent.of(
              "resent-0001",
              Engine.HOUSEHOLD,
              AT.plusDays(1),
              org.shouwang.events.Source.DEPARTMENT,
              org.shouwang.events.Department.MEDICAL_INSURANCE,
              new EventData.MedicalExpense("m2", money("3000"), true));
      engine.send(event);
      engine.send(event);
      // counted twice it would cross the 5,000 line
      assertThat(engine.alerts(Rule.MEDICAL_BURDEN)).isEmpty();
      engine.pay(
          new org.shouwang.events.SubsidyPayment(
              "pay-1",
              Engine.HOUSEHOLD,
              Programme.MINIMUM_LIVING_ALLOWANCE,
              "2026-01",
              money("720"),
              AT,
              null));
      engine.pay(
          new org.shouwang.events.SubsidyPayment(
              "pay-1",
              Engine.HOUSEHOLD,
              Programme.MINIMUM_LIVING_ALLOWANCE,
              "2026-01",
              money("720"),
              AT,
              null));
      assertThat(engine.alerts(Rule.DUPLICATE_PAYMENT)).isEmpty();
      assertThat(engine.registry.get("shouwang.riskengine.duplicates").counter().count())
          .isEqualTo(2.0);
    }
  }
}
