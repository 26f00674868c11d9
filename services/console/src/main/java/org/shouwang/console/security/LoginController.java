package org.shouwang.console.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; the form posts to Spring Security's {@code /login}. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String logout,
      @RequestParam(required = false) String error,
      HttpSession session,
      Model model) {
    if (error != null) {
      Object message = session.getAttribute(ConsoleSecurityConfiguration.LOGIN_MESSAGE);
      model.addAttribute("error", message != null ? message : "用户名或密码错误，请重新输入。");
      model.addAttribute(
          "username",
          session.getAttribute(ConsoleSecurityConfiguration.LOGIN_MESSAGE + ".username"));
    }
    if (logout != null) {
      model.addAttribute("info", "您已安全退出。");
    }
    return "login";
  }
}
