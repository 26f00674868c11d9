package org.shouwang.alerting.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTests {

  @Test
  void signsDingTalkRequestsLikeTheRobotExpects() {
    // computed independently:
    // printf '%s\n%s' 1700000000000 SECtest123 | openssl dgst -sha256 -hmac SECtest123 -binary
    //   | base64
    String expected = "w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu+Ut1LE48MePE=";

    String sign = Signatures.dingTalk("SECtest123", 1_700_000_000_000L);

    assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(sign).doesNotContain("+", "/", "=").contains("%2B", "%3D");
  }

  @Test
  void signsGenericWebhooksOverTimestampAndBody() {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac k3y -hex
    String expected = "sha256=fd5a70e965043f7df6309c2c3b5ff5a8ffa99b1f5175e9a311459e73c4634d4a";

    assertThat(
            Signatures.webhook("k3y", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(expected);
  }
}
