package org.shouwang.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.EventData;
import org.shouwang.events.EventType;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Rule;
import org.shouwang.events.SchoolLeavingReason;
import org.shouwang.events.Source;
import org.shouwang.events.Validated;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.county.Household;

class SimulationPlanTests {

  private static final int HOUSEHOLDS = 2_000;

  private final SimulationPlan plan = Plans.plan(430421, HOUSEHOLDS);

  @Test
  void sameSeedAndConfigGiveTheSameRecordsAndLabels() {
    SimulationPlan again = SimulationPlan.generate(Plans.config(430421, HOUSEHOLDS));

    assertThat(again.records()).isEqualTo(plan.records());
    assertThat(again.groundTruth()).isEqualTo(plan.groundTruth());
  }

  @Test
  void anotherSeedGivesAnotherCounty() {
    SimulationPlan other = SimulationPlan.generate(Plans.config(7, HOUSEHOLDS));

    assertThat(other.records().get(0).id()).isNotEqualTo(plan.records().get(0).id());
    assertThat(other.groundTruth()).isNotEqualTo(plan.groundTruth());
    assertThat(other.county().households().stream().mapToInt(Household::size).sum())
        .isNotEqualTo(plan.county().households().stream().mapToInt(Household::size).sum());
  }

  @Test
  void everyRecordPassesTheContractsValidation() {
    ContractReader reader =
        new ContractReader(Clock.fixed(Plans.END.toInstant(), Plans.END.getOffset()));
    List<String> problems = new java.util.ArrayList<>();
    int valid = 0;
    for (SimRecord record : plan.records()) {
      byte[] json = ContractSerdes.toJson(record.value());
      Validated<?> read =
          record.kind() == SimRecord.Kind.EVENT
              ? reader.readHouseholdEvent(json)
              : reader.readSubsidyPayment(json);
      if (!read.isValid()) {
        problems.add(
            new String(json, java.nio.charset.StandardCharsets.UTF_8) + " " + read.violations());
      } else if (!read.value().equals(record.value())) {
        problems.add(
            "does not read back equal: "
                + new String(json, java.nio.charset.StandardCharsets.UTF_8));
      } else {
        valid++;
      }
    }

    assertThat(problems).isEmpty();
    assertThat(valid).isEqualTo(plan.records().size());
  }

