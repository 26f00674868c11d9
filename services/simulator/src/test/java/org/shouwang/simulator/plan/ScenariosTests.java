package org.shouwang.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shouwang.events.Rule;

class ScenariosTests {

  @Test
  void everyRuleHasItsScenario() {
    assertThat(Scenarios.byRule()).containsOnlyKeys(Rule.values());
  }

  @Test
  void eachScenarioIsRegisteredUnderItsOwnRule() {
    Scenarios.byRule()
        .forEach((rule, scenario) -> assertThat(scenario.rule()).as("%s", rule).isEqualTo(rule));
  }
}
