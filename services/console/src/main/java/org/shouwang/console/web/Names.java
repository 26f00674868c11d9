package org.shouwang.console.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.shouwang.console.ConsoleProperties;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.shouwang.events.Department;
import org.shouwang.events.EventType;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.springframework.stereotype.Component;

/**
 * Chinese names of every code a page shows, and times in the console's zone. Rules, measures and
 * programmes carry their names in the contract's enums; case states, severities, case actions and
 * event types do not (yet), so their names live here.
 */
@Component("zh")
public class Names {

  private static final Map<CaseState, String> STATES = new EnumMap<>(CaseState.class);
  private static final Map<Severity, String> SEVERITIES = new EnumMap<>(Severity.class);
  private static final Map<CaseAction, String> ACTIONS = new EnumMap<>(CaseAction.class);
  private static final Map<EventType, String> EVENTS = new EnumMap<>(EventType.class);
  private static final Map<String, String> FAMILIES =
      Map.of(
          "HOUSEHOLD_EVENT", "农户事件",
          "SUBSIDY_PAYMENT", "补贴发放",
          "ALERT", "预警",
          "CASE", "案件",
          "DEAD_LETTER", "无法处理的消息",
          "AUDIT_READ", "审计查阅");

  static {
    STATES.put(CaseState.OPEN, "待签收");
    STATES.put(CaseState.ACKNOWLEDGED, "已签收");
    STATES.put(CaseState.VERIFIED, "核实属实");
    STATES.put(CaseState.DISMISSED, "核实不属实");
    STATES.put(CaseState.ASSISTING, "帮扶中");
    STATES.put(CaseState.RESOLVED, "已办结");
    SEVERITIES.put(Severity.LOW, "低");
    SEVERITIES.put(Severity.MEDIUM, "中");
    SEVERITIES.put(Severity.HIGH, "高");
    SEVERITIES.put(Severity.CRITICAL, "紧急");
    ACTIONS.put(CaseAction.OPENED, "立案");
    ACTIONS.put(CaseAction.ALERT_ADDED, "新增预警");
    ACTIONS.put(CaseAction.ACKNOWLEDGED, "签收");
    ACTIONS.put(CaseAction.VERIFIED, "核实属实");
    ACTIONS.put(CaseAction.DISMISSED, "核实不属实");
    ACTIONS.put(CaseAction.MEASURE_RECORDED, "录入帮扶措施");
    ACTIONS.put(CaseAction.RESOLVED, "办结");
    ACTIONS.put(CaseAction.REOPENED, "重新打开");
    ACTIONS.put(CaseAction.ESCALATED, "督办升级");
    ACTIONS.put(CaseAction.REMINDED, "催办提醒");
    ACTIONS.put(CaseAction.NOTIFICATION_SENT, "通知已发送");
    ACTIONS.put(CaseAction.NOTIFICATION_FAILED, "通知发送失败");
    EVENTS.put(EventType.HOUSEHOLD_REGISTERED, "农户登记");
    EVENTS.put(EventType.HOUSEHOLD_STATUS_CHANGED, "户状态变更");
    EVENTS.put(EventType.MEMBERS_CHANGED, "家庭成员变更");
    EVENTS.put(EventType.CADRE_ASSIGNED, "结对干部变更");
    EVENTS.put(EventType.MONITORING_STATUS_CHANGED, "监测状态变更");
    EVENTS.put(EventType.ASSISTANCE_RECORDED, "帮扶措施落实");
    EVENTS.put(EventType.INCOME_ASSESSED, "收入核定");
    EVENTS.put(EventType.MEDICAL_EXPENSE, "医疗支出");
    EVENTS.put(EventType.SCHOOLING_COST, "教育支出");
    EVENTS.put(EventType.SCHOOL_ENROLMENT_CHANGED, "就学状态变更");
    EVENTS.put(EventType.DISABILITY_CERTIFIED, "残疾认定");
    EVENTS.put(EventType.EMPLOYMENT_CHANGED, "就业变化");
    EVENTS.put(EventType.HOUSING_ASSESSED, "住房鉴定");
    EVENTS.put(EventType.WATER_ASSESSED, "饮水评估");
    EVENTS.put(EventType.MEDICAL_INSURANCE_CHANGED, "医保参保变化");
    EVENTS.put(EventType.DISASTER_REPORTED, "灾情报告");
    EVENTS.put(EventType.ACCIDENT_REPORTED, "意外事故报告");
    EVENTS.put(EventType.BUSINESS_FAILED, "产业项目失败");
    EVENTS.put(EventType.ENTITLEMENT_CHANGED, "待遇变更");
    EVENTS.put(EventType.LOAN_STATUS_CHANGED, "贷款状态变更");
  }

