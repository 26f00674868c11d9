package org.shouwang.ingest.csvimport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shouwang.ingest.intake.RecordKind;

/**
 * The Chinese column titles a county office writes for each column of the import layout (CSV and
 * .xlsx), besides the contract's own names ({@code eventId}, {@code data.outOfPocket}). The first
 * title of each column is the one the template workbook and the Chinese error messages use. The
 * README's alias table is this table.
 */
final class ColumnNames {

  /**
   * One column.
   *
   * @param key the contract's name: {@code eventId}, or {@code data.<field>} for a data field
   * @param titles the Chinese titles, the first one canonical
   * @param explanation what to write, in Chinese (the template's second sheet)
   */
  record Column(String key, List<String> titles, String explanation) {

    String title() {
      return titles.get(0);
    }
  }

  private static final List<Column> EVENTS =
      List.of(
          c("eventId", "事件唯一编号，同一编号重复导入不会重复记录", "事件编号", "事件ID"),
          c("householdId", "户编号，1–64位字母、数字或“-”，如 430421-105-00123", "户编号", "农户编号", "户码"),
          c("type", "事件类型，填中文名称（如 收入核定、医疗支出）或代码（INCOME_ASSESSED）", "事件类型"),
          c("occurredAt", "发生时间，如 2026-03-02 09:30、2026/3/2 或 2026-03-02（北京时间）", "发生时间", "发生日期"),
          c("source", "信息来源：农户自主申报、干部走访、部门推送、系统、帮扶干部（或代码）", "信息来源", "来源"),
          c("department", "报送部门，信息来源为部门推送时必填，如 医保局、民政局", "报送部门", "部门"),
          c("data.townshipCode", "乡镇代码（农户登记）", "乡镇代码"),
          c("data.townshipName", "乡镇名称（农户登记）", "乡镇", "乡镇名称"),
          c("data.villageCode", "村代码（农户登记）", "村代码", "行政村代码"),
          c("data.villageName", "村名称（农户登记）", "村", "行政村", "村名称"),
          c("data.members", "家庭人口数，至少1人（农户登记、家庭成员变更）", "家庭人口数", "家庭人口", "人口数"),
          c("data.labourers", "劳动力人数，0或以上（农户登记、家庭成员变更）", "劳动力人数", "劳动力数"),
          c("data.formerlyPoor", "是否脱贫户：是/否（农户登记）", "是否脱贫户", "脱贫户"),
          c("data.cadreId", "帮扶干部编号（农户登记、结对干部变更）", "帮扶干部编号", "帮扶干部", "干部编号"),
          c("data.monitoringCategory", "监测对象类别（农户登记，可不填）：脱贫不稳定户、边缘易致贫户、突发严重困难户", "监测对象类别"),
          c("data.status", "状态：户状态变更填 正常/死亡/迁出/注销；监测状态变更填 纳入监测/风险消除；贷款填 正常/逾期/已结清", "状态"),
          c(
              "data.reason",
              "原因：家庭成员变更填 出生/死亡/婚嫁/迁移/其他；就学状态变更填 辍学/完成义务教育/转学/其他；程序未通过时填理由",
              "原因",
              "变更原因"),
          c("data.category", "监测类别（监测状态变更、识别纳入县级确认）：脱贫不稳定户、边缘易致贫户、突发严重困难户", "监测类别"),
          c("data.eliminationType", "风险消除方式：帮扶消除/自然消除", "风险消除方式", "消除方式"),
          c("data.measure", "帮扶措施，如 产业帮扶、就业帮扶、公益性岗位", "帮扶措施"),
          c("data.amount", "帮扶金额（元，可不填）", "帮扶金额", "金额"),
          c("data.year", "核定年度，如 2026（收入核定）", "核定年度", "年度"),
          c("data.netIncomePerCapita", "家庭人均纯收入（元，近12个月）", "人均纯收入", "家庭人均纯收入"),
          c("data.memberId", "家庭成员编号", "成员编号"),
          c("data.outOfPocket", "合规自付医疗费用（元，报销后）", "合规自付费用", "医疗自付费用", "自付费用"),
          c("data.inpatient", "是否住院：是/否", "是否住院"),
          c("data.selfPaid", "本学年教育自付费用（元）", "教育自付费用", "自付学费"),
          c("data.age", "年龄（周岁）", "年龄"),
          c("data.enrolled", "是否在校：是/否", "是否在校", "是否在学"),
          c("data.grade", "等级：残疾认定填 1–4；住房鉴定填 A/B/C/D", "等级", "残疾等级", "住房等级"),
          c("data.employed", "是否就业：是/否", "是否就业"),
          c("data.kind", "种类：就业变化填 本地务工/外出务工/公益性岗位/帮扶车间；灾情填 洪涝/干旱/地质灾害等", "种类", "就业类型", "灾害种类"),
          c("data.monthlyIncome", "月收入（元，可不填）", "月收入"),
          c("data.safe", "饮水是否安全：是/否", "饮水是否安全", "是否安全"),
          c("data.interruptionDays", "本年停水天数（可不填）", "停水天数", "断水天数"),
          c("data.insured", "是否参加基本医保：是/否", "是否参保"),
          c("data.loss", "损失金额（元）", "损失金额", "损失"),
          c("data.labourLost", "是否丧失劳动力：是/否", "是否丧失劳动力"),
          c("data.programme", "待遇项目（待遇变更），如 低保、特困供养", "待遇项目"),
          c("data.granted", "是否享受：是/否", "是否享受", "是否批准"),
          c("data.monthlyAmount", "月标准（元，享受时必填）", "月标准", "月发放标准"),
          c("data.loanId", "贷款编号", "贷款编号"),
          c("data.principal", "贷款本金（元）", "贷款本金", "本金"),
          c("data.daysOverdue", "逾期天数", "逾期天数"),
          c("data.riskType", "风险类型（农户自主申报，可不填），如 因病、因学", "风险类型"),
          c("data.description", "情况说明（农户自主申报，可不填）", "情况说明", "申报说明"),
          c("data.step", "程序环节：入户核实、村级评议、公示、乡镇审核、县级确认", "程序环节", "环节"),
          c("data.admitted", "是否纳入监测（识别纳入县级确认）：是/否", "是否纳入"),
          c("data.approved", "是否同意风险消除（风险消除县级确认）：是/否", "是否同意消除", "是否通过"));

