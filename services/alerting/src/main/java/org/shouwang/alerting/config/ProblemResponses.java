package org.shouwang.alerting.config;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every refusal of the API as an RFC 9457 problem whose detail says what was wrong, whatever the
 * servlet container's error page would make of it.
 */
// before Boot's general problem-details handler, so these more specific answers win
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "org.shouwang.alerting")
class ProblemResponses {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ProblemDetail> refused(ResponseStatusException e, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    return respond(problem, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String allowed =
        e.getRequiredType() != null && e.getRequiredType().isEnum()
            ? "; one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants())
            : "";
    return respond(
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Parameter '" + e.getName() + "': '" + e.getValue() + "' is not valid" + allowed),
        request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    String cause = e.getMostSpecificCause().getMessage();
    return respond(
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON for this action: "
                + (cause == null ? "unreadable" : cause.lines().findFirst().orElse(cause))),
        request);
  }

  private static ResponseEntity<ProblemDetail> respond(
      ProblemDetail problem, HttpServletRequest request) {
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
