package org.shouwang.alerting.cases;

import java.util.EnumSet;
import java.util.Set;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;

/**
 * The lifecycle: {@code OPEN → ACKNOWLEDGED → VERIFIED → ASSISTING → RESOLVED}, or {@code
 * ACKNOWLEDGED → DISMISSED} when the visit finds no real risk. Measures can be recorded again while
 * assisting. Alerts join any case that is not closed without changing its state.
 */
final class CaseTransitions {

  private CaseTransitions() {}

  /** The states an action is allowed from. */
  static Set<CaseState> allowedFrom(CaseAction action) {
    return switch (action) {
      case ACKNOWLEDGED -> EnumSet.of(CaseState.OPEN);
      case VERIFIED, DISMISSED -> EnumSet.of(CaseState.ACKNOWLEDGED);
      case MEASURE_RECORDED -> EnumSet.of(CaseState.VERIFIED, CaseState.ASSISTING);
      case RESOLVED -> EnumSet.of(CaseState.ASSISTING);
      default -> throw new IllegalArgumentException(action + " is not a user action");
    };
  }

  /** The state after the action, or an {@link IllegalTransitionException}. */
  static CaseState apply(CaseState from, CaseAction action) {
    Set<CaseState> allowed = allowedFrom(action);
    if (!allowed.contains(from)) {
      throw new IllegalTransitionException(from, action, allowed);
    }
    return switch (action) {
      case ACKNOWLEDGED -> CaseState.ACKNOWLEDGED;
      case VERIFIED -> CaseState.VERIFIED;
      case DISMISSED -> CaseState.DISMISSED;
      case MEASURE_RECORDED -> CaseState.ASSISTING;
      case RESOLVED -> CaseState.RESOLVED;
      default -> throw new IllegalArgumentException(action + " is not a user action");
    };
  }
}
