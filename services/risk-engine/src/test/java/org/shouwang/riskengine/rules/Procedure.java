package org.shouwang.riskengine.rules;

import java.time.OffsetDateTime;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.RiskType;
import org.shouwang.riskengine.streams.Engine;

/** The events of identification (识别纳入) and risk elimination (风险消除), for the tests. */
final class Procedure {

  /** A household of another village whose events move the engine's event time on. */
  static final String OTHER = "430421-106-08888";

  private Procedure() {}

  static EventData.SelfDeclared selfDeclared() {
    return new EventData.SelfDeclared(RiskType.ILLNESS, "家中老人住院，花费较大");
  }

  static EventData.IdentificationStep identification(ProcedureStep step) {
    return new EventData.IdentificationStep(step, null, null, null);
  }

  static EventData.IdentificationStep admitted() {
    return new EventData.IdentificationStep(
        ProcedureStep.COUNTY_DECISION, true, MonitoringCategory.SUDDEN_HARDSHIP, null);
  }

  static EventData.IdentificationStep refused() {
    return new EventData.IdentificationStep(
        ProcedureStep.COUNTY_DECISION, false, null, "核实后收入高于监测线");
  }

  static EventData.EliminationStep elimination(ProcedureStep step) {
    return new EventData.EliminationStep(step, null, null, null);
  }

  static EventData.EliminationStep approved(EliminationType type) {
    return new EventData.EliminationStep(ProcedureStep.COUNTY_DECISION, true, type, null);
  }

  /** Moves the engine's event time to {@code at}. */
  static void tick(Engine engine, OffsetDateTime at) {
    engine.send(OTHER, at, new EventData.HousingAssessed(HousingGrade.A));
  }
}
