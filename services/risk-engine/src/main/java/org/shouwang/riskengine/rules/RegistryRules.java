package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.RuleContext.NONE;

import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.Rule;

/** The household register: registration, status and cadre; clears what a registration settles. */
final class RegistryRules {

  void registered(RuleContext context, EventData.HouseholdRegistered event) {
    HouseholdState state = context.state;
    state.registered = true;
    state.townshipCode = event.townshipCode();
    state.villageCode = event.villageCode();
    state.cadreId = event.cadreId();
    state.members = event.members();
    state.labourers = event.labourers();
    state.formerlyPoor = event.formerlyPoor();
    if (event.monitoringCategory() != null) {
      state.category = event.monitoringCategory();
    }
    state.clear(Rule.PAYMENT_UNREGISTERED, NONE);
    state.unregisteredPaidAtMillis = 0;
    state.unregisteredPaymentId = null;
    if (state.labourers > 0) {
      state.clear(Rule.LABOUR_LOSS, LabourRules.NO_LABOURER);
    }
  }

  void statusChanged(RuleContext context, EventData.HouseholdStatusChanged event) {
    HouseholdState state = context.state;
    state.status = event.status();
    if (state.status == HouseholdStatus.ACTIVE) {
      state.clear(Rule.PAYMENT_TO_INACTIVE, NONE);
    }
  }

  void cadreAssigned(RuleContext context, EventData.CadreAssigned event) {
    context.state.cadreId = event.cadreId();
  }
}
