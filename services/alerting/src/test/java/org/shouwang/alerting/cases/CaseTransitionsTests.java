package org.shouwang.alerting.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.springframework.http.HttpStatus;

class CaseTransitionsTests {

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "OPEN, ACKNOWLEDGED, ACKNOWLEDGED",
    "ACKNOWLEDGED, VERIFIED, VERIFIED",
    "ACKNOWLEDGED, DISMISSED, DISMISSED",
    "VERIFIED, MEASURE_RECORDED, ASSISTING",
    "ASSISTING, MEASURE_RECORDED, ASSISTING",
    "ASSISTING, RESOLVED, RESOLVED",
  })
  void followsTheLifecycle(CaseState from, CaseAction action, CaseState to) {
    assertThat(CaseTransitions.apply(from, action)).isEqualTo(to);
  }

  @ParameterizedTest(name = "{0} + {1} refused")
  @CsvSource({
    "OPEN, VERIFIED",
    "OPEN, RESOLVED",
    "OPEN, MEASURE_RECORDED",
    "ACKNOWLEDGED, ACKNOWLEDGED",
    "ACKNOWLEDGED, RESOLVED",
    "VERIFIED, RESOLVED",
    "DISMISSED, ACKNOWLEDGED",
    "RESOLVED, MEASURE_RECORDED",
  })
  void refusesIllegalTransitionsWithAConflict(CaseState from, CaseAction action) {
    assertThatThrownBy(() -> CaseTransitions.apply(from, action))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getReason()).contains(from.name()).contains(action.name());
            });
  }

  @Test
  void explainsThatAClosedCaseIsReplacedByANewOne() {
    assertThatThrownBy(() -> CaseTransitions.apply(CaseState.RESOLVED, CaseAction.ACKNOWLEDGED))
        .hasMessageContaining("a new alert opens a new case");
  }
}
