package org.shouwang.alerting.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.shouwang.events.Audience;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/**
 * The texts people read, in plain Chinese with DOMAIN.md's words. Household ids are masked ({@code
 * 430421-101-***23}); no names or ID numbers ever appear.
 */
public final class NotificationTexts {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private NotificationTexts() {}

  /**
   * A household id with all but the last two characters of its last segment hidden: {@code
   * 430421-101-00123} becomes {@code 430421-101-***23}.
   */
  public static String maskHousehold(String householdId) {
    if (householdId == null || householdId.isEmpty()) {
      return "***";
    }
    int dash = householdId.lastIndexOf('-');
    String prefix = dash >= 0 ? householdId.substring(0, dash + 1) : "";
    String last = householdId.substring(dash + 1);
    if (dash < 0 && last.length() > 6) {
      // no segments: keep a short prefix so people can still tell households apart
      prefix = last.substring(0, 3);
      last = last.substring(3);
    }
    return prefix + "***" + (last.length() > 2 ? last.substring(last.length() - 2) : "");
  }

  /** The Chinese name of a severity as cadres read it. */
  public static String severityName(Severity severity) {
    return switch (severity) {
      case LOW -> "低";
      case MEDIUM -> "中";
      case HIGH -> "高";
      case CRITICAL -> "紧急";
    };
  }

  /** A duration as people say it: {@code 24小时}, {@code 3天}. */
  public static String duration(Duration duration) {
    long hours = duration.toHours();
    if (hours >= 48 && hours % 24 == 0) {
      return (hours / 24) + "天";
    }
    if (hours >= 1) {
      return hours + "小时";
    }
    return Math.max(1, duration.toMinutes()) + "分钟";
  }

  /** One new alert: household, village, rule, the engine's message with its numbers, next step. */
  public static String alertItem(
      Audience audience,
      String householdId,
      String villageCode,
      Rule rule,
      Severity severity,
      String message,
      Duration acknowledgeWithin,
      UUID caseId) {
    String next = "请在" + duration(acknowledgeWithin) + "内" + nextStep(audience, rule) + "并在系统中确认。";
    return household(householdId, villageCode)
        + "："
        + rule.title()
        + "（风险等级："
        + severityName(severity)
        + "）\n"
        + message
        + "\n"
        + next
        + caseRef(caseId);
  }

  /**
   * What the recipient of a new alert is asked to do: the audit office checks the funds, or the
   * procedure for the rules about identification and elimination; a cadre visits the household,
   * answers a household's own application, or takes an overdue identification or a relapse up.
   */
  static String nextStep(Audience audience, Rule rule) {
    return switch (rule) {
      case PUBLICITY_TOO_SHORT -> "核查该户识别纳入或风险消除的公示情况";
      case PREMATURE_ELIMINATION -> "核查该户风险消除是否符合条件";
      case IDENTIFICATION_OVERDUE -> "入户核实，尽快完成村级评议、公示、乡镇审核并报县级确认";
      case SELF_DECLARATION_UNANSWERED -> "入户核实农户的自主申报";
      case RELAPSE_AFTER_ELIMINATION -> "入户核实返贫风险，需要时重新识别纳入监测";
      default -> audience == Audience.AUDITOR ? "核查该户补贴发放情况" : "入户核实";
    };
  }

  /** An overdue case sent up to a supervisor. */
  public static String escalationItem(
      String householdId,
      String villageCode,
      List<Rule> rules,
      Severity severity,
      boolean measureOverdue,
      OffsetDateTime deadline,
      String cadreId,
      UUID caseId) {
    String what =
        measureOverdue
            ? "已确认但超过时限（" + TIME.format(deadline) + "）仍未落实帮扶措施"
            : "超过确认时限（" + TIME.format(deadline) + "）仍未确认";
    String who = cadreId == null ? "" : "，帮扶责任人：" + cadreId;
    return "【督办】"
        + household(householdId, villageCode)
        + "的预警案件（"
        + titles(rules)
        + "，风险等级："
        + severityName(severity)
        + "）"
        + what
        + who
        + "。\n请督促尽快"
        + (measureOverdue ? "落实帮扶措施" : "入户核实并确认")
        + "。"
        + caseRef(caseId);
  }

  /** An overdue case, a reminder to whoever works it. */
  public static String reminderItem(
      String householdId,
      String villageCode,
      List<Rule> rules,
      boolean measureOverdue,
      OffsetDateTime deadline,
      UUID caseId) {
    return "【提醒】"
        + household(householdId, villageCode)
        + "的预警案件（"
        + titles(rules)
        + "）"
        + (measureOverdue ? "已超过帮扶措施落实时限（" : "已超过确认时限（")
        + TIME.format(deadline)
        + "），已报上级督办，请尽快处理。"
        + caseRef(caseId);
  }

  /** The subject of a message of the given items. */
  public static String title(List<NotificationKind> kinds) {
    boolean escalation = kinds.contains(NotificationKind.ESCALATION);
    String head = escalation ? "守望督办" : "守望预警";
    return kinds.size() == 1 ? head : head + "：" + kinds.size() + "条待办事项";
  }

  /** The text of a message: one item as it is, several numbered. */
  public static String body(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    StringBuilder body = new StringBuilder("您有" + items.size() + "条待办事项：");
    for (int i = 0; i < items.size(); i++) {
      body.append("\n\n").append(i + 1).append(". ").append(items.get(i));
    }
    return body.toString();
  }

  /** A plain-text line leading to a case in the console: {@code 查看案件 1a2b3c4d：https://…}. */
  public static String caseLinkLine(UUID caseId, String url) {
    return "查看案件 " + shortId(caseId) + "：" + url;
  }

  /** The same as a markdown link, for the WeCom and DingTalk robots. */
  public static String caseLinkMarkdown(UUID caseId, String url) {
    return "[查看案件 " + shortId(caseId) + "](" + url + ")";
  }

  private static String household(String householdId, String villageCode) {
    return "农户 "
        + maskHousehold(householdId)
        + (villageCode == null ? "（未登记）" : "（" + villageCode + " 村）");
  }

  private static String titles(List<Rule> rules) {
    return rules.isEmpty() ? "预警" : String.join("、", rules.stream().map(Rule::title).toList());
  }

  private static String caseRef(UUID caseId) {
    return "（案件 " + shortId(caseId) + "）";
  }

  /** The case id as the texts name it; the links carry the full id. */
  private static String shortId(UUID caseId) {
    return caseId.toString().substring(0, 8);
  }
}
