package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.EventData;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.riskengine.RiskEngineProperties;

/** The basic guarantees: UNSAFE_HOUSING, UNSAFE_WATER and UNINSURED. */
final class LivingConditionRules {

  private final int maxInterruptionDays;

  LivingConditionRules(RiskEngineProperties.Rules rules) {
    this.maxInterruptionDays = rules.water().maxInterruptionDays();
  }

  /** A house of grade C is unsafe (level 1), of grade D critically so (level 2, escalating). */
  void housing(RuleContext context, EventData.HousingAssessed event) {
    if (event.grade().unsafe()) {
      boolean gradeD = event.grade() == HousingGrade.D;
      context
          .alert(Rule.UNSAFE_HOUSING, gradeD ? Severity.CRITICAL : Severity.HIGH)
          .escalatingTo(gradeD ? 2 : 1)
          .raise(AlertTexts.unsafeHousing(event.grade()));
    } else {
      context.state.clear(Rule.UNSAFE_HOUSING, NONE);
    }
  }

  void water(RuleContext context, EventData.WaterAssessed event) {
    int days = event.interruptionDays() == null ? 0 : event.interruptionDays();
    if (!event.safe() || days > maxInterruptionDays) {
      List<String> reasons = new ArrayList<>(2);
      if (!event.safe()) {
        reasons.add(AlertTexts.WATER_UNSAFE);
      }
      if (days > maxInterruptionDays) {
        reasons.add(AlertTexts.waterInterrupted(days, maxInterruptionDays));
      }
      context.alert(Rule.UNSAFE_WATER, Severity.HIGH).raise(AlertTexts.unsafeWater(reasons));
    } else {
      context.state.clear(Rule.UNSAFE_WATER, NONE);
    }
  }

  void insurance(RuleContext context, EventData.MedicalInsuranceChanged event) {
    if (!event.insured()) {
      context
          .alert(Rule.UNINSURED, Severity.HIGH)
          .key(event.memberId())
          .riskType(RiskType.ILLNESS)
          .raise(AlertTexts.uninsured(event.memberId()));
    } else {
      context.state.clear(Rule.UNINSURED, event.memberId());
    }
  }
}