  @Test
  void recordsAreInTimeOrderWithinTheSimulatedSpan() {
    List<SimRecord> records = plan.records();
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).at().toInstant())
          .isAfterOrEqualTo(records.get(i - 1).at().toInstant());
    }
    assertThat(records.get(0).at()).isAfterOrEqualTo(Plans.START);
    assertThat(records.get(records.size() - 1).at()).isBefore(Plans.END);
    assertThat(records.stream().map(SimRecord::id).distinct().count()).isEqualTo(records.size());
  }

  @Test
  void everyHouseholdIsRegisteredBeforeAnythingElseHappensToIt() {
    Map<String, SimRecord> first = new HashMap<>();
    plan.records().forEach(r -> first.putIfAbsent(r.householdId(), r));
    Set<String> registered =
        plan.county().households().stream().map(Household::id).collect(Collectors.toSet());

    first.forEach(
        (household, record) -> {
          if (registered.contains(household)) {
            assertThat(record.type()).isEqualTo(EventType.HOUSEHOLD_REGISTERED.name());
          }
        });
    assertThat(first.keySet()).containsAll(registered);
  }

  @Test
  void labelsAScenarioForEveryRuleCode() {
    assertThat(plan.scenarioCounts().values()).allMatch(count -> count >= 1);
    assertThat(plan.groundTruth())
        .allSatisfy(
            label -> {
              assertThat(label.evidence()).isNotEmpty();
              assertThat(label.expectedAt()).isBetween(Plans.START, Plans.END);
            });
  }

  @Test
  void scenarioCountsFollowTheConfiguredRates() {
    SimulationPlan fewer =
        SimulationPlan.generate(
            Plans.config(430421, HOUSEHOLDS)
                .withScenarioRates(Map.of(Rule.MEDICAL_BURDEN, 10.0, Rule.LOW_INCOME, 0.0)));

    assertThat(fewer.labels(Rule.MEDICAL_BURDEN)).hasSize(20);
    assertThat(fewer.labels(Rule.LOW_INCOME)).isEmpty();
    assertThat(fewer.labels(Rule.DISASTER_LOSS)).isEmpty();
  }

  @Test
  void labelsAreExactlyWhatAnIndependentReadingOfTheRuleTableFinds() {
    Map<RuleOracle.Firing, java.time.OffsetDateTime> found =
        new RuleOracle(plan.config()).replay(plan.records());
    Map<RuleOracle.Firing, java.time.OffsetDateTime> labelled = new HashMap<>();
    plan.groundTruth()
        .forEach(
            g -> labelled.put(new RuleOracle.Firing(g.householdId(), g.rule()), g.expectedAt()));

    Set<RuleOracle.Firing> unlabelled = new HashSet<>(found.keySet());
    unlabelled.removeAll(labelled.keySet());
    Set<RuleOracle.Firing> missed = new HashSet<>(labelled.keySet());
    missed.removeAll(found.keySet());
    assertThat(unlabelled).as("conditions in background life (false alarms)").isEmpty();
    assertThat(missed).as("labels whose condition does not hold").isEmpty();
    labelled.forEach(
        (firing, at) ->
            assertThat(found.get(firing).toInstant())
                .as(firing.toString())
                .isEqualTo(at.toInstant()));
  }

  @Test
  void medicalBurdenScenariosReallyExceedTheirThreshold() {
    Thresholds limits = plan.config().thresholds();
    for (GroundTruth label : plan.labels(Rule.MEDICAL_BURDEN)) {
      Household household =
          plan.county().households().stream()
              .filter(h -> h.id().equals(label.householdId()))
              .findFirst()
              .orElseThrow();
      BigDecimal outOfPocket =
          plan.records().stream()
              .filter(r -> r.householdId().equals(label.householdId()))
              .filter(r -> r.type().equals(EventType.MEDICAL_EXPENSE.name()))
              .map(r -> ((SimRecord.Event) r).event().dataAs(EventData.MedicalExpense.class))
              .map(EventData.MedicalExpense::outOfPocket)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal income =
          plan.records().stream()
              .filter(r -> r.householdId().equals(label.householdId()))
              .filter(r -> r.type().equals(EventType.INCOME_ASSESSED.name()))
              .map(r -> ((SimRecord.Event) r).event().dataAs(EventData.IncomeAssessed.class))
              .map(EventData.IncomeAssessed::netIncomePerCapita)
              .findFirst()
              .orElseThrow()
              .multiply(BigDecimal.valueOf(household.size()));
      // monitored when the burden arose: from the start, or admitted before it (ADR 0005)
      boolean monitored =
          household.monitored()
              || plan.records().stream()
                  .filter(r -> r.householdId().equals(label.householdId()))
                  .filter(r -> r.at().isBefore(label.expectedAt()))
                  .anyMatch(
                      r ->
                          r instanceof SimRecord.Event e
                              && e.event().data() instanceof EventData.IdentificationStep step
                              && Boolean.TRUE.equals(step.admitted()));
      double threshold =
          Math.min(
              limits.medical(household.formerlyPoor(), monitored).doubleValue(),
              limits.medicalIncomeShare() * income.doubleValue());

      assertThat(outOfPocket.doubleValue()).isGreaterThanOrEqualTo(1.25 * threshold);
    }
  }

  @Test
  void backgroundIncomesStayWellAboveTheLine() {
    Set<String> incomeLabels =
        plan.groundTruth().stream()
            .filter(g -> g.rule() == Rule.LOW_INCOME || g.rule() == Rule.INCOME_DROP)
            .map(GroundTruth::householdId)
            .collect(Collectors.toSet());
    plan.records().stream()
        .filter(r -> r.type().equals(EventType.INCOME_ASSESSED.name()))
        .filter(r -> !incomeLabels.contains(r.householdId()))
        .map(r -> ((SimRecord.Event) r).event().dataAs(EventData.IncomeAssessed.class))
        .forEach(
            income ->
                assertThat(income.netIncomePerCapita())
                    .isGreaterThanOrEqualTo(
                        plan.config().lines().of(income.year()).multiply(new BigDecimal("1.3"))));
  }

  @Test
  void writesAndReadsTheGroundTruthAsJsonLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("truth/ground-truth.jsonl");

    GroundTruthFile.write(file, plan.groundTruth());

    List<String> lines = java.nio.file.Files.readAllLines(file);
    assertThat(lines).hasSize(plan.groundTruth().size());
    assertThat(lines.get(0))
        .contains("\"householdId\"", "\"rule\"", "\"expectedAt\"", "\"evidence\"");
    assertThat(GroundTruthFile.read(file)).isEqualTo(plan.groundTruth());
  }

  @Test
  void theDemoCadresEachHaveHouseholdsWithCadreFacingScenarios() {
    for (String cadre : List.of("cadre-0001", "cadre-0002")) {
      Set<String> theirs =
          plan.county().households().stream()
              .filter(h -> h.cadreId().equals(cadre))
              // the demo scenarios go to a cadre's first two households; others may draw any
              .limit(2)
              .map(Household::id)
              .collect(Collectors.toSet());

      assertThat(theirs).hasSize(2);
      assertThat(plan.groundTruth())
          .filteredOn(g -> theirs.contains(g.householdId()))
          .hasSize(2)
          .allMatch(g -> g.rule().audience() == org.shouwang.events.Audience.CADRE);
    }
  }

  @Test
  void everyRuleCodeIsCoveredEvenInASmallCounty() {
    SimulationPlan small = Plans.plan(99, 400);

    assertThat(small.scenarioCounts().entrySet())
        .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey().name()).isPositive());
    assertThat(Arrays.stream(Rule.values()).map(small::labels)).allMatch(l -> !l.isEmpty());
  }

  @Test
  void labelsMatchTheIndependentReadingInOtherSpansToo() {
    String[][] spans = {
      {"2025-07-15T00:00:00+08:00", "2026-07-15T00:00:00+08:00"},
      {"2024-10-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00"},
      {"2025-02-01T00:00:00+08:00", "2025-06-01T00:00:00+08:00"}
    };
    for (String[] span : spans) {
      SimulationPlan other =
          SimulationPlan.generate(
              SimulationConfig.defaults(
                      11, OffsetDateTime.parse(span[0]), OffsetDateTime.parse(span[1]))
                  .withCounty(CountyShape.defaults().withHouseholds(1_000)));
      Map<RuleOracle.Firing, OffsetDateTime> found =
          new RuleOracle(other.config()).replay(other.records());
      Map<RuleOracle.Firing, OffsetDateTime> labelled = new HashMap<>();
      other
          .groundTruth()
          .forEach(
              g -> labelled.put(new RuleOracle.Firing(g.householdId(), g.rule()), g.expectedAt()));

      assertThat(found.keySet()).as(span[0]).isEqualTo(labelled.keySet());
      labelled.forEach(
          (firing, at) ->
              assertThat(found.get(firing).toInstant())
                  .as(span[0] + " " + firing)
                  .isEqualTo(at.toInstant()));
    }
  }

  /**
   * ADR 0005's well-run county: a risk alert on a household not monitored is followed by the
   * county's admission within the identification days, after publicity of at least the minimum, and
   * then by a fitting measure; only the scenarios of the stalled work break this.
   */
  @Test
  void aRiskAlertOnAHouseholdNotMonitoredIsIdentifiedInTimeAndHelped() {
    Thresholds limits = plan.config().thresholds();
    Set<String> stalled =
        plan.groundTruth().stream()
            .filter(g -> g.rule() == Rule.IDENTIFICATION_OVERDUE)
            .map(GroundTruth::householdId)
            .collect(Collectors.toSet());
    Map<String, List<SimRecord.Event>> events =
        plan.records().stream()
            .filter(r -> r instanceof SimRecord.Event)
            .map(SimRecord.Event.class::cast)
            .collect(Collectors.groupingBy(SimRecord::householdId));
    int followed = 0;
    for (GroundTruth label : plan.groundTruth()) {
      OffsetDateTime deadline = label.expectedAt().plusDays(limits.identificationDays());
      if (!label.rule().riskSignal()
          || stalled.contains(label.householdId())
          || !deadline.isBefore(Plans.END)
          || monitored(events.get(label.householdId()), label.expectedAt())) {
        continue;
      }
      List<SimRecord.Event> after =
          events.get(label.householdId()).stream()
              .filter(e -> !e.at().isBefore(label.expectedAt()))
              .toList();
      SimRecord.Event decision =
          after.stream()
              .filter(e -> step(e, ProcedureStep.COUNTY_DECISION))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no county decision after " + label));
      SimRecord.Event publicity =
          after.stream()
              .filter(e -> step(e, ProcedureStep.PUBLICITY_STARTED))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no publicity after " + label));
      assertThat(decision.at()).as(label.toString()).isBefore(deadline);
      assertThat(decision.event().dataAs(EventData.IdentificationStep.class).admitted()).isTrue();
      assertThat(publicity.at().plusDays(limits.publicityDays())).isBefore(decision.at());
      assertThat(after)
          .as("a measure after " + label)
          .anyMatch(
              e ->
                  e.at().isAfter(decision.at())
                      && e.event().data() instanceof EventData.AssistanceRecorded a
                      && e.event().source() == Source.CADRE
                      && (a.measure().developmental() || a.measure() == AssistanceMeasure.WELFARE));
      followed++;
    }
    assertThat(followed).as("risk alerts followed by identification").isGreaterThan(20);
  }

  private static boolean step(SimRecord.Event event, ProcedureStep step) {
    return event.event().data() instanceof EventData.IdentificationStep s && s.step() == step;
  }

  /** Whether a household was monitored (risk not eliminated) just before a time. */
  private static boolean monitored(List<SimRecord.Event> events, OffsetDateTime at) {
    boolean monitored = false;
    for (SimRecord.Event e : events) {
      if (!e.at().isBefore(at)) {
        break;
      }
      EventData data = e.event().data();
      if (data instanceof EventData.HouseholdRegistered r) {
        monitored = r.monitoringCategory() != null;
      } else if (data instanceof EventData.MonitoringStatusChanged m) {
        monitored = m.status() == MonitoringStatus.MONITORED;
      } else if (data instanceof EventData.IdentificationStep s
          && Boolean.TRUE.equals(s.admitted())) {
        monitored = true;
      } else if (data instanceof EventData.EliminationStep s && Boolean.TRUE.equals(s.approved())) {
        monitored = false;
      }
    }
    return monitored;
  }

  /**
   * The background holds the benign cases the status-aware rules must let pass (ADR 0005): a fall
   * of income by a third that stays well above the line, a household whose only jobs were lost and
   * found again within the wait, a 16-year-old who finished junior middle school, risk eliminated
   * by the full procedure, and a self-declaration declined in time; none of these households
   * carries a label.
   */
  @Test
  void theBackgroundHoldsTheBenignCasesOfTheStatusAwareRules() {
    Set<String> labelled =
        plan.groundTruth().stream().map(GroundTruth::householdId).collect(Collectors.toSet());
    Map<String, List<SimRecord.Event>> unlabelledLives =
        plan.records().stream()
            .filter(r -> r instanceof SimRecord.Event && !labelled.contains(r.householdId()))
            .map(SimRecord.Event.class::cast)
            .collect(Collectors.groupingBy(SimRecord::householdId));
    int drops = 0;
    int unemployed = 0;
    int completed = 0;
    int eliminated = 0;
    int declined = 0;
    for (List<SimRecord.Event> events : unlabelledLives.values()) {
      List<BigDecimal> incomes = new java.util.ArrayList<>();
      Map<String, Boolean> employed = new HashMap<>();
      for (SimRecord.Event e : events) {
        EventData data = e.event().data();
        if (data instanceof EventData.IncomeAssessed i) {
          incomes.add(i.netIncomePerCapita());
        } else if (data instanceof EventData.EmploymentChanged j) {
          boolean before = employed.containsValue(true);
          employed.put(j.memberId(), j.employed());
          if (before && !employed.containsValue(true)) {
            unemployed++;
          }
        } else if (data instanceof EventData.SchoolEnrolmentChanged c
            && c.reason() == SchoolLeavingReason.EDUCATION_COMPLETED) {
          completed++;
        } else if (data instanceof EventData.EliminationStep s
            && Boolean.TRUE.equals(s.approved())) {
          eliminated++;
        } else if (data instanceof EventData.IdentificationStep s
            && Boolean.FALSE.equals(s.admitted())) {
          declined++;
        }
      }
      if (incomes.size() == 2
          && incomes.get(1).doubleValue() <= 0.7 * incomes.get(0).doubleValue()) {
        drops++;
      }
    }
    assertThat(drops).as("benign income drops").isPositive();
    assertThat(unemployed).as("every job lost, found again within the wait").isPositive();
    assertThat(completed).as("16-year-olds who finished junior middle school").isPositive();
    assertThat(eliminated).as("risk eliminated by the full procedure").isPositive();
    assertThat(declined).as("self-declarations declined in time").isPositive();
  }

  @Test
  void theRiskMixMakesIllnessAboutHalfOfTheRisks() {
    SimulationPlan mixed = SimulationPlan.generate(Plans.config(430421, HOUSEHOLDS).withRiskMix());
    List<GroundTruth> risks =
        mixed.groundTruth().stream().filter(g -> g.rule().riskSignal()).toList();
    long illness =
        risks.stream()
            .filter(g -> g.rule().defaultRiskType() == org.shouwang.events.RiskType.ILLNESS)
            .count();

    assertThat(illness / (double) risks.size()).isBetween(0.4, 0.55);
    // 8 × 2 per 1,000 at 2,000 households, and the illnesses of stalled identifications and
    // relapses
    assertThat(mixed.labels(Rule.MEDICAL_BURDEN)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(mixed.labels(Rule.LOW_INCOME)).hasSize(4);
  }
}
