package org.shouwang.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

class RequestBodiesTests {

  /** A request sent without a {@code Content-Length} (chunked). */
  private static MockHttpServletRequest undeclared(byte[] body) {
    MockHttpServletRequest request =
        new MockHttpServletRequest() {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
    request.setContent(body);
    return request;
  }

  private static MockHttpServletRequest declared(byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setContent(body);
    return request;
  }

  private static final byte[] BODY = "[{\"a\":\"衡阳\"}]".getBytes(StandardCharsets.UTF_8);

  @Test
  void readsABodyOfTheDeclaredLength() throws IOException {
    assertThat(RequestBodies.read(declared(BODY), DataSize.ofKilobytes(1))).isEqualTo(BODY);
  }

  @Test
  void readsABodyWithoutADeclaredLength() throws IOException {
    byte[] large = new byte[200_000];
    large[199_999] = 'x';
    assertThat(RequestBodies.read(undeclared(large), DataSize.ofMegabytes(1))).isEqualTo(large);
  }

  @Test
  void refusesADeclaredLengthOverTheLimitWithoutReadingIt() {
    MockHttpServletRequest request = declared(new byte[2048]);
    assertThatThrownBy(() -> RequestBodies.read(request, DataSize.ofKilobytes(1)))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
  }

  @Test
  void refusesAnUndeclaredBodyOnceItGrowsOverTheLimit() {
    MockHttpServletRequest request = undeclared(new byte[200_000]);
    assertThatThrownBy(() -> RequestBodies.read(request, DataSize.ofKilobytes(100)))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
  }
}
