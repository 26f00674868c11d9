package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.Rule;
import org.shouwang.simulator.county.Household;

/**
 * A labelled risk scenario of one rule: it changes a quiet household's year so that exactly its
 * rule fires, clearly over the threshold, and returns the label. {@link Scenarios} holds one per
 * rule.
 */
interface Scenario {

  /** The rule this scenario makes fire. */
  Rule rule();

  /** Whether a household can carry this scenario; asked before the household's year is lived. */
  default boolean fits(Household household) {
    return true;
  }

  /**
   * Households the scenario prefers among those it fits (a rarer variant): every other household of
   * the rule is picked from them while there are any.
   */
  default boolean prefers(Household household) {
    return false;
  }

  /**
   * Applies the scenario to a quiet household's lived year; the label, or {@code null} if it cannot
   * fit.
   */
  GroundTruth apply(Life life);

  /**
   * Whether the plan adds the cadres' well-run work after the label ({@link CadreWork#follow}): a
   * risk alert on a household that is not monitored is identified within the days allowed. The
   * scenarios of the work itself stage their own procedure and say no.
   */
  default boolean followedUp() {
    return rule().riskSignal();
  }

  /** The label of this scenario in a household. */
  default GroundTruth label(Life life, OffsetDateTime at, List<SimRecord> evidence, String detail) {
    return new GroundTruth(
        life.household.id(), rule(), at, evidence.stream().map(SimRecord::id).toList(), detail);
  }
}
