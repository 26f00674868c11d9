package org.shouwang.ingest.csvimport;

import java.util.Map;
import org.shouwang.events.EliminationType;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.HousingGrade;
import org.shouwang.events.LoanStatus;
import org.shouwang.events.MemberChangeReason;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Source;

/**
 * Chinese values of the codes whose contract enum has no Chinese name of its own ({@code
 * chineseName()}): what a clerk writes in a {@code 信息来源} or {@code 状态} cell. Enums with a Chinese
 * name (event types, departments, programmes, measures...) are read by that name already.
 */
final class CodeNames {

  private static final Map<Class<?>, Map<String, String>> EXTRA =
      Map.of(
          Source.class,
          Map.of(
              "农户自主申报", "SELF_DECLARATION",
              "自主申报", "SELF_DECLARATION",
              "农户申报", "SELF_DECLARATION",
              "干部走访", "CADRE_VISIT",
              "入户走访", "CADRE_VISIT",
              "部门推送", "DEPARTMENT",
              "部门", "DEPARTMENT",
              "系统", "SYSTEM",
              "帮扶干部", "CADRE",
              "干部", "CADRE"),
          HouseholdStatus.class,
          Map.of(
              "正常", "ACTIVE",
              "死亡", "DECEASED",
              "全户死亡", "DECEASED",
              "迁出", "MOVED_AWAY",
              "注销", "CANCELLED"),
          MemberChangeReason.class,
          Map.of(
              "出生", "BIRTH",
              "死亡", "DEATH",
              "婚嫁", "MARRIAGE",
              "婚姻", "MARRIAGE",
              "迁移", "MIGRATION",
              "其他", "OTHER"),
          MonitoringStatus.class,
          Map.of(
              "纳入监测", "MONITORED",
              "监测中", "MONITORED",
              "风险消除", "RISK_ELIMINATED",
              "已消除", "RISK_ELIMINATED"),
          EliminationType.class,
          Map.of("帮扶消除", "ASSISTED", "自然消除", "NATURAL"),
          EmploymentKind.class,
          Map.of(
              "本地务工", "LOCAL",
              "就地就业", "LOCAL",
              "外出务工", "MIGRANT",
              "公益性岗位", "PUBLIC_WELFARE_JOB",
              "帮扶车间", "WORKSHOP",
              "就业帮扶车间", "WORKSHOP"),
          HousingGrade.class,
          Map.of("a级", "A", "b级", "B", "c级", "C", "d级", "D"),
          LoanStatus.class,
          Map.of(
              "正常", "CURRENT",
              "逾期", "OVERDUE",
              "已结清", "REPAID",
              "结清", "REPAID",
              "已还清", "REPAID"));

  private CodeNames() {}

  /** The extra Chinese values of an enum's codes (value → code); empty for most enums. */
  static Map<String, String> of(Class<?> enumType) {
    return EXTRA.getOrDefault(enumType, Map.of());
  }
}
