package org.shouwang.ingest.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
    try (InputStream in = request.getInputStream()) {
      if (declared > 0) {
        // the usual case: read straight into an array of the declared size, no copies
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
      }
      return readUndeclared(in, max, limit);
    }
  }

  private static byte[] readUndeclared(InputStream in, long max, DataSize limit)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    byte[] buffer = new byte[64 * 1024];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (out.size() + (long) read > max) {
        throw tooLarge(-1, limit);
      }
      out.write(buffer, 0, read);
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
