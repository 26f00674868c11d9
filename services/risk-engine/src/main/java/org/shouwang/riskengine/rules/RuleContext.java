package org.shouwang.riskengine.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.shouwang.events.Alert;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/**
 * What the rules of one record (or one deadline) work on: the household and its state, the id and
 * time of what happened, and where its alerts go.
 */
final class RuleContext {

  /** The key of a condition a household has at most one of. */
  static final String NONE = "";

  final String householdId;
  final HouseholdState state;
  final String eventId;
  final OffsetDateTime at;
  final long millis;
  final int day;
  final List<Alert> out;
  // told of each risk-signal alert (the identification clock, relapses); null: nobody
  final IdentificationRules identification;
  // made by the first alert of the record: most records raise none
  private AlertBuilder alert;

  RuleContext(
      String householdId,
      HouseholdState state,
      String eventId,
      OffsetDateTime at,
      RuleCalendar calendar,
      List<Alert> out,
      IdentificationRules identification) {
    this.householdId = householdId;
    this.state = state;
    this.eventId = eventId;
    this.at = at;
    this.millis = at.toInstant().toEpochMilli();
    this.day = calendar.epochDay(millis);
    this.out = out;
    this.identification = identification;
  }

  LocalDate date() {
    return LocalDate.ofEpochDay(day);
  }

  /**
   * An alert of {@code rule} to raise: by default keyed {@link #NONE}, of the rule's default risk
   * type, not escalating and with this record as its evidence.
   */
  AlertBuilder alert(Rule rule, Severity severity) {
    if (alert == null) {
      alert = new AlertBuilder(this);
    }
    return alert.start(rule, severity);
  }
}
