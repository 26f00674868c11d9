package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.Procedure.admitted;
import static org.shouwang.riskengine.rules.Procedure.approved;
import static org.shouwang.riskengine.rules.Procedure.elimination;
import static org.shouwang.riskengine.rules.Procedure.identification;
import static org.shouwang.riskengine.rules.Procedure.refused;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Alert;
import org.shouwang.events.Audience;
import org.shouwang.events.EliminationType;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.streams.Engine;

/**
 * PUBLICITY_TOO_SHORT: a county decision (identification or elimination) with no publicity of its
 * procedure since the last decision, or fewer than 5 calendar days after publicity started.
 */
class PublicityTooShortTests {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-04-01T10:00:00+08:00");

  @Test
  void anAdmissionFourDaysAfterPublicityStartedIsAnAuditFinding() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      String publicity = engine.send(T, identification(ProcedureStep.PUBLICITY_STARTED));
      String decision = engine.send(T.plusDays(4).plusHours(5), admitted());
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.audience()).isEqualTo(Audience.AUDITOR);
                assertThat(a.severity()).isEqualTo(Severity.HIGH);
                assertThat(a.cadreId()).as("never to the household's cadre").isNull();
                assertThat(a.evidence()).containsExactly(decision, publicity);
                assertThat(a.detectedAt()).isEqualTo(T.plusDays(4).plusHours(5));
                assertThat(a.message())
                    .isEqualTo("识别纳入公示自 2026-04-01 开始，2026-04-05 即县级确认，仅公示 4 天，不足 5 天");
              });
    }
  }

  @Test
  void anAdmissionFiveDaysAfterPublicityStartedIsInOrder() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, identification(ProcedureStep.PUBLICITY_STARTED));
      // five calendar days, even if a few hours short of 5 × 24 hours
      engine.send(T.plusDays(5).minusHours(1), admitted());
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT)).isEmpty();
    }
  }

  @Test
  void aDecisionWithNoPublicityIsAnAuditFindingWhateverItDecided() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, identification(ProcedureStep.VILLAGE_REVIEW));
      String decision = engine.send(T.plusDays(10), refused());
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).containsExactly(decision);
                assertThat(a.message()).isEqualTo("识别纳入县级确认（2026-04-11）前未经公示，应公示不少于 5 天");
              });
    }
  }

  @Test
  void eachDecisionNeedsItsOwnPublicityAndRaisesItsOwnFinding() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, identification(ProcedureStep.PUBLICITY_STARTED));
      engine.send(T.plusDays(6), refused());
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT)).isEmpty();
      String second = engine.send(T.plusDays(30), refused());
      String third = engine.send(T.plusDays(60), refused());
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT))
          .extracting(a -> a.evidence().get(0))
          .containsExactly(second, third);
    }
  }

  @Test
  void anEliminationIsJudgedByThePublicityOfTheElimination() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusYears(1));
      engine.send(T.minusMonths(10), identification(ProcedureStep.PUBLICITY_STARTED));
      engine.send(T.minusMonths(10).plusDays(5), admitted());
      // an identification's publicity is not the elimination's
      engine.send(T, identification(ProcedureStep.PUBLICITY_STARTED));
      String decision = engine.send(T.plusDays(7), approved(EliminationType.NATURAL));
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.evidence()).containsExactly(decision);
                assertThat(a.message()).startsWith("风险消除县级确认");
              });

      engine.send(T.plusDays(100), elimination(ProcedureStep.PUBLICITY_STARTED));
      String short4 = engine.send(T.plusDays(104), approved(EliminationType.NATURAL));
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT))
          .singleElement()
          .extracting(Alert::message)
          .asString()
          .startsWith("风险消除公示")
          .contains("仅公示 4 天");
      engine.send(T.plusDays(200), elimination(ProcedureStep.PUBLICITY_STARTED));
      engine.send(T.plusDays(205), approved(EliminationType.NATURAL));
      assertThat(engine.alerts(Rule.PUBLICITY_TOO_SHORT)).isEmpty();
      assertThat(short4).isNotNull();
    }
  }
}
