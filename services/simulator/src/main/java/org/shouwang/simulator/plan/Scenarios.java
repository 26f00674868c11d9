package org.shouwang.simulator.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shouwang.events.Rule;

/**
 * Every rule's {@link Scenario}, one per rule. A rule added to the contract without a scenario
 * makes {@link #of} fail (and ScenariosTests): a plan never silently skips a rule.
 */
final class Scenarios {

  private static final Map<Rule, Scenario> BY_RULE = byRule(all());

  private Scenarios() {}

  /** The scenario of a rule. */
  static Scenario of(Rule rule) {
    Scenario scenario = BY_RULE.get(rule);
    if (scenario == null) {
      throw new IllegalStateException("no scenario for rule " + rule);
    }
    return scenario;
  }

  /** The registry: each rule to its scenario. */
  static Map<Rule, Scenario> byRule() {
    return BY_RULE;
  }

  private static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(IncomeScenarios.all());
    all.addAll(LivingScenarios.all());
    all.addAll(ShockScenarios.all());
    all.addAll(PaymentScenarios.all());
    all.addAll(MonitoringScenarios.all());
    all.addAll(ProcedureScenarios.all());
    all.add(new PaymentUnregistered());
    return all;
  }

  private static Map<Rule, Scenario> byRule(List<Scenario> scenarios) {
    Map<Rule, Scenario> byRule = new EnumMap<>(Rule.class);
    for (Scenario scenario : scenarios) {
      if (byRule.put(scenario.rule(), scenario) != null) {
        throw new IllegalStateException("two scenarios for rule " + scenario.rule());
      }
    }
    return Collections.unmodifiableMap(byRule);
  }
}
