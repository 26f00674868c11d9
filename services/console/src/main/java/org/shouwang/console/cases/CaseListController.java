package org.shouwang.console.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shouwang.console.ConsoleProperties;
import org.shouwang.console.places.PlaceNames;
import org.shouwang.console.security.CurrentUser;
import org.shouwang.events.Audience;
import org.shouwang.events.CaseState;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case list of every role: a cadre's own open cases, a supervisor's township (or county), the
 * audit findings of the audit office; most urgent first, with counts at the top.
 */
@Controller
class CaseListController {

  private final CaseLists lists;
  private final PlaceNames places;
  private final ConsoleProperties properties;
  private final Clock clock = Clock.systemUTC();

  CaseListController(CaseLists lists, PlaceNames places, ConsoleProperties properties) {
    this.lists = lists;
    this.places = places;
    this.properties = properties;
  }

  @GetMapping("/")
  String home() {
    return CurrentUser.get().consoleUser() ? "redirect:/cases" : "no-role";
  }

  @GetMapping("/cases")
  String list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String severity,
      @RequestParam(required = false) String township,
      @RequestParam(required = false) String village,
      @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String audience,
      @RequestParam(required = false) String householdId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    CurrentUser user = CurrentUser.get();
    if (!user.consoleUser()) {
      return "no-role";
    }
    Audience shown = parse(Audience.class, audience);
    if (audience == null && user.auditor() && !user.admin()) {
      // the audit office works audit findings; "全部" shows the cadres' cases too (read only)
      shown = Audience.AUDITOR;
    }
    CaseLists.Filter filter =
        new CaseLists.Filter(
            parse(CaseState.class, state),
            "ALL".equals(state),
            parse(Severity.class, severity),
            blank(township),
            blank(village),
            "true".equals(overdue) ? Boolean.TRUE : null,
            parse(Rule.class, rule),
            shown,
            blank(householdId));
    int size = properties.pageSize();
    CaseLists.Result result =
        lists.list(user.user(), filter, Math.max(0, page), size, OffsetDateTime.now(clock));
    model.addAttribute("user", user);
    model.addAttribute("result", result);
    model.addAttribute("filter", filter);
    model.addAttribute("stateParam", state == null ? "" : state);
    model.addAttribute("audienceParam", shown == null ? "ALL" : shown.name());
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("hasNext", result.rows().size() == size);
    model.addAttribute("places", places);
    String ownTownship = user.user().townshipCode();
    model.addAttribute("townships", places.townships());
    model.addAttribute(
        "villages", places.villages(ownTownship != null ? ownTownship : blank(township)));
    model.addAttribute("title", title(user));
    return "cases";
  }

  private static String title(CurrentUser user) {
    if (user.cadre() && !user.supervisor() && !user.auditor()) {
      return "我的待办案件";
    }
    if (user.supervisor()) {
      return user.user().townshipCode() == null ? "全县案件" : "本乡镇案件";
    }
    return "审计发现案件";
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
