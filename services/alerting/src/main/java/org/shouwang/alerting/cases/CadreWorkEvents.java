package org.shouwang.alerting.cases;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Source;

/**
 * The household events a cadre's case work becomes (ADR 0005): a case verified with the risk
 * confirmed is the home visit of identification (识别纳入 入户核实), a measure recorded in a case is
 * assistance (帮扶措施). Source {@link Source#CADRE}, no department. Event ids are name-based UUIDs of
 * what the event is about, so the same work never yields two events, whoever repeats it.
 */
final class CadreWorkEvents {

  private CadreWorkEvents() {}

  /** {@code IDENTIFICATION_STEP HOME_VISIT} of the case's household; one per case. */
  static HouseholdEvent homeVisit(UUID caseId, String householdId, OffsetDateTime at) {
    return HouseholdEvent.of(
        homeVisitEventId(caseId),
        householdId,
        at,
        Source.CADRE,
        null,
        new EventData.IdentificationStep(ProcedureStep.HOME_VISIT, null, null, null));
  }

  /** {@code ASSISTANCE_RECORDED} of a measure; one per case event that recorded it. */
  static HouseholdEvent assistance(
      String caseEventId,
      String householdId,
      AssistanceMeasure measure,
      BigDecimal amount,
      OffsetDateTime at) {
    return HouseholdEvent.of(
        assistanceEventId(caseEventId),
        householdId,
        at,
        Source.CADRE,
        null,
        new EventData.AssistanceRecorded(measure, amount));
  }

  /** The id of a case's home-visit event: the same for every attempt to verify the case. */
  static String homeVisitEventId(UUID caseId) {
    return nameBased("shouwang:case:" + caseId + ":IDENTIFICATION_STEP:HOME_VISIT");
  }

  /** The id of the assistance event of the case event that recorded a measure. */
  static String assistanceEventId(String caseEventId) {
    return nameBased("shouwang:case-event:" + caseEventId + ":ASSISTANCE_RECORDED");
  }

  private static String nameBased(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