  private final DateTimeFormatter format;
  private final ZoneId zone;

  public Names(ConsoleProperties properties) {
    this.zone = properties.zone();
    this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  public String state(CaseState state) {
    return state == null ? "" : STATES.get(state);
  }

  public String severity(Severity severity) {
    return severity == null ? "" : SEVERITIES.get(severity);
  }

  public String rule(Rule rule) {
    return rule == null ? "" : rule.title();
  }

  public String action(CaseAction action) {
    return action == null ? "" : ACTIONS.get(action);
  }

  public String measure(AssistanceMeasure measure) {
    return measure == null ? "" : measure.chineseName();
  }

  public String deadline(String deadlineKind) {
    if (deadlineKind == null) {
      return "";
    }
    return "MEASURE".equals(deadlineKind) ? "落实帮扶措施期限" : "签收期限";
  }

  /** An audit log kind ({@code ALERT:MEDICAL_BURDEN}) as 预警：医疗支出负担重. */
  public String kind(String kind) {
    if (kind == null) {
      return "";
    }
    int colon = kind.indexOf(':');
    String family = colon < 0 ? kind : kind.substring(0, colon);
    String code = colon < 0 ? null : kind.substring(colon + 1);
    String familyName = FAMILIES.getOrDefault(family, family);
    if (code == null) {
      return familyName;
    }
    String codeName = code;
    try {
      codeName =
          switch (family) {
            case "ALERT" -> Rule.valueOf(code).title();
            case "CASE" -> ACTIONS.get(CaseAction.valueOf(code));
            case "HOUSEHOLD_EVENT" -> EVENTS.get(EventType.valueOf(code));
            case "SUBSIDY_PAYMENT" -> Programme.valueOf(code).chineseName();
            case "AUDIT_READ" ->
                switch (code) {
                  case "SEARCH" -> "查询";
                  case "EXPORT" -> "导出";
                  case "VERIFY" -> "校验";
                  default -> code;
                };
            default -> code;
          };
    } catch (IllegalArgumentException unknown) {
      codeName = "UNKNOWN".equals(code) ? "未知类型" : code;
    }
    return familyName + "：" + codeName;
  }

  /**
   * Who an audit entry names as actor: users as they are, the sources and departments of the
   * contract and the services by their Chinese names.
   */
  public String actor(String actor) {
    if (actor == null) {
      return "";
    }
    switch (actor) {
      case "system", "SYSTEM":
        return "系统";
      case "risk-engine":
        return "风险引擎";
      case "CADRE_VISIT":
        return "干部走访";
      case "SELF_DECLARATION":
        return "农户申报";
      default:
        break;
    }
    try {
      return Department.valueOf(actor).chineseName();
    } catch (IllegalArgumentException notADepartment) {
      return actor;
    }
  }

  /** Families for the audit search's kind filter, in display order. */
  public Map<String, String> families() {
    var ordered = new java.util.LinkedHashMap<String, String>();
    for (String f :
        new String[] {
          "HOUSEHOLD_EVENT", "SUBSIDY_PAYMENT", "ALERT", "CASE", "DEAD_LETTER", "AUDIT_READ"
        }) {
      ordered.put(f, FAMILIES.get(f));
    }
    return ordered;
  }

  public String time(OffsetDateTime time) {
    return time == null ? "" : format.format(time);
  }

  /** A time as the audit API writes it (ISO-8601 with offset). */
  public String time(String iso) {
    if (iso == null || iso.isEmpty()) {
      return "";
    }
    try {
      return format.format(OffsetDateTime.parse(iso));
    } catch (RuntimeException notIso) {
      return iso;
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public Severity[] severities() {
    Severity[] all = Severity.values();
    java.util.Collections.reverse(java.util.Arrays.asList(all));
    return all;
  }

  public CaseState[] states() {
    return CaseState.values();
  }

  public Rule[] rules() {
    return Rule.values();
  }

  public AssistanceMeasure[] measures() {
    return AssistanceMeasure.values();
  }
}
