package org.shouwang.riskengine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;

/**
 * The household state stores these enums by ordinal: a constant inserted or reordered would make
 * every stored state read as something else. New constants go at the end (and here).
 */
class StoredEnumOrdinalsTests {

  @Test
  void riskTypes() {
    assertThat(names(RiskType.values()))
        .containsExactly(
            "ILLNESS",
            "DISABILITY",
            "EDUCATION",
            "DISASTER",
            "ACCIDENT",
            "BUSINESS_FAILURE",
            "EMPLOYMENT",
            "LABOUR_SHORTAGE",
            "OTHER");
  }

  @Test
  void rules() {
    assertThat(names(Rule.values()))
        .containsExactly(
            "LOW_INCOME",
            "INCOME_DROP",
            "MEDICAL_BURDEN",
            "SCHOOLING_BURDEN",
            "SCHOOL_DROPOUT",
            "UNSAFE_HOUSING",
            "UNSAFE_WATER",
            "UNINSURED",
            "DISASTER_LOSS",
            "LABOUR_LOSS",
            "BUSINESS_FAILURE",
            "LOAN_OVERDUE",
            "PAYMENT_MISSED",
            "PAYMENT_SHORTFALL",
            "DUPLICATE_PAYMENT",
            "CONFLICTING_BENEFITS",
            "PAYMENT_TO_INACTIVE",
            "PAYMENT_UNREGISTERED",
            "NO_MEASURE",
            "PREMATURE_ELIMINATION",
            "IDENTIFICATION_OVERDUE",
            "PUBLICITY_TOO_SHORT",
            "SELF_DECLARATION_UNANSWERED",
            "RELAPSE_AFTER_ELIMINATION");
  }

  @Test
  void programmes() {
    assertThat(names(Programme.values()))
        .containsExactly(
            "MINIMUM_LIVING_ALLOWANCE",
            "EXTREME_POVERTY_SUPPORT",
            "TEMPORARY_ASSISTANCE",
            "MEDICAL_ASSISTANCE",
            "EDUCATION_AID",
            "RAINDEW_VOCATIONAL",
            "DISABILITY_LIVING_SUBSIDY",
            "DISABILITY_CARE_SUBSIDY",
            "PUBLIC_WELFARE_JOB",
            "INDUSTRY_AWARD",
            "EMPLOYMENT_AWARD");
  }

  @Test
  void householdStatuses() {
    assertThat(names(HouseholdStatus.values()))
        .containsExactly("ACTIVE", "DECEASED", "MOVED_AWAY", "CANCELLED");
  }

  @Test
  void monitoringCategoriesAndStatuses() {
    assertThat(names(MonitoringCategory.values()))
        .containsExactly("UNSTABLE_LIFTED", "MARGINAL", "SUDDEN_HARDSHIP");
    assertThat(names(MonitoringStatus.values())).containsExactly("MONITORED", "RISK_ELIMINATED");
  }

  private static List<String> names(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Enum::name).toList();
  }
}
