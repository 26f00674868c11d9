package org.shouwang.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The {@code data} of a household event: one record per {@link EventType}. Optional fields are
 * {@code null} when absent and are not written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventData {

  /** A household enters the registry: where it lives, its size and its paired cadre. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HouseholdRegistered(
      String townshipCode,
      String townshipName,
      String villageCode,
      String villageName,
      int members,
      int labourers,
      boolean formerlyPoor,
      String cadreId,
      MonitoringCategory monitoringCategory)
      implements EventData {}

  /** The household's registry status changed. */
  record HouseholdStatusChanged(HouseholdStatus status) implements EventData {}

  /** The number of members or labourers changed. */
  record MembersChanged(int members, int labourers, MemberChangeReason reason)
      implements EventData {}

  /** Another cadre is paired with the household. */
  record CadreAssigned(String cadreId) implements EventData {}

  /** The household became monitored or its risk was eliminated. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MonitoringStatusChanged(
      MonitoringStatus status, MonitoringCategory category, EliminationType eliminationType)
      implements EventData {}

  /** An assistance measure was delivered. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AssistanceRecorded(AssistanceMeasure measure, BigDecimal amount) implements EventData {}

  /** Per-capita net income over the last 12 months, assessed for a year. */
  record IncomeAssessed(int year, BigDecimal netIncomePerCapita) implements EventData {}

  /** Compliant out-of-pocket medical cost of a member, after reimbursement. */
  record MedicalExpense(String memberId, BigDecimal outOfPocket, boolean inpatient)
      implements EventData {}

  /** Self-paid schooling cost of a member for this school year. */
  record SchoolingCost(String memberId, BigDecimal selfPaid) implements EventData {}

  /**
   * A member's school enrolment changed; {@code reason} (optional) says why a member left school,
   * e.g. {@link SchoolLeavingReason#EDUCATION_COMPLETED} for a 16-year-old who finished junior
   * middle school.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SchoolEnrolmentChanged(
      String memberId, int age, boolean enrolled, SchoolLeavingReason reason) implements EventData {

    /** An enrolment change without a reason. */
    public SchoolEnrolmentChanged(String memberId, int age, boolean enrolled) {
      this(memberId, age, enrolled, null);
    }
  }

  /** A member was certified disabled, grade 1 (most severe) to 4. */
  record DisabilityCertified(String memberId, int grade) implements EventData {}

  /** A member found or lost a job. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EmploymentChanged(
      String memberId, boolean employed, EmploymentKind kind, BigDecimal monthlyIncome)
      implements EventData {}

  /** The house was appraised. */
  record HousingAssessed(HousingGrade grade) implements EventData {}

  /** Drinking water was assessed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record WaterAssessed(boolean safe, Integer interruptionDays) implements EventData {}

  /** A member joined or left basic medical insurance. */
  record MedicalInsuranceChanged(String memberId, boolean insured) implements EventData {}

  /** A natural disaster hit the household. */
  record DisasterReported(DisasterKind kind, BigDecimal loss) implements EventData {}

  /** A member had an accident. */
  record AccidentReported(String memberId, BigDecimal loss, boolean labourLost)
      implements EventData {}

  /** A business or farming project failed. */
  record BusinessFailed(BigDecimal loss) implements EventData {}

  /** An entitlement was granted (with its monthly amount) or ended. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EntitlementChanged(Programme programme, boolean granted, BigDecimal monthlyAmount)
      implements EventData {}

  /** A microcredit loan's status changed. */
  record LoanStatusChanged(String loanId, BigDecimal principal, LoanStatus status, int daysOverdue)
      implements EventData {}

  /**
   * The household applied to be monitored (农户自主申报: hotline 12317, app, at the village); every field
   * is optional.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SelfDeclared(RiskType riskType, String description) implements EventData {}

  /**
   * A step of identification (识别纳入). At {@link ProcedureStep#COUNTY_DECISION} {@code admitted} is
   * required, with the {@code category} when admitted and the {@code reason} when not.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record IdentificationStep(
      ProcedureStep step, Boolean admitted, MonitoringCategory category, String reason)
      implements EventData {}

  /**
   * A step of risk elimination (风险消除): village review, publicity, township review, county decision
   * (no home visit). At {@link ProcedureStep#COUNTY_DECISION} {@code approved} is required ({@code
   * admitted} is read as its synonym), with the {@code eliminationType} when approved (default
   * {@code ASSISTED} when left out) and the {@code reason} when not.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EliminationStep(
      ProcedureStep step, Boolean approved, EliminationType eliminationType, String reason)
      implements EventData {}
}