  private static final List<Column> PAYMENTS =
      List.of(
          c("paymentId", "发放记录唯一编号，同一编号重复导入不会重复记录", "发放编号", "支付编号", "发放流水号"),
          c("householdId", "户编号，1–64位字母、数字或“-”", "户编号", "农户编号", "户码"),
          c("programme", "补助项目，如 低保、特困供养、临时救助（或代码）", "补助项目", "资金项目", "项目"),
          c("period", "所属期：按月发放填 2026-03，按年发放填 2026（单元格设为文本）", "所属期", "发放所属期", "期间"),
          c("amount", "发放金额（元，大于0，最多2位小数）", "发放金额", "金额"),
          c("paidAt", "发放时间，如 2026-03-10 10:00 或 2026-03-10", "发放时间", "发放日期", "支付时间"),
          c("payer", "发放单位，如 衡阳县民政局（可不填）", "发放单位", "支付单位"));

  private ColumnNames() {}

  private static Column c(String key, String explanation, String... titles) {
    return new Column(key, List.of(titles), explanation);
  }

  /** Every column of a kind with its Chinese titles, in template order. */
  static List<Column> columns(RecordKind kind) {
    return kind == RecordKind.HOUSEHOLD_EVENT ? EVENTS : PAYMENTS;
  }

  private static final Map<RecordKind, Map<String, String>> BY_TITLE =
      Map.of(
          RecordKind.HOUSEHOLD_EVENT, titles(RecordKind.HOUSEHOLD_EVENT),
          RecordKind.SUBSIDY_PAYMENT, titles(RecordKind.SUBSIDY_PAYMENT));

  /** The column a normalized Chinese title names, by title; unmodifiable. */
  static Map<String, String> byTitle(RecordKind kind) {
    return BY_TITLE.get(kind);
  }

  private static Map<String, String> titles(RecordKind kind) {
    Map<String, String> byTitle = new LinkedHashMap<>();
    for (Column column : columns(kind)) {
      for (String title : column.titles()) {
        String previous = byTitle.put(normalize(title), column.key());
        if (previous != null) {
          throw new IllegalStateException("the title " + title + " names two columns");
        }
      }
    }
    return Collections.unmodifiableMap(byTitle);
  }

  /** The canonical Chinese title of a column key, or the key itself when it has none. */
  static String title(RecordKind kind, String key) {
    for (Column column : columns(kind)) {
      if (column.key().equals(key)) {
        return column.title();
      }
    }
    return key;
  }

  /**
   * A header as it is compared: without surrounding blanks, a trailing required-marker ({@code *})
   * or a note in brackets ({@code 人均纯收入（元）}), and in lower case.
   */
  static String normalize(String header) {
    String text = header.strip();
    boolean changed = true;
    while (changed && !text.isEmpty()) {
      changed = false;
      char last = text.charAt(text.length() - 1);
      if (last == '*' || last == '＊') {
        text = text.substring(0, text.length() - 1).strip();
        changed = true;
      } else if (last == ')' || last == '）') {
        int open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
        if (open > 0) {
          text = text.substring(0, open).strip();
          changed = true;
        }
      }
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** The keys of the columns with Chinese titles, for the completeness test. */
  static List<String> keys(RecordKind kind) {
    List<String> keys = new ArrayList<>();
    columns(kind).forEach(column -> keys.add(column.key()));
    return keys;
  }
}
