package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.riskengine.rules.Procedure.identification;
import static org.shouwang.riskengine.rules.Procedure.selfDeclared;
import static org.shouwang.riskengine.rules.Procedure.tick;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Audience;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.streams.Engine;

/** SELF_DECLARATION_UNANSWERED: a self-declaration with no home visit within 7 days. */
class SelfDeclarationUnansweredTests {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-05-11T15:00:00+08:00");

  @Test
  void firesSevenDaysAfterTheDeclarationWithoutAHomeVisit() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      String declaration = engine.send(T, selfDeclared());
      tick(engine, T.plusDays(7).minusSeconds(1));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED)).isEmpty();

      tick(engine, T.plusDays(7));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.audience()).isEqualTo(Audience.CADRE);
                assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(a.cadreId()).isEqualTo(Engine.CADRE);
                assertThat(a.detectedAt()).isEqualTo(T.plusDays(7));
                assertThat(a.evidence()).containsExactly(declaration);
                assertThat(a.message()).isEqualTo("农户于 2026-05-11 自主申报，已满 7 天仍未入户核实");
              });
      tick(engine, T.plusDays(12));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED)).as("no repeat").isEmpty();
    }
  }

  @Test
  void aHomeVisitWithinSevenDaysAnswersIt() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, selfDeclared());
      engine.send(T.plusDays(6), identification(ProcedureStep.HOME_VISIT));
      tick(engine, T.plusDays(30));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED)).isEmpty();
    }
  }

  @Test
  void aLateHomeVisitClearsItSoALaterDeclarationFiresAgain() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      engine.send(T, selfDeclared());
      tick(engine, T.plusDays(8));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED)).hasSize(1);
      engine.send(T.plusDays(9), identification(ProcedureStep.HOME_VISIT));
      String later = engine.send(T.plusDays(20), selfDeclared());
      tick(engine, T.plusDays(27));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED))
          .singleElement()
          .satisfies(a -> assertThat(a.evidence()).containsExactly(later));
    }
  }

  @Test
  void aSecondDeclarationWhileTheFirstWaitsIsTheSameWait() {
    try (Engine engine = new Engine()) {
      engine.register(T.minusDays(30));
      String first = engine.send(T, selfDeclared());
      engine.send(T.plusDays(3), selfDeclared());
      tick(engine, T.plusDays(11));
      assertThat(engine.alerts(Rule.SELF_DECLARATION_UNANSWERED))
          .singleElement()
          .satisfies(a -> assertThat(a.evidence()).containsExactly(first));
    }
  }
}
