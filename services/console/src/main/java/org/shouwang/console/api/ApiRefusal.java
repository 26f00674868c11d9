package org.shouwang.console.api;

/**
 * An API answered with an error status: the console turns it into a sentence, never a stack trace.
 *
 * @see org.shouwang.console.web.ErrorPages
 */
public class ApiRefusal extends RuntimeException {

  private final int status;
  private final String detail;

  public ApiRefusal(int status, String detail) {
    super("API refused with " + status + ": " + detail);
    this.status = status;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  /** The problem's detail (English, for logs). */
  public String detail() {
    return detail;
  }
}
