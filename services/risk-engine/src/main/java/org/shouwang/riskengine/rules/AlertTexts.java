package org.shouwang.riskengine.rules;

import static org.shouwang.riskengine.rules.Money.percent;
import static org.shouwang.riskengine.rules.Money.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.shouwang.events.DisasterKind;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.Programme;

/**
 * Every text of an alert, as cadres, supervisors and auditors read it. Alert texts are part of what
 * a replay must reproduce: change one only on purpose.
 */
final class AlertTexts {

  private AlertTexts() {}

  // ---------------------------------------------------------------- income and monitoring

  static String lowIncome(int year, long incomeCents, long lineCents) {
    return year + " 年家庭人均纯收入 " + yuan(incomeCents) + " 元，低于当年监测线 " + yuan(lineCents) + " 元";
  }

  static String incomeDrop(
      long previousCents, long currentCents, long percentDown, BigDecimal dropRatio) {
    return "家庭人均纯收入由 "
        + yuan(previousCents)
        + " 元降至 "
        + yuan(currentCents)
        + " 元，下降 "
        + percentDown
        + "%，达到预警幅度 "
        + percent(dropRatio)
        + "%";
  }

  static String monitoredTooShortly(long days, int minMonitoredMonths) {
    return "纳入监测仅 " + days + " 天即标注风险消除，不足 " + minMonitoredMonths + " 个月";
  }

  static String stillBelowLine(int year, long incomeCents, long lineCents) {
    return year + " 年家庭人均纯收入 " + yuan(incomeCents) + " 元仍低于监测线 " + yuan(lineCents) + " 元";
  }

  static String prematureElimination(List<String> reasons) {
    return "风险消除不符合条件：" + String.join("；", reasons);
  }

  static String noMeasure(long deadlineDays, LocalDate monitoredSince, int labourers) {
    return "纳入监测已满 "
        + deadlineDays
        + " 天（自 "
        + monitoredSince
        + " 起），家庭有劳动力 "
        + labourers
        + " 人，尚未落实任何帮扶措施";
  }

  // ---------------------------------------------------------------- health and schooling

  static String medicalOverThreshold(long totalCents, long thresholdCents) {
    return "近12个月合规自付医疗费用 " + yuan(totalCents) + " 元，超过预警线 " + yuan(thresholdCents) + " 元";
  }

  static String medicalOverIncomeShare(
      long totalCents, long householdIncomeCents, BigDecimal incomeShare) {
    return "近12个月合规自付医疗费用 "
        + yuan(totalCents)
        + " 元，占家庭年纯收入 "
        + yuan(householdIncomeCents)
        + " 元的 "
        + Math.round(totalCents * 100.0 / householdIncomeCents)
        + "%，超过 "
        + percent(incomeShare)
        + "%";
  }

  static String schoolingBurden(int schoolYear, long paidCents, long thresholdCents) {
    return schoolYear
        + "–"
        + (schoolYear + 1)
        + " 学年自付教育费用 "
        + yuan(paidCents)
        + " 元，超过预警线 "
        + yuan(thresholdCents)
        + " 元";
  }

  static String schoolDropout(String memberId, int age) {
    return "家庭成员 " + memberId + "（" + age + " 岁）未在校就读，属义务教育阶段辍学";
  }

  // ---------------------------------------------------------------- labour

  static String labourersGone(int before, MemberChangeReason reason) {
    return "家庭劳动力由 " + before + " 人减少为 0 人（" + reason(reason) + "），家庭已无劳动力";
  }

  static String severelyDisabled(String memberId, int grade) {
    return "家庭成员 " + memberId + " 被认定为 " + grade + " 级残疾，家庭已无劳动力";
  }

  static String accidentTookLabourer(String memberId, long lossCents) {
    return "家庭成员 " + memberId + " 因意外事故丧失劳动能力（损失 " + yuan(lossCents) + " 元），家庭已无劳动力";
  }

  static String noneEmployed(String memberId, int labourers) {
    return "家庭成员 " + memberId + " 失去工作，家庭 " + labourers + " 名劳动力现均无就业";
  }

  // ---------------------------------------------------------------- living conditions

