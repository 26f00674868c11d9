package org.shouwang.alerting.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA256 signatures the webhook channels send. */
final class Signatures {

  private Signatures() {}

  /**
   * DingTalk robot signing ("加签"): {@code sign = urlEncode(base64(HmacSHA256(key = secret, data =
   * timestamp + "\n" + secret)))}, sent with {@code timestamp} (epoch milliseconds) as query
   * parameters.
   */
  static String dingTalk(String secret, long timestampMillis) {
    byte[] mac = hmac(secret, timestampMillis + "\n" + secret);
    return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
  }

  /** The generic webhook's header value: {@code sha256=<hex HMAC of timestamp + "." + body>}. */
  static String webhook(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
