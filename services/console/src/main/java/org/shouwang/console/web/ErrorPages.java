package org.shouwang.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shouwang.console.api.ApiRefusal;
import org.shouwang.console.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every refusal as a Chinese sentence on a page. A case another cadre owns (403 from the API) and
 * one that does not exist (404) read the same, so a guessed URL tells nothing.
 */
// before Boot's problem-details advice: the console answers people with pages, not JSON
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class ErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

  @ExceptionHandler(ApiRefusal.class)
  String refused(ApiRefusal refusal, HttpServletResponse response, Model model) {
    return switch (refusal.status()) {
      case 403, 404 -> page(response, model, 404, "未找到该案件或记录，或您无权查看。");
      case 401 -> page(response, model, 401, "登录已失效，请重新登录。");
      case 400 -> page(response, model, 400, "请求的内容有误，请返回后检查再试。");
      default -> {
        log.warn("API error: {}", refusal.getMessage());
        yield page(response, model, 502, "系统暂时无法处理，请稍后再试。");
      }
    };
  }

  @ExceptionHandler(ResponseStatusException.class)
  String status(ResponseStatusException e, HttpServletResponse response, Model model) {
    int status = e.getStatusCode().value();
    return page(
        response,
        model,
        status,
        status == 403 ? "您的角色无权查看此页面。" : status == 404 ? "页面不存在。" : "请求有误。");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(HttpServletResponse response, Model model) {
    return page(response, model, 404, "未找到该案件或记录，或您无权查看。");
  }

  @ExceptionHandler(ResourceAccessException.class)
  String unreachable(ResourceAccessException e, HttpServletResponse response, Model model) {
    log.warn("An API is unreachable: {}", e.getMessage());
    return page(response, model, 503, "后台服务暂时无法连接，请稍后再试。");
  }

  private static String page(HttpServletResponse response, Model model, int status, String text) {
    response.setStatus(status);
    model.addAttribute("message", text);
    model.addAttribute("status", status);
    try {
      model.addAttribute("user", CurrentUser.get());
    } catch (IllegalStateException notLoggedIn) {
      // the page shows no menu then
    }
    return "problem";
  }
}
