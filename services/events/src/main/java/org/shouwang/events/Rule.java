package org.shouwang.events;

/**
 * The rule codes of the contract: each alert names one. The audience is fixed by the contract; the
 * risk type is the default the engine reports (a rule may refine it, e.g. a labour loss caused by
 * an accident).
 *
 * <p>Its ordinals are stored in the risk engine's household state: add new constants at the end.
 */
public enum Rule {
  LOW_INCOME(Audience.CADRE, RiskType.OTHER, "收入低于监测线"),
  INCOME_DROP(Audience.CADRE, RiskType.EMPLOYMENT, "收入大幅下降"),
  MEDICAL_BURDEN(Audience.CADRE, RiskType.ILLNESS, "医疗支出负担重"),
  SCHOOLING_BURDEN(Audience.CADRE, RiskType.EDUCATION, "教育支出负担重"),
  SCHOOL_DROPOUT(Audience.CADRE, RiskType.EDUCATION, "义务教育阶段辍学"),
  UNSAFE_HOUSING(Audience.CADRE, RiskType.OTHER, "住房安全无保障"),
  UNSAFE_WATER(Audience.CADRE, RiskType.OTHER, "饮水安全无保障"),
  UNINSURED(Audience.CADRE, RiskType.ILLNESS, "未参加基本医疗保险"),
  DISASTER_LOSS(Audience.CADRE, RiskType.DISASTER, "遭受自然灾害损失"),
  LABOUR_LOSS(Audience.CADRE, RiskType.LABOUR_SHORTAGE, "家庭失去劳动力或无人就业"),
  BUSINESS_FAILURE(Audience.CADRE, RiskType.BUSINESS_FAILURE, "产业项目失败"),
  LOAN_OVERDUE(Audience.CADRE, RiskType.BUSINESS_FAILURE, "小额信贷逾期"),
  PAYMENT_MISSED(Audience.CADRE, RiskType.OTHER, "应发补贴未到账"),
  PAYMENT_SHORTFALL(Audience.AUDITOR, RiskType.OTHER, "补贴发放金额低于标准"),
  DUPLICATE_PAYMENT(Audience.AUDITOR, RiskType.OTHER, "同一期补贴重复发放"),
  CONFLICTING_BENEFITS(Audience.AUDITOR, RiskType.OTHER, "低保与特困供养同期重复享受"),
  PAYMENT_TO_INACTIVE(Audience.AUDITOR, RiskType.OTHER, "向已死亡、迁出或注销户发放补贴"),
  PAYMENT_UNREGISTERED(Audience.AUDITOR, RiskType.OTHER, "向未登记户发放补贴"),
  NO_MEASURE(Audience.CADRE, RiskType.OTHER, "监测户未落实帮扶措施"),
  PREMATURE_ELIMINATION(Audience.AUDITOR, RiskType.OTHER, "风险消除不符合条件"),
  IDENTIFICATION_OVERDUE(Audience.CADRE, RiskType.OTHER, "识别纳入超过15天未完成"),
  PUBLICITY_TOO_SHORT(Audience.AUDITOR, RiskType.OTHER, "公示不足5天或未公示"),
  SELF_DECLARATION_UNANSWERED(Audience.CADRE, RiskType.OTHER, "农户申报7天内未入户核实"),
  RELAPSE_AFTER_ELIMINATION(Audience.CADRE, RiskType.OTHER, "风险消除后12个月内再次出现风险");

  private final Audience audience;
  private final RiskType defaultRiskType;
  private final String title;

  Rule(Audience audience, RiskType defaultRiskType, String title) {
    this.audience = audience;
    this.defaultRiskType = defaultRiskType;
    this.title = title;
  }

  /** Who the rule's alerts are for; fixed by the contract. */
  public Audience audience() {
    return audience;
  }

  public RiskType defaultRiskType() {
    return defaultRiskType;
  }

  /**
   * Whether an alert of this rule is a risk signal about the household itself (income, health,
   * schooling, housing, water, insurance, shocks, loans): on a household that is not monitored it
   * starts the 15-day identification clock, and within 12 months after risk elimination it is a
   * relapse. Payment findings and the rules about the work itself (measures, procedure, deadlines)
   * are not.
   */
  public boolean riskSignal() {
    return switch (this) {
      case LOW_INCOME,
          INCOME_DROP,
          MEDICAL_BURDEN,
          SCHOOLING_BURDEN,
          SCHOOL_DROPOUT,
          UNSAFE_HOUSING,
          UNSAFE_WATER,
          UNINSURED,
          DISASTER_LOSS,
          LABOUR_LOSS,
          BUSINESS_FAILURE,
          LOAN_OVERDUE ->
          true;
      default -> false;
    };
  }

  /** A short Chinese title for boards and notifications. */
  public String title() {
    return title;
  }
}
