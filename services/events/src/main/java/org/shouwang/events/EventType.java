package org.shouwang.events;

/** Household event types and the record that carries each type's {@code data}. */
public enum EventType {
  HOUSEHOLD_REGISTERED(EventData.HouseholdRegistered.class),
  HOUSEHOLD_STATUS_CHANGED(EventData.HouseholdStatusChanged.class),
  MEMBERS_CHANGED(EventData.MembersChanged.class),
  CADRE_ASSIGNED(EventData.CadreAssigned.class),
  MONITORING_STATUS_CHANGED(EventData.MonitoringStatusChanged.class),
  ASSISTANCE_RECORDED(EventData.AssistanceRecorded.class),
  INCOME_ASSESSED(EventData.IncomeAssessed.class),
  MEDICAL_EXPENSE(EventData.MedicalExpense.class),
  SCHOOLING_COST(EventData.SchoolingCost.class),
  SCHOOL_ENROLMENT_CHANGED(EventData.SchoolEnrolmentChanged.class),
  DISABILITY_CERTIFIED(EventData.DisabilityCertified.class),
  EMPLOYMENT_CHANGED(EventData.EmploymentChanged.class),
  HOUSING_ASSESSED(EventData.HousingAssessed.class),
  WATER_ASSESSED(EventData.WaterAssessed.class),
  MEDICAL_INSURANCE_CHANGED(EventData.MedicalInsuranceChanged.class),
  DISASTER_REPORTED(EventData.DisasterReported.class),
  ACCIDENT_REPORTED(EventData.AccidentReported.class),
  BUSINESS_FAILED(EventData.BusinessFailed.class),
  ENTITLEMENT_CHANGED(EventData.EntitlementChanged.class),
  LOAN_STATUS_CHANGED(EventData.LoanStatusChanged.class);

  private final Class<? extends EventData> dataType;

  EventType(Class<? extends EventData> dataType) {
    this.dataType = dataType;
  }

  /** The record type of this event type's {@code data}. */
  public Class<? extends EventData> dataType() {
    return dataType;
  }

  /** The event type whose data is the given record type. */
  public static EventType of(EventData data) {
    for (EventType type : values()) {
      if (type.dataType.isInstance(data)) {
        return type;
      }
    }
    throw new IllegalArgumentException("no event type carries " + data.getClass().getName());
  }
}