  static String unsafeHousing(HousingGrade grade) {
    return "住房安全鉴定为 " + grade + " 级危房，住房安全无保障";
  }

  static final String WATER_UNSAFE = "饮水安全评估为不安全";

  static String waterInterrupted(int days, int maxDays) {
    return "今年已停水 " + days + " 天，超过 " + maxDays + " 天";
  }

  static String unsafeWater(List<String> reasons) {
    return String.join("，", reasons);
  }

  static String uninsured(String memberId) {
    return "家庭成员 " + memberId + " 未参加基本医疗保险";
  }

  // ---------------------------------------------------------------- incidents

  static String disasterLoss(DisasterKind kind, long lossCents) {
    return "遭受" + kind.chineseName() + "，损失 " + yuan(lossCents) + " 元，请按快速通道先帮扶后完善手续";
  }

  static String businessFailure(long lossCents) {
    return "产业项目失败，损失 " + yuan(lossCents) + " 元";
  }

  static String loanOverdue(long principalCents, int daysOverdue, int thresholdDays) {
    return "本金 "
        + yuan(principalCents)
        + " 元的小额信贷已逾期 "
        + daysOverdue
        + " 天（达到 "
        + thresholdDays
        + " 天）";
  }

  // ---------------------------------------------------------------- payments

  static String paymentToInactive(
      HouseholdStatus status, Programme programme, String period, long amountCents) {
    return "向"
        + status(status)
        + "的户发放"
        + programme.chineseName()
        + " "
        + period
        + " "
        + yuan(amountCents)
        + " 元";
  }

  static String duplicatePayment(
      Programme programme, String period, long earlierCents, long amountCents) {
    return programme.chineseName()
        + " "
        + period
        + " 已发放 "
        + yuan(earlierCents)
        + " 元，又重复发放 "
        + yuan(amountCents)
        + " 元";
  }

  static String conflictingBenefits(
      String period, Programme other, long otherCents, Programme programme, long amountCents) {
    return period
        + " 同时领取"
        + other.chineseName()
        + " "
        + yuan(otherCents)
        + " 元和"
        + programme.chineseName()
        + " "
        + yuan(amountCents)
        + " 元";
  }

  static String paymentShortfall(
      Programme programme, String period, long amountCents, long monthlyCents) {
    return programme.chineseName()
        + " "
        + period
        + " 实发 "
        + yuan(amountCents)
        + " 元，低于核定月标准 "
        + yuan(monthlyCents)
        + " 元";
  }

  static String unregisteredPayment(Programme programme, String period, long amountCents) {
    return "向未登记的户发放" + programme.chineseName() + " " + period + " " + yuan(amountCents) + " 元";
  }

  /** An unregistered payment whose details the household no longer keeps. */
  static final String UNREGISTERED_PAYMENT = "向未登记的户发放补贴";

  static String paymentMissed(
      Programme programme, int month, long monthlyCents, LocalDate lastGraceDay) {
    return programme.chineseName()
        + " "
        + periodText(month)
        + " 应发 "
        + yuan(monthlyCents)
        + " 元，截至 "
        + lastGraceDay
        + " 仍未到账";
  }

  // ---------------------------------------------------------------- parts

  /** A month index as "2026-03". */
  static String periodText(int month) {
    int monthOfYear = month % 12 + 1;
    return (month / 12) + (monthOfYear < 10 ? "-0" : "-") + monthOfYear;
  }

  /** A stored payment period as sent: 202603 as "2026-03", 2026 as "2026". */
  static String periodLabel(int period) {
    return period > 9999
        ? periodText((period / 100) * 12 + period % 100 - 1)
        : String.valueOf(period);
  }

  private static String reason(MemberChangeReason reason) {
    return switch (reason) {
      case BIRTH -> "出生";
      case DEATH -> "死亡";
      case MARRIAGE -> "婚嫁";
      case MIGRATION -> "迁移";
      case OTHER -> "其他原因";
    };
  }

  private static String status(HouseholdStatus status) {
    return switch (status) {
      case DECEASED -> "已无在世成员";
      case MOVED_AWAY -> "已迁出";
      case CANCELLED -> "已注销";
      case ACTIVE -> "正常";
    };
  }
}
