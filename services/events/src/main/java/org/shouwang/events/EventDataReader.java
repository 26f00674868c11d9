package org.shouwang.events;

import java.math.BigDecimal;
import org.shouwang.events.EventData.AccidentReported;
import org.shouwang.events.EventData.AssistanceRecorded;
import org.shouwang.events.EventData.BusinessFailed;
import org.shouwang.events.EventData.CadreAssigned;
import org.shouwang.events.EventData.DisabilityCertified;
import org.shouwang.events.EventData.DisasterReported;
import org.shouwang.events.EventData.EliminationStep;
import org.shouwang.events.EventData.EmploymentChanged;
import org.shouwang.events.EventData.EntitlementChanged;
import org.shouwang.events.EventData.HouseholdRegistered;
import org.shouwang.events.EventData.HouseholdStatusChanged;
import org.shouwang.events.EventData.HousingAssessed;
import org.shouwang.events.EventData.IdentificationStep;
import org.shouwang.events.EventData.IncomeAssessed;
import org.shouwang.events.EventData.LoanStatusChanged;
import org.shouwang.events.EventData.MedicalExpense;
import org.shouwang.events.EventData.MedicalInsuranceChanged;
import org.shouwang.events.EventData.MembersChanged;
import org.shouwang.events.EventData.MonitoringStatusChanged;
import org.shouwang.events.EventData.SchoolEnrolmentChanged;
import org.shouwang.events.EventData.SchoolingCost;
import org.shouwang.events.EventData.SelfDeclared;
import org.shouwang.events.EventData.WaterAssessed;
import org.shouwang.events.RecordChecker.Sign;

/** The {@code data} shape of every event type (CONTRACT.md), checked field by field. */
final class EventDataReader {

  private static final int MAX_PEOPLE = 99;
  private static final int MAX_AGE = 130;
  private static final int MIN_YEAR = 2000;
  private static final int MAX_YEAR = 2100;
  private static final int MAX_DAYS_OVERDUE = 36_600;
  private static final int MAX_DESCRIPTION_LENGTH = 2_000;

  private EventDataReader() {}

