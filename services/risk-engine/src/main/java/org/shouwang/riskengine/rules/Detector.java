package org.shouwang.riskengine.rules;

import java.time.ZoneId;
import java.util.List;
import org.shouwang.events.Alert;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.riskengine.RiskEngineProperties;

/**
 * Every rule of CONTRACT.md: applies an event or payment to a household's state, opens and clears
 * conditions, and raises an alert when a condition opens (or escalates). Each rule family is a
 * class of its own; this one hands each event to its family. Pure: no I/O and no clock of its own,
 * so the same history always yields the same alerts with the same ids. Shared by every stream
 * thread: the families keep no per-record state.
 */
public final class Detector {

  /** Version of every rule's logic, carried on each alert. */
  public static final int RULE_VERSION = 1;

  private final RuleCalendar calendar;
  private final RegistryRules registry;
  private final LabourRules labour;
  private final HealthRules health;
  private final IncomeRules income;
  private final MonitoringRules monitoring;
  private final SchoolingRules schooling;
  private final LivingConditionRules livingConditions;
  private final IncidentRules incidents;
  private final PaymentRules payments;
  private final AbsenceRules absence;
  private final IdentificationRules identification;

  public Detector(RiskEngineProperties.Rules rules, ZoneId zone) {
    calendar = new RuleCalendar(zone);
    registry = new RegistryRules();
    labour = new LabourRules(rules);
    health = new HealthRules(rules);
    schooling = new SchoolingRules(rules);
    income = new IncomeRules(rules, health, schooling);
    monitoring = new MonitoringRules(rules, income, calendar);
    identification = new IdentificationRules(rules, monitoring, calendar);
    livingConditions = new LivingConditionRules(rules);
    incidents = new IncidentRules(rules, labour);
    payments = new PaymentRules(rules);
    absence = new AbsenceRules(rules, calendar, identification);
  }

  /** Applies a household event and evaluates the rules it touches. */
  public void onEvent(
      String householdId, HouseholdState state, HouseholdEvent event, List<Alert> out) {
    RuleContext context =
        new RuleContext(
            householdId, state, event.eventId(), event.occurredAt(), calendar, out, identification);
    incidents.expire(state, context.day);
    switch (event.type()) {
      case HOUSEHOLD_REGISTERED ->
          registry.registered(context, event.dataAs(EventData.HouseholdRegistered.class));
      case HOUSEHOLD_STATUS_CHANGED ->
          registry.statusChanged(context, event.dataAs(EventData.HouseholdStatusChanged.class));
      case MEMBERS_CHANGED ->
          labour.membersChanged(context, event.dataAs(EventData.MembersChanged.class));
      case CADRE_ASSIGNED ->
          registry.cadreAssigned(context, event.dataAs(EventData.CadreAssigned.class));
      case MONITORING_STATUS_CHANGED ->
          monitoring.statusChanged(context, event.dataAs(EventData.MonitoringStatusChanged.class));
      case ASSISTANCE_RECORDED ->
          monitoring.assistanceRecorded(context, event.dataAs(EventData.AssistanceRecorded.class));
      case INCOME_ASSESSED ->
          income.assessed(context, event.dataAs(EventData.IncomeAssessed.class));
      case MEDICAL_EXPENSE ->
          health.medicalExpense(context, event.dataAs(EventData.MedicalExpense.class));
      case SCHOOLING_COST ->
          schooling.schoolingCost(context, event.dataAs(EventData.SchoolingCost.class));
      case SCHOOL_ENROLMENT_CHANGED ->
          schooling.enrolment(context, event.dataAs(EventData.SchoolEnrolmentChanged.class));
      case DISABILITY_CERTIFIED ->
          labour.disability(context, event.dataAs(EventData.DisabilityCertified.class));
      case EMPLOYMENT_CHANGED ->
          labour.employment(context, event.dataAs(EventData.EmploymentChanged.class));
      case HOUSING_ASSESSED ->
          livingConditions.housing(context, event.dataAs(EventData.HousingAssessed.class));
      case WATER_ASSESSED ->
          livingConditions.water(context, event.dataAs(EventData.WaterAssessed.class));
      case MEDICAL_INSURANCE_CHANGED ->
          livingConditions.insurance(
              context, event.dataAs(EventData.MedicalInsuranceChanged.class));
      case DISASTER_REPORTED ->
          incidents.disaster(context, event.dataAs(EventData.DisasterReported.class));
      case ACCIDENT_REPORTED ->
          incidents.accident(context, event.dataAs(EventData.AccidentReported.class));
      case BUSINESS_FAILED ->
          incidents.business(context, event.dataAs(EventData.BusinessFailed.class));
      case ENTITLEMENT_CHANGED ->
          payments.entitlementChanged(context, event.dataAs(EventData.EntitlementChanged.class));
      case LOAN_STATUS_CHANGED ->
          incidents.loan(context, event.dataAs(EventData.LoanStatusChanged.class));
      case SELF_DECLARED -> identification.selfDeclared(context);
      case IDENTIFICATION_STEP ->
          identification.identificationStep(
              context, event.dataAs(EventData.IdentificationStep.class));
      case ELIMINATION_STEP ->
          identification.eliminationStep(context, event.dataAs(EventData.EliminationStep.class));
    }
  }

  /** Applies a payment and evaluates the payment rules. */
  public void onPayment(
      String householdId, HouseholdState state, SubsidyPayment payment, List<Alert> out) {
    RuleContext context =
        new RuleContext(
            householdId,
            state,
            payment.paymentId(),
            payment.paidAt(),
            calendar,
            out,
            identification);
    incidents.expire(state, context.day);
    payments.paid(context, payment);
  }

  /**
   * Evaluates the absence rules at the engine's time {@code now}: a monthly entitlement whose month
   * is still unpaid once its grace days have passed, a monitored household with no fitting measure
   * after the deadline, a payment to a household still unregistered after its grace, a job loss
   * nobody recovered from, a self-declaration with no home visit, an identification with no county
   * decision. Each alert's time is the deadline itself, so replay and live processing agree.
   */
  public void onClock(String householdId, HouseholdState state, long now, List<Alert> out) {
    absence.onClock(householdId, state, now, out);
  }

  /** When the absence rules next need a look at this household; 0 when never. */
  public long nextDeadline(HouseholdState state) {
    return absence.nextDeadline(state);
  }
}
