package org.shouwang.console.inbox;

import org.shouwang.console.api.AlertingApi;
import org.shouwang.console.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The user's in-app inbox through the alerting API, and the unread count every page shows. */
@Controller
class InboxController {

  private final AlertingApi alerting;

  InboxController(AlertingApi alerting) {
    this.alerting = alerting;
  }

  @GetMapping("/inbox")
  String inbox(Model model) {
    model.addAttribute("user", CurrentUser.get());
    model.addAttribute("inbox", alerting.inbox(false, 100));
    return "inbox";
  }

  /** Loaded by htmx after the page: a page never waits for the inbox. */
  @GetMapping(value = "/inbox/unread", produces = "text/html;charset=UTF-8")
  @ResponseBody
  String unread() {
    long unread = alerting.inbox(true, 1).unread();
    return unread == 0 ? "" : "<span class=\"badge\" id=\"unread\">" + unread + "</span>";
  }

  @PostMapping("/inbox/{id}/read")
  String markRead(@PathVariable long id) {
    alerting.markRead(id);
    return "redirect:/inbox";
  }
}
