package org.shouwang.riskengine.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.Alert;
import org.shouwang.events.Audience;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/**
 * One alert being raised: {@code context.alert(rule, severity).key(...).raise(text)}. Raising opens
 * the rule's condition and emits the alert, unless the condition is open already; an escalating
 * condition (an overdue loan, a house from C to D) raises again when its level rises. One builder
 * per record, reused by each of its alerts.
 */
final class AlertBuilder {

  private final RuleContext context;
  private Rule rule;
  private Severity severity;
  private String key;
  private RiskType riskType;
  private int value;
  private boolean escalating;
  private boolean finding;
  private List<String> evidence;

  AlertBuilder(RuleContext context) {
    this.context = context;
  }

  AlertBuilder start(Rule rule, Severity severity) {
    this.rule = rule;
    this.severity = severity;
    this.key = RuleContext.NONE;
    this.riskType = rule.defaultRiskType();
    this.value = 0;
    this.escalating = false;
    this.finding = false;
    this.evidence = null;
    return this;
  }

  /**
   * A finding about one record (a county decision without enough publicity): raised every time,
   * with no condition kept open, since nothing can clear it. Its evidence names the record, so a
   * resent record (dropped as a duplicate anyway) would get the same alert id.
   */
  AlertBuilder finding() {
    this.finding = true;
    return this;
  }

  /** Tells this condition apart from others of its rule (a member, a loan, a programme). */
  AlertBuilder key(String conditionKey) {
    this.key = conditionKey;
    return this;
  }

  AlertBuilder riskType(RiskType type) {
    this.riskType = type;
    return this;
  }

  /** A rule-specific value kept with the condition (the missing month, the duplicate period). */
  AlertBuilder value(int conditionValue) {
    this.value = conditionValue;
    return this;
  }

  /** An escalating condition at this level: raised again when an open one is at a lower level. */
  AlertBuilder escalatingTo(int level) {
    this.value = level;
    this.escalating = true;
    return this;
  }

  /** The ids the alert rests on (nulls left out) instead of the record's own id. */
  AlertBuilder evidence(List<String> ids, String more) {
    List<String> all = new ArrayList<>(ids.size() + 1);
    all.addAll(ids);
    if (more != null) {
      all.add(more);
    }
    this.evidence = all;
    return this;
  }

  AlertBuilder evidence(String... ids) {
    List<String> present = new ArrayList<>(ids.length);
    for (String id : ids) {
      if (id != null) {
        present.add(id);
      }
    }
    this.evidence = present;
    return this;
  }

  /**
   * Opens the condition and emits the alert with this text, unless it is open already (a finding
   * keeps no condition). A risk signal is then told to the identification rules.
   */
  void raise(String message) {
    HouseholdState state = context.state;
    if (!finding) {
      HouseholdState.Condition open = state.condition(rule, key);
      if (open != null) {
        if (!escalating || open.value >= value) {
          return;
        }
        open.value = value;
      } else {
        HouseholdState.Condition condition = new HouseholdState.Condition();
        condition.rule = rule;
        condition.key = key;
        condition.riskType = riskType;
        condition.sinceDay = context.day;
        condition.value = value;
        state.conditions.add(condition);
      }
    }
    List<String> ids = evidence != null ? evidence : List.of(context.eventId);
    String identity =
        context.householdId + '|' + rule + '|' + key + '|' + value + '|' + String.join(",", ids);
    String alertId = NameBasedUuids.of(identity.getBytes(StandardCharsets.UTF_8)).toString();
    context.out.add(
        new Alert(
            alertId,
            context.householdId,
            rule,
            Detector.RULE_VERSION,
            riskType,
            severity,
            rule.audience(),
            context.at,
            ids,
            message,
            state.townshipCode,
            state.villageCode,
            // an audit finding never names anyone the alerting service could route to the cadre
            rule.audience() == Audience.CADRE ? state.cadreId : null));
    if (rule.riskSignal() && context.identification != null) {
      // last: it may raise an alert of its own with this (shared) builder
      context.identification.signalRaised(context, rule, riskType, ids);
    }
  }
}
