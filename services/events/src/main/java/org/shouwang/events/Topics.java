package org.shouwang.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the contract, declared once. Keys are household ids. */
public final class Topics {

  /** Household status changes from department systems, cadres and households. */
  public static final Topic<String, HouseholdEvent> HOUSEHOLD_EVENTS =
      new Topic<>("household.events", Serdes.String(), ContractSerdes.householdEvent());

  /** Subsidy payments as the payers report them. */
  public static final Topic<String, SubsidyPayment> SUBSIDY_PAYMENTS =
      new Topic<>("subsidy.payments", Serdes.String(), ContractSerdes.subsidyPayment());

  /** Alerts raised by the risk engine. */
  public static final Topic<String, Alert> RISK_ALERTS =
      new Topic<>("risk.alerts", Serdes.String(), ContractSerdes.alert());

  /** Every change to a case and every notification, published by alerting for the audit log. */
  public static final Topic<String, CaseEvent> CASE_EVENTS =
      new Topic<>("case.events", Serdes.String(), ContractSerdes.caseEvent());

  private Topics() {}

  /** The topics producers write and consumers read as inputs. */
  public static List<Topic<String, ?>> inputs() {
    return List.of(HOUSEHOLD_EVENTS, SUBSIDY_PAYMENTS);
  }

  /** Every topic declared here. */
  public static List<Topic<String, ?>> all() {
    return List.of(HOUSEHOLD_EVENTS, SUBSIDY_PAYMENTS, RISK_ALERTS, CASE_EVENTS);
  }
}