  /** The data of the given type, or {@code null} after recording its violations in the checker. */
  static EventData read(EventType type, RecordChecker c) {
    EventData data =
        switch (type) {
          case HOUSEHOLD_REGISTERED -> registered(c);
          case HOUSEHOLD_STATUS_CHANGED -> {
            HouseholdStatus status = c.code("status", HouseholdStatus.class, true);
            yield c.clean() ? new HouseholdStatusChanged(status) : null;
          }
          case MEMBERS_CHANGED -> {
            Integer members = c.integer("members", true, 0, MAX_PEOPLE);
            Integer labourers = c.integer("labourers", true, 0, MAX_PEOPLE);
            MemberChangeReason reason = c.code("reason", MemberChangeReason.class, true);
            labourersWithinMembers(c, members, labourers);
            yield c.clean() ? new MembersChanged(members, labourers, reason) : null;
          }
          case CADRE_ASSIGNED -> {
            String cadreId = c.id("cadreId");
            yield c.clean() ? new CadreAssigned(cadreId) : null;
          }
          case MONITORING_STATUS_CHANGED -> monitoring(c);
          case ASSISTANCE_RECORDED -> {
            AssistanceMeasure measure = c.code("measure", AssistanceMeasure.class, true);
            BigDecimal amount = c.money("amount", false, Sign.NON_NEGATIVE);
            yield c.clean() ? new AssistanceRecorded(measure, amount) : null;
          }
          case INCOME_ASSESSED -> {
            Integer year = c.integer("year", true, MIN_YEAR, MAX_YEAR);
            // net income may be negative when business costs exceed what came in
            BigDecimal income = c.money("netIncomePerCapita", true, Sign.ANY);
            yield c.clean() ? new IncomeAssessed(year, income) : null;
          }
          case MEDICAL_EXPENSE -> {
            String memberId = c.id("memberId");
            BigDecimal outOfPocket = c.money("outOfPocket", true, Sign.NON_NEGATIVE);
            Boolean inpatient = c.bool("inpatient", true);
            yield c.clean() ? new MedicalExpense(memberId, outOfPocket, inpatient) : null;
          }
          case SCHOOLING_COST -> {
            String memberId = c.id("memberId");
            BigDecimal selfPaid = c.money("selfPaid", true, Sign.NON_NEGATIVE);
            yield c.clean() ? new SchoolingCost(memberId, selfPaid) : null;
          }
          case SCHOOL_ENROLMENT_CHANGED -> {
            String memberId = c.id("memberId");
            Integer age = c.integer("age", true, 0, MAX_AGE);
            Boolean enrolled = c.bool("enrolled", true);
            SchoolLeavingReason reason = c.code("reason", SchoolLeavingReason.class, false);
            if (Boolean.TRUE.equals(enrolled) && reason != null) {
              c.violation(
                  "reason", ViolationCode.INCONSISTENT, "only applies when enrolled is false");
            }
            yield c.clean() ? new SchoolEnrolmentChanged(memberId, age, enrolled, reason) : null;
          }
          case DISABILITY_CERTIFIED -> {
            String memberId = c.id("memberId");
            Integer grade = c.integer("grade", true, 1, 4);
            yield c.clean() ? new DisabilityCertified(memberId, grade) : null;
          }
          case EMPLOYMENT_CHANGED -> {
            String memberId = c.id("memberId");
            Boolean employed = c.bool("employed", true);
            EmploymentKind kind = c.code("kind", EmploymentKind.class, true);
            BigDecimal income = c.money("monthlyIncome", false, Sign.NON_NEGATIVE);
            yield c.clean() ? new EmploymentChanged(memberId, employed, kind, income) : null;
          }
          case HOUSING_ASSESSED -> {
            HousingGrade grade = c.code("grade", HousingGrade.class, true);
            yield c.clean() ? new HousingAssessed(grade) : null;
          }
          case WATER_ASSESSED -> {
            Boolean safe = c.bool("safe", true);
            Integer days = c.integer("interruptionDays", false, 0, 366);
            yield c.clean() ? new WaterAssessed(safe, days) : null;
          }
          case MEDICAL_INSURANCE_CHANGED -> {
            String memberId = c.id("memberId");
            Boolean insured = c.bool("insured", true);
            yield c.clean() ? new MedicalInsuranceChanged(memberId, insured) : null;
          }
          case DISASTER_REPORTED -> {
            DisasterKind kind = c.code("kind", DisasterKind.class, true);
            BigDecimal loss = c.money("loss", true, Sign.NON_NEGATIVE);
            yield c.clean() ? new DisasterReported(kind, loss) : null;
          }
          case ACCIDENT_REPORTED -> {
            String memberId = c.id("memberId");
            BigDecimal loss = c.money("loss", true, Sign.NON_NEGATIVE);
            Boolean labourLost = c.bool("labourLost", true);
            yield c.clean() ? new AccidentReported(memberId, loss, labourLost) : null;
          }
          case BUSINESS_FAILED -> {
            BigDecimal loss = c.money("loss", true, Sign.NON_NEGATIVE);
            yield c.clean() ? new BusinessFailed(loss) : null;
          }
          case ENTITLEMENT_CHANGED -> entitlement(c);
          case SELF_DECLARED -> {
            RiskType riskType = c.code("riskType", RiskType.class, false);
            String description = c.text("description", false, MAX_DESCRIPTION_LENGTH);
            yield c.clean() ? new SelfDeclared(riskType, description) : null;
          }
          case IDENTIFICATION_STEP -> identification(c);
          case ELIMINATION_STEP -> elimination(c);
          case LOAN_STATUS_CHANGED -> {
            String loanId = c.id("loanId");
            BigDecimal principal = c.money("principal", true, Sign.POSITIVE);
            LoanStatus status = c.code("status", LoanStatus.class, true);
            Integer days = c.integer("daysOverdue", true, 0, MAX_DAYS_OVERDUE);
            if (status == LoanStatus.OVERDUE && days != null && days == 0) {
              c.violation(
                  "daysOverdue",
                  ViolationCode.INCONSISTENT,
                  "must be > 0 when the status is OVERDUE");
            }
            yield c.clean() ? new LoanStatusChanged(loanId, principal, status, days) : null;
          }
        };
    return data;
  }

