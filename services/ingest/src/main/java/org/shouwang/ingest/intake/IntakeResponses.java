package org.shouwang.ingest.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * The HTTP answer to an intake: {@code 202} with the report when every valid record is stored (or
 * was already); {@code 422} when no record was valid; {@code 503} when Kafka did not acknowledge
 * some valid record. The last two are RFC 9457 problems carrying the same report.
 */
public final class IntakeResponses {

  private IntakeResponses() {}

  /** The response for a report, or the problem to throw. */
  public static ResponseEntity<IntakeReport> of(IntakeReport report) {
    if (report.failed() > 0) {
      throw withReport(
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Not every record was stored",
              report.failed()
                  + " valid record(s) were not acknowledged by Kafka; resend them (resending"
                  + " accepted ones is harmless, ids are idempotent)."),
          report);
    }
    if (report.accepted() + report.duplicates() == 0) {
      throw withReport(
          problem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "No valid record",
              "None of the "
                  + report.received()
                  + " record(s) meets the contract; nothing was written. Each result names the"
                  + " field and the reason."),
          report);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
  }

  /** A problem about the request as a whole (nothing was written). */
  public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }

  private static ErrorResponseException withReport(
      ErrorResponseException exception, IntakeReport report) {
    ProblemDetail body = exception.getBody();
    body.setProperty("kind", report.kind());
    body.setProperty("received", report.received());
    body.setProperty("accepted", report.accepted());
    body.setProperty("duplicates", report.duplicates());
    body.setProperty("rejected", report.rejected());
    body.setProperty("failed", report.failed());
    body.setProperty("results", report.results());
    return exception;
  }
}
