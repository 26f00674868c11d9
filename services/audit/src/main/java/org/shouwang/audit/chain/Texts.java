package org.shouwang.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Normalisation applied to every field before it is hashed and stored, so both agree. */
public final class Texts {

  /** PostgreSQL's timestamptz range, narrowed to four-digit years so formats stay simple. */
  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Texts() {}

  /**
   * A string PostgreSQL stores and returns unchanged: control characters (NUL cannot be stored at
   * all) and lone surrogates become U+FFFD, and it is cut to {@code max} characters without
   * splitting a surrogate pair. {@code null} stays {@code null}.
   */
  public static String clean(String value, int max) {
    if (value == null || isClean(value, max)) {
      return value;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    int i = 0;
    while (i < value.length() && out.length() < max) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        if (out.length() + 2 > max) {
          break;
        }
        out.append(c).append(value.charAt(i + 1));
        i += 2;
        continue;
      }
      boolean control = c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f;
      out.append(control || Character.isSurrogate(c) ? '\uFFFD' : c);
      i++;
    }
    return out.toString();
  }

  /** Whether {@link #clean} would return the value unchanged (the usual case, without copying). */
  private static boolean isClean(String value, int max) {
    int length = value.length();
    if (length > max) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20) {
        if (c != '\n' && c != '\r' && c != '\t') {
          return false;
        }
      } else if (c == 0x7f) {
        return false;
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 >= length
            || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** An instant as PostgreSQL keeps it (microseconds), or {@code null} outside years 1–9999. */
  public static Instant micros(Instant instant) {
    if (instant == null || instant.isBefore(MIN) || instant.isAfter(MAX)) {
      return null;
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The bytes as text when they are exactly valid UTF-8, else {@code null}. */
  public static String strictUtf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes) ? text : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The bytes as text, invalid sequences replaced. */
  public static String lenientUtf8(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