  private static EventData registered(RecordChecker c) {
    String townshipCode = c.id("townshipCode");
    String townshipName = c.text("townshipName", true, RecordChecker.MAX_TEXT_LENGTH);
    String villageCode = c.id("villageCode");
    String villageName = c.text("villageName", true, RecordChecker.MAX_TEXT_LENGTH);
    Integer members = c.integer("members", true, 1, MAX_PEOPLE);
    Integer labourers = c.integer("labourers", true, 0, MAX_PEOPLE);
    Boolean formerlyPoor = c.bool("formerlyPoor", true);
    String cadreId = c.id("cadreId");
    MonitoringCategory category = c.code("monitoringCategory", MonitoringCategory.class, false);
    labourersWithinMembers(c, members, labourers);
    return c.clean()
        ? new HouseholdRegistered(
            townshipCode,
            townshipName,
            villageCode,
            villageName,
            members,
            labourers,
            formerlyPoor,
            cadreId,
            category)
        : null;
  }

  private static EventData monitoring(RecordChecker c) {
    MonitoringStatus status = c.code("status", MonitoringStatus.class, true);
    MonitoringCategory category = c.code("category", MonitoringCategory.class, true);
    EliminationType elimination = c.code("eliminationType", EliminationType.class, false);
    if (status == MonitoringStatus.MONITORED && elimination != null) {
      c.violation(
          "eliminationType",
          ViolationCode.INCONSISTENT,
          "only applies when the status is RISK_ELIMINATED");
    }
    return c.clean() ? new MonitoringStatusChanged(status, category, elimination) : null;
  }

  private static EventData identification(RecordChecker c) {
    ProcedureStep step = c.code("step", ProcedureStep.class, true);
    boolean decision = step == ProcedureStep.COUNTY_DECISION;
    Boolean admitted = c.bool("admitted", decision);
    MonitoringCategory category =
        c.code("category", MonitoringCategory.class, decision && Boolean.TRUE.equals(admitted));
    String reason =
        c.text("reason", decision && Boolean.FALSE.equals(admitted), RecordChecker.MAX_TEXT_LENGTH);
    if (step != null && !decision) {
      onlyAtCountyDecision(c, "admitted", admitted);
      onlyAtCountyDecision(c, "category", category);
    }
    if (Boolean.FALSE.equals(admitted) && category != null) {
      c.violation("category", ViolationCode.INCONSISTENT, "only applies when admitted is true");
    }
    return c.clean() ? new IdentificationStep(step, admitted, category, reason) : null;
  }

  private static EventData elimination(RecordChecker c) {
    ProcedureStep step = c.code("step", ProcedureStep.class, true);
    if (step == ProcedureStep.HOME_VISIT) {
      c.violation(
          "step",
          ViolationCode.INCONSISTENT,
          "HOME_VISIT is a step of identification, not of risk elimination");
    }
    boolean decision = step == ProcedureStep.COUNTY_DECISION;
    String decisionField =
        c.present("approved") != null || c.present("admitted") == null ? "approved" : "admitted";
    Boolean approved = c.bool(decisionField, decision);
    EliminationType type = c.code("eliminationType", EliminationType.class, false);
    String reason =
        c.text("reason", decision && Boolean.FALSE.equals(approved), RecordChecker.MAX_TEXT_LENGTH);
    if (step != null && !decision) {
      onlyAtCountyDecision(c, decisionField, approved);
      onlyAtCountyDecision(c, "eliminationType", type);
    }
    if (Boolean.FALSE.equals(approved) && type != null) {
      c.violation(
          "eliminationType", ViolationCode.INCONSISTENT, "only applies when approved is true");
    }
    if (decision && Boolean.TRUE.equals(approved) && type == null) {
      type = EliminationType.ASSISTED;
    }
    return c.clean() ? new EliminationStep(step, approved, type, reason) : null;
  }

  private static void onlyAtCountyDecision(RecordChecker c, String field, Object value) {
    if (value != null) {
      c.violation(field, ViolationCode.INCONSISTENT, "only applies at the step COUNTY_DECISION");
    }
  }

  private static EventData entitlement(RecordChecker c) {
    Programme programme = c.code("programme", Programme.class, true);
    Boolean granted = c.bool("granted", true);
    BigDecimal monthlyAmount =
        c.money("monthlyAmount", Boolean.TRUE.equals(granted), Sign.POSITIVE);
    return c.clean() ? new EntitlementChanged(programme, granted, monthlyAmount) : null;
  }

  private static void labourersWithinMembers(RecordChecker c, Integer members, Integer labourers) {
    if (members != null && labourers != null && labourers > members) {
      c.violation(
          "labourers",
          ViolationCode.INCONSISTENT,
          "is " + labourers + ", more than the household's " + members + " members");
    }
  }
}
