package org.shouwang.ingest.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/** Reads a request body whole, refusing one larger than a limit before reading it all. */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * The body's bytes.
   *
   * @throws ErrorResponseException {@code 413} when the body is larger than {@code limit}
   */
  public static byte[] read(HttpServletRequest request, DataSize limit) throws IOException {
    long max = limit.toBytes();
    long declared = request.getContentLengthLong();
    if (declared > max) {
      throw tooLarge(declared, limit);
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(declared > 0 ? (int) declared : 64 * 1024);
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = request.getInputStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + (long) read > max) {
          throw tooLarge(-1, limit);
        }
        out.write(buffer, 0, read);
      }
    }
    return out.toByteArray();
  }

  private static ErrorResponseException tooLarge(long size, DataSize limit) {
    ErrorResponseException problem =
        IntakeResponses.problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "Body too large",
            "The body"
                + (size > 0 ? " has " + size + " bytes; it" : "")
                + " may have at most "
                + limit.toBytes()
                + " bytes ("
                + limit.toMegabytes()
                + " MB). Split it into several requests; nothing was written.");
    problem.getBody().setProperty("code", "TOO_LARGE");
    return problem;
  }
}
