package org.shouwang.console.cases;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shouwang.console.api.AlertingApi;
import org.shouwang.console.api.AlertingApi.CaseDetail;
import org.shouwang.console.api.ApiRefusal;
import org.shouwang.console.places.PlaceNames;
import org.shouwang.console.security.CurrentUser;
import org.shouwang.console.web.Names;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case at {@code /cases/{caseId}} (the deep link of every notification): read and worked through
 * the case API as the logged-in user, so a case another cadre owns or an audit finding is refused
 * by the API itself. Only the buttons the case's state allows are shown; a refusal is shown as a
 * sentence.
 */
@Controller
class CasePageController {

  private final AlertingApi alerting;
  private final PlaceNames places;
  private final Names names;

  CasePageController(AlertingApi alerting, PlaceNames places, Names names) {
    this.alerting = alerting;
    this.places = places;
    this.names = names;
  }

  @GetMapping("/cases/{caseId}")
  String show(@PathVariable UUID caseId, Model model) {
    CurrentUser user = CurrentUser.get();
    CaseDetail detail = alerting.caseDetail(caseId);
    var summary = detail.summary();
    Map<String, List<String>> evidence = new HashMap<>();
    for (AlertingApi.AlertEvidence alert : alerting.alerts(summary.householdId())) {
      evidence.put(alert.alertId(), alert.evidence());
    }
    boolean works = mayWork(user, summary.audience());
    CaseState state = summary.state();
    model.addAttribute("user", user);
    model.addAttribute("c", summary);
    model.addAttribute("detail", detail);
    model.addAttribute("evidence", evidence);
    model.addAttribute("township", places.township(summary.townshipCode()));
    model.addAttribute("village", places.village(summary.villageCode()));
    model.addAttribute("registration", places.registration(summary.householdId()).orElse(null));
    model.addAttribute("readOnly", !works);
    model.addAttribute("canAcknowledge", works && state == CaseState.OPEN);
    model.addAttribute("canVerify", works && state == CaseState.ACKNOWLEDGED);
    model.addAttribute(
        "canMeasure", works && (state == CaseState.VERIFIED || state == CaseState.ASSISTING));
    model.addAttribute("canResolve", works && state == CaseState.ASSISTING);
    return "case";
  }

  /** Alerting's {@code CaseAccess.canAct} for a case the API let the user read. */
  static boolean mayWork(CurrentUser user, Audience audience) {
    if (user.admin()) {
      return true;
    }
    if (audience == Audience.AUDITOR) {
      return user.auditor();
    }
    return user.cadre() || user.supervisor();
  }

  @PostMapping("/cases/{caseId}/acknowledge")
  String acknowledge(
      @PathVariable UUID caseId,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("note", blank(note));
    return act(caseId, "acknowledge", body, "已签收。", "签收", flash);
  }

  @PostMapping("/cases/{caseId}/verify")
  String verify(
      @PathVariable UUID caseId,
      @RequestParam boolean confirmed,
      @RequestParam(required = false) String reason,
      RedirectAttributes flash) {
    if (blank(reason) == null) {
      flash.addFlashAttribute("error", "请填写核实情况（原因）后再提交。");
      return "redirect:/cases/" + caseId;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("confirmed", confirmed);
    body.put("reason", reason.trim());
    return act(
        caseId,
        "verify",
        body,
        confirmed ? "已核实：风险属实。" : "已核实：风险不属实，案件关闭。",
        confirmed ? "核实属实" : "核实不属实",
        flash);
  }

  @PostMapping("/cases/{caseId}/measures")
  String measure(
      @PathVariable UUID caseId,
      @RequestParam String kind,
      @RequestParam(required = false) String description,
      @RequestParam(required = false) String amount,
      RedirectAttributes flash) {
    if (blank(description) == null) {
      flash.addFlashAttribute("error", "请填写帮扶措施内容后再提交。");
      return "redirect:/cases/" + caseId;
    }
    BigDecimal money = null;
    if (blank(amount) != null) {
      try {
        money = new BigDecimal(amount.trim());
      } catch (NumberFormatException e) {
        flash.addFlashAttribute("error", "金额格式不正确，请填写数字，例如 3000 或 3000.50。");
        return "redirect:/cases/" + caseId;
      }
      if (money.signum() <= 0 || money.scale() > 2) {
        flash.addFlashAttribute("error", "金额须大于零，且最多两位小数。");
        return "redirect:/cases/" + caseId;
      }
    }
    AssistanceMeasure measure;
    try {
      measure = AssistanceMeasure.valueOf(kind);
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("error", "请选择帮扶措施类型。");
      return "redirect:/cases/" + caseId;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", measure.name());
    body.put("description", description.trim());
    body.put("amount", money);
    return act(
        caseId, "measures", body, "已录入帮扶措施：" + names.measure(measure) + "。", "录入帮扶措施", flash);
  }

  @PostMapping("/cases/{caseId}/resolve")
  String resolve(
      @PathVariable UUID caseId,
      @RequestParam(required = false) String outcome,
      RedirectAttributes flash) {
    if (blank(outcome) == null) {
      flash.addFlashAttribute("error", "请填写办结情况后再提交。");
      return "redirect:/cases/" + caseId;
    }
    return act(caseId, "resolve", Map.of("outcome", outcome.trim()), "案件已办结。", "办结", flash);
  }

  private String act(
      UUID caseId,
      String action,
      Map<String, Object> body,
      String done,
      String actionName,
      RedirectAttributes flash) {
    try {
      alerting.act(caseId, action, body);
      flash.addFlashAttribute("success", done);
    } catch (ApiRefusal refusal) {
      flash.addFlashAttribute("error", refusalSentence(caseId, refusal, actionName));
    }
    return "redirect:/cases/" + caseId;
  }

  private String refusalSentence(UUID caseId, ApiRefusal refusal, String actionName) {
    return switch (refusal.status()) {
      case 409 -> {
        String now;
        try {
          now = "「" + names.state(alerting.caseDetail(caseId).summary().state()) + "」";
        } catch (ApiRefusal gone) {
          now = "已变化";
        }
        yield "未能" + actionName + "：该案件当前状态为" + now + "，此操作已不可执行，页面已更新为最新状态。";
      }
      case 400 -> "未能" + actionName + "：填写的内容不符合要求，请检查后重新提交。";
      case 403 -> "未能" + actionName + "：您无权办理此案件。";
      case 404 -> "未能" + actionName + "：未找到该案件，或您无权查看。";
      default -> "未能" + actionName + "：系统暂时无法处理，请稍后再试。";
    };
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
