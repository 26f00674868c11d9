package org.shouwang.events;

/** Household event types and the record that carries each type's {@code data}. */
public enum EventType {
  HOUSEHOLD_REGISTERED(EventData.HouseholdRegistered.class, "农户登记"),
  HOUSEHOLD_STATUS_CHANGED(EventData.HouseholdStatusChanged.class, "户状态变更"),
  MEMBERS_CHANGED(EventData.MembersChanged.class, "家庭成员变更"),
  CADRE_ASSIGNED(EventData.CadreAssigned.class, "结对干部变更"),
  MONITORING_STATUS_CHANGED(EventData.MonitoringStatusChanged.class, "监测状态变更"),
  ASSISTANCE_RECORDED(EventData.AssistanceRecorded.class, "帮扶措施落实"),
  INCOME_ASSESSED(EventData.IncomeAssessed.class, "收入核定"),
  MEDICAL_EXPENSE(EventData.MedicalExpense.class, "医疗支出"),
  SCHOOLING_COST(EventData.SchoolingCost.class, "教育支出"),
  SCHOOL_ENROLMENT_CHANGED(EventData.SchoolEnrolmentChanged.class, "就学状态变更"),
  DISABILITY_CERTIFIED(EventData.DisabilityCertified.class, "残疾认定"),
  EMPLOYMENT_CHANGED(EventData.EmploymentChanged.class, "就业变化"),
  HOUSING_ASSESSED(EventData.HousingAssessed.class, "住房鉴定"),
  WATER_ASSESSED(EventData.WaterAssessed.class, "饮水评估"),
  MEDICAL_INSURANCE_CHANGED(EventData.MedicalInsuranceChanged.class, "医保参保变化"),
  DISASTER_REPORTED(EventData.DisasterReported.class, "灾情报告"),
  ACCIDENT_REPORTED(EventData.AccidentReported.class, "意外事故报告"),
  BUSINESS_FAILED(EventData.BusinessFailed.class, "产业项目失败"),
  ENTITLEMENT_CHANGED(EventData.EntitlementChanged.class, "待遇变更"),
  LOAN_STATUS_CHANGED(EventData.LoanStatusChanged.class, "贷款状态变更"),
  SELF_DECLARED(EventData.SelfDeclared.class, "农户自主申报"),
  IDENTIFICATION_STEP(EventData.IdentificationStep.class, "识别纳入程序"),
  ELIMINATION_STEP(EventData.EliminationStep.class, "风险消除程序");

  private final Class<? extends EventData> dataType;
  private final String chineseName;

  EventType(Class<? extends EventData> dataType, String chineseName) {
    this.dataType = dataType;
    this.chineseName = chineseName;
  }

  /** The name people read (pages, the audit log's timeline). */
  public String chineseName() {
    return chineseName;
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
