package org.shouwang.events;

import java.util.LinkedHashMap;
import java.util.Map;

/** A valid {@code data} object of every event type, as a department system would send it. */
final class Samples {

  static final String HOUSEHOLD = "430421-105-00123";
  static final String NOW = "2026-03-02T09:30:00+08:00";

  static final Map<EventType, String> DATA = new LinkedHashMap<>();

  static {
    DATA.put(
        EventType.HOUSEHOLD_REGISTERED,
        """
        {"townshipCode":"430421105","townshipName":"西渡镇","villageCode":"430421105201",
         "villageName":"梅花村","members":4,"labourers":2,"formerlyPoor":true,"cadreId":"c-0042",
         "monitoringCategory":"UNSTABLE_LIFTED"}""");
    DATA.put(EventType.HOUSEHOLD_STATUS_CHANGED, "{\"status\":\"DECEASED\"}");
    DATA.put(EventType.MEMBERS_CHANGED, "{\"members\":3,\"labourers\":1,\"reason\":\"MIGRATION\"}");
    DATA.put(EventType.CADRE_ASSIGNED, "{\"cadreId\":\"c-0043\"}");
    DATA.put(
        EventType.MONITORING_STATUS_CHANGED,
        "{\"status\":\"RISK_ELIMINATED\",\"category\":\"MARGINAL\",\"eliminationType\":\"ASSISTED\"}");
    DATA.put(EventType.ASSISTANCE_RECORDED, "{\"measure\":\"INDUSTRY\",\"amount\":2000.50}");
    DATA.put(EventType.INCOME_ASSESSED, "{\"year\":2026,\"netIncomePerCapita\":7450.00}");
    DATA.put(
        EventType.MEDICAL_EXPENSE,
        "{\"memberId\":\"m2\",\"outOfPocket\":8500.00,\"inpatient\":true}");
    DATA.put(EventType.SCHOOLING_COST, "{\"memberId\":\"m3\",\"selfPaid\":12000}");
    DATA.put(
        EventType.SCHOOL_ENROLMENT_CHANGED, "{\"memberId\":\"m4\",\"age\":14,\"enrolled\":false}");
    DATA.put(EventType.DISABILITY_CERTIFIED, "{\"memberId\":\"m1\",\"grade\":2}");
    DATA.put(
        EventType.EMPLOYMENT_CHANGED,
        "{\"memberId\":\"m1\",\"employed\":true,\"kind\":\"MIGRANT\",\"monthlyIncome\":4200}");
    DATA.put(EventType.HOUSING_ASSESSED, "{\"grade\":\"C\"}");
    DATA.put(EventType.WATER_ASSESSED, "{\"safe\":true,\"interruptionDays\":40}");
    DATA.put(EventType.MEDICAL_INSURANCE_CHANGED, "{\"memberId\":\"m2\",\"insured\":false}");
    DATA.put(EventType.DISASTER_REPORTED, "{\"kind\":\"FLOOD\",\"loss\":30000}");
    DATA.put(
        EventType.ACCIDENT_REPORTED, "{\"memberId\":\"m1\",\"loss\":15000,\"labourLost\":true}");
    DATA.put(EventType.BUSINESS_FAILED, "{\"loss\":22000.00}");
    DATA.put(
        EventType.ENTITLEMENT_CHANGED,
        "{\"programme\":\"MINIMUM_LIVING_ALLOWANCE\",\"granted\":true,\"monthlyAmount\":720.00}");
    DATA.put(
        EventType.LOAN_STATUS_CHANGED,
        "{\"loanId\":\"L-2024-0091\",\"principal\":50000,\"status\":\"OVERDUE\",\"daysOverdue\":45}");
    DATA.put(
        EventType.SELF_DECLARED, "{\"riskType\":\"ILLNESS\",\"description\":\"家中老人住院，费用难以承担\"}");
    DATA.put(
        EventType.IDENTIFICATION_STEP,
        "{\"step\":\"COUNTY_DECISION\",\"admitted\":true,\"category\":\"MARGINAL\"}");
    DATA.put(
        EventType.ELIMINATION_STEP,
        "{\"step\":\"COUNTY_DECISION\",\"approved\":true,\"eliminationType\":\"ASSISTED\"}");
  }

  private Samples() {}

  /** A complete, valid event of the given type from a department. */
  static String event(EventType type) {
    return event(type, DATA.get(type));
  }

  static String event(EventType type, String data) {
    return """
        {"eventId":"5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01","householdId":"%s","type":"%s",
         "occurredAt":"%s","source":"DEPARTMENT","department":"MEDICAL_INSURANCE","data":%s}"""
        .formatted(HOUSEHOLD, type, NOW, data);
  }

  static String payment() {
    return """
        {"paymentId":"c2d7-0001","householdId":"%s","programme":"MINIMUM_LIVING_ALLOWANCE",
         "period":"2026-03","amount":720.00,"paidAt":"2026-03-02T09:00:00+08:00",
         "payer":"衡阳县民政局"}"""
        .formatted(HOUSEHOLD);
  }
}
