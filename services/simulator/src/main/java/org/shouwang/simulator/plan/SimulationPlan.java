package org.shouwang.simulator.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.shouwang.events.Rule;
import org.shouwang.simulator.county.County;
import org.shouwang.simulator.county.CountyGenerator;
import org.shouwang.simulator.county.Household;
import org.shouwang.simulator.county.Township;

/**
 * A simulated year: the county, every record in time order and the ground truth of the injected
 * scenarios. Build it with {@link #generate}; it does no I/O.
 *
 * @param config what it was generated from
 * @param county the county
 * @param records every household event and payment, ordered by time (registration first)
 * @param groundTruth one label per injected scenario, ordered by expected time
 */
public record SimulationPlan(
    SimulationConfig config,
    County county,
    List<SimRecord> records,
    List<GroundTruth> groundTruth) {

  private static final long SALT_SCENARIOS = 0x51C3_7D08_E2A9_6B4FL;
  private static final long SALT_LIVES = 0x0DDB_A11E_C0FF_EE01L;

  /**
   * Rules whose households are scarce go first so that each finds its households; the others follow
   * in the contract's order.
   */
  private static final List<Rule> SCARCE_FIRST =
      List.of(
          Rule.PAYMENT_TO_INACTIVE,
          Rule.CONFLICTING_BENEFITS,
          Rule.PAYMENT_MISSED,
          Rule.PAYMENT_SHORTFALL,
          Rule.DUPLICATE_PAYMENT,
          Rule.SCHOOL_DROPOUT,
          Rule.SCHOOLING_BURDEN,
          Rule.RELAPSE_AFTER_ELIMINATION,
          Rule.PREMATURE_ELIMINATION,
          Rule.PUBLICITY_TOO_SHORT,
          Rule.LABOUR_LOSS,
          Rule.NO_MEASURE);

  private static final List<Rule> ASSIGNMENT_ORDER = assignmentOrder();

  private static List<Rule> assignmentOrder() {
    List<Rule> order = new ArrayList<>(SCARCE_FIRST);
    for (Rule rule : Rule.values()) {
      if (!order.contains(rule)) {
        order.add(rule);
      }
    }
    return List.copyOf(order);
  }

  private static final List<String> DEMO_CADRES = List.of("cadre-0001", "cadre-0002");

  /** Cadre-facing rules shown to the demo cadres, in order of preference. */
  private static final List<Rule> DEMO_RULES =
      List.of(
          Rule.MEDICAL_BURDEN,
          Rule.SCHOOL_DROPOUT,
          Rule.UNSAFE_HOUSING,
          Rule.DISASTER_LOSS,
          Rule.INCOME_DROP,
          Rule.LOW_INCOME);

  /** The simulation for a config: a pure function of it. */
  public static SimulationPlan generate(SimulationConfig config) {
    County county = CountyGenerator.generate(config.seed(), config.county(), config.standards());
    SplittableRandom scenarioRandom = new SplittableRandom(config.seed() ^ SALT_SCENARIOS);
    Map<Integer, Rule> assigned = assign(config, county, scenarioRandom);

    List<SimRecord> records = new ArrayList<>();
    List<GroundTruth> labels = new ArrayList<>();
    for (Household household : county.households()) {
      Rule rule = assigned.get(household.index());
      Life life =
          new Life(
              household,
              config,
              new SplittableRandom(
                  config.seed() ^ SALT_LIVES ^ (household.index() * 0xC2B2_AE3D_27D4_EB4FL)));
      BenignLife.live(life, rule != null);
      if (rule != null) {
        Scenario scenario = Scenarios.of(rule);
        GroundTruth label = scenario.apply(life);
        labels.addAll(life.moreLabels);
        if (label != null) {
          labels.add(label);
          if (scenario.followedUp()) {
            CadreWork.follow(life, label.expectedAt(), rule);
          }
        }
      }
      records.addAll(life.records);
    }
    labels.addAll(
        PaymentUnregistered.inject(
            config,
            county.townships().stream().map(Township::shortCode).toList(),
            scenarioRandom,
            records));
    // stable: a household's records keep their order where times are equal
    records.sort(Comparator.comparing(r -> r.at().toInstant()));
    labels.sort(
        Comparator.comparing((GroundTruth g) -> g.expectedAt().toInstant())
            .thenComparing(GroundTruth::householdId));
    return new SimulationPlan(config, county, List.copyOf(records), List.copyOf(labels));
  }

  private static Map<Integer, Rule> assign(
      SimulationConfig config, County county, SplittableRandom random) {
    Map<Integer, Rule> assigned = new HashMap<>();
    Map<Rule, Integer> demo = assignDemo(config, county, assigned);
    for (Rule rule : ASSIGNMENT_ORDER) {
      Scenario scenario = Scenarios.of(rule);
      List<Household> pool =
          new ArrayList<>(
              county.households().stream()
                  .filter(h -> !assigned.containsKey(h.index()) && scenario.fits(h))
                  .toList());
      List<Household> preferred = new ArrayList<>(pool.stream().filter(scenario::prefers).toList());
      int wanted = config.scenarioCount(rule) - demo.getOrDefault(rule, 0);
      for (int i = 0; i < wanted && !pool.isEmpty(); i++) {
        Household pick =
            i % 2 == 0 && !preferred.isEmpty()
                ? preferred.get(random.nextInt(preferred.size()))
                : pool.get(random.nextInt(pool.size()));
        pool.remove(pick);
        preferred.remove(pick);
        assigned.put(pick.index(), rule);
      }
    }
    return assigned;
  }

  /**
   * The demo accounts {@code cadre-0001} and {@code cadre-0002} get a cadre-facing scenario in two
   * of their households each, so that a demo shows them alerts; these count towards the rates.
   */
  private static Map<Rule, Integer> assignDemo(
      SimulationConfig config, County county, Map<Integer, Rule> assigned) {
    Map<Rule, Integer> used = new EnumMap<>(Rule.class);
    for (String cadre : DEMO_CADRES) {
      List<Household> theirs =
          county.households().stream().filter(h -> h.cadreId().equals(cadre)).limit(2).toList();
      for (Household household : theirs) {
        for (Rule rule : DEMO_RULES) {
          if (used.getOrDefault(rule, 0) < config.scenarioCount(rule)
              && Scenarios.of(rule).fits(household)) {
            assigned.put(household.index(), rule);
            used.merge(rule, 1, Integer::sum);
            break;
          }
        }
      }
    }
    return used;
  }

  /** The labels of one rule. */
  public List<GroundTruth> labels(Rule rule) {
    return groundTruth.stream().filter(g -> g.rule() == rule).toList();
  }

  /** How many scenarios were injected per rule. */
  public Map<Rule, Long> scenarioCounts() {
    Map<Rule, Long> counts = new EnumMap<>(Rule.class);
    for (Rule rule : Rule.values()) {
      counts.put(rule, 0L);
    }
    groundTruth.forEach(g -> counts.merge(g.rule(), 1L, Long::sum));
    return counts;
  }

  /** How many records of each kind the plan holds. */
  public Map<SimRecord.Kind, Long> recordCounts() {
    Map<SimRecord.Kind, Long> counts = new EnumMap<>(SimRecord.Kind.class);
    records.forEach(r -> counts.merge(r.kind(), 1L, Long::sum));
    return counts;
  }
}
