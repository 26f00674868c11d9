package org.shouwang.console.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * Chinese names of every code a page shows, and times in the console's zone. Every code list
 * carries its names in the contract's enums ({@code Rule.title()}, {@code chineseName()}); only the
 * audit log's kind families and read kinds, which are the audit service's, are named here.
 */
@Component("zh")
public class Names {

  private static final Map<String, String> FAMILIES =
      Map.of(
          "HOUSEHOLD_EVENT", "农户事件",
          "SUBSIDY_PAYMENT", "补贴发放",
          "ALERT", "预警",
          "CASE", "案件",
          "DEAD_LETTER", "无法处理的消息",
          "AUDIT_READ", "审计查阅");

  private final DateTimeFormatter format;
  private final ZoneId zone;

  public Names(ConsoleProperties properties) {
    this.zone = properties.zone();
    this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
  }

  public String state(CaseState state) {
    return state == null ? "" : state.chineseName();
  }

  public String severity(Severity severity) {
    return severity == null ? "" : severity.chineseName();
  }

  public String rule(Rule rule) {
    return rule == null ? "" : rule.title();
  }

  public String action(CaseAction action) {
    return action == null ? "" : action.chineseName();
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
            case "CASE" -> CaseAction.valueOf(code).chineseName();
            case "HOUSEHOLD_EVENT" -> EventType.valueOf(code).chineseName();
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
