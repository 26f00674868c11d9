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
import org.shouwang.events.Rule;

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
      long previousCents,
      long currentCents,
      long percentDown,
      BigDecimal dropRatio,
      long rigidPerPersonCents,
      long leftCents,
      long lineCents,
      BigDecimal lineMargin) {
    return "家庭人均纯收入由 "
        + yuan(previousCents)
        + " 元降至 "
        + yuan(currentCents)
        + " 元，下降 "
        + percentDown
        + "%，达到预警幅度 "
        + percent(dropRatio)
        + "%；扣除近12个月人均刚性支出（医疗、教育自付） "
        + yuan(rigidPerPersonCents)
        + " 元后为 "
        + yuan(leftCents)
        + " 元，低于监测线 "
        + yuan(lineCents)
        + " 元的 "
        + lineMargin.stripTrailingZeros().toPlainString()
        + " 倍";
  }

  static String monitoredTooShortly(long days, int minMonitoredMonths) {
    return "纳入监测仅 " + days + " 天即标注风险消除，不足 " + minMonitoredMonths + " 个月";
  }

  static String stillBelowLine(int year, long incomeCents, long lineCents) {
    return year + " 年家庭人均纯收入 " + yuan(incomeCents) + " 元仍低于监测线 " + yuan(lineCents) + " 元";
  }

  static String tooFewAssessments(int assessments) {
    return "仅有 " + assessments + " 次收入评估，不足 2 次，无法证明收入稳定超过监测线";
  }

  static String guaranteesUnresolved(List<Rule> open) {
    StringBuilder text = new StringBuilder("仍有未解决的问题：");
    for (int i = 0; i < open.size(); i++) {
      text.append(i == 0 ? "" : "、").append(open.get(i).title());
    }
    return text.toString();
  }

  static final String NO_LABOURER_NO_WELFARE = "家庭无劳动力且未纳入低保或特困供养兜底保障，应兜底保障而非标注风险消除";

  static final String ASSISTED_WITHOUT_MEASURE = "标注为帮扶消除，但本监测期内未记录任何帮扶措施";

  static String prematureElimination(List<String> reasons) {
    return "风险消除不符合条件：" + String.join("；", reasons);
  }

  static String noMeasure(long deadlineDays, LocalDate monitoredSince, int labourers) {
    return "纳入监测已满 "
        + deadlineDays
        + " 天（自 "
        + monitoredSince
        + " 起），"
        + (labourers > 0
            ? "家庭有劳动力 " + labourers + " 人，尚未落实产业、就业或公益性岗位等开发式帮扶措施"
            : "家庭无劳动力，尚未纳入低保、特困供养或落实兜底保障措施");
  }

  // ---------------------------------------------------------------- identification and elimination

  static final String IDENTIFICATION = "识别纳入";
  static final String ELIMINATION = "风险消除";

  static String identificationOverdue(LocalDate since, int signal, long deadlineDays) {
    return "自 " + since + " " + signal(signal) + "起已满 " + deadlineDays + " 天，尚未完成识别纳入（县级确认）";
  }

  static String declarationUnanswered(LocalDate declaredOn, long deadlineDays) {
    return "农户于 " + declaredOn + " 自主申报，已满 " + deadlineDays + " 天仍未入户核实";
  }

  static String noPublicity(String procedure, LocalDate decidedOn, int publicityDays) {
    return procedure + "县级确认（" + decidedOn + "）前未经公示，应公示不少于 " + publicityDays + " 天";
  }

  static String publicityTooShort(
      String procedure, LocalDate publicityOn, LocalDate decidedOn, int days, int publicityDays) {
    return procedure
        + "公示自 "
        + publicityOn
        + " 开始，"
        + decidedOn
        + " 即县级确认，仅公示 "
        + days
        + " 天，不足 "
        + publicityDays
        + " 天";
  }

  static String relapse(LocalDate eliminatedOn, long days, int relapseMonths, Rule signal) {
    return "于 "
        + eliminatedOn
        + " 标注风险消除，第 "
        + days
        + " 天（"
        + relapseMonths
        + " 个月内）再次出现风险：“"
        + signal.title()
        + "”，应重新识别纳入监测";
  }

  private static String signal(int signal) {
    return switch (signal) {
      case IdentificationRules.SIGNAL_DECLARED -> "农户自主申报";
      case IdentificationRules.SIGNAL_HOME_VISIT -> "入户核实";
      default -> {
        int rule = signal - IdentificationRules.SIGNAL_ALERT;
        yield rule >= 0 && rule < RULES.length ? "出现风险预警“" + RULES[rule].title() + "”" : "出现风险信号";
      }
    };
  }

  private static final Rule[] RULES = Rule.values();

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

  static String noneEmployed(LocalDate lostOn, int months, int labourers) {
    return "家庭最后一名就业成员于 " + lostOn + " 失去工作，" + months + " 个月来家庭 " + labourers + " 名劳动力均未再就业";
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
