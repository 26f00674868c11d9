package org.shouwang.events;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 times with an offset exactly as {@link OffsetDateTime#parse(CharSequence)} does,
 * but without its general formatter for the shape every producer writes: {@code
 * 2026-03-02T09:30:00+08:00}, optionally with 1–9 fraction digits and {@code Z} for UTC. Anything
 * else (no seconds, offsets with seconds, out-of-range fields) goes to the JDK's parser, so the
 * result and every error are the JDK's. Profiles of ingest and the risk engine put about half their
 * time in the JDK parser before this existed.
 */
public final class IsoTimes {

  private IsoTimes() {}

  /**
   * Parses like {@link OffsetDateTime#parse(CharSequence)}.
   *
   * @throws DateTimeParseException exactly when the JDK's parser would
   */
  public static OffsetDateTime parseOffsetDateTime(CharSequence text) {
    OffsetDateTime fast = fastPath(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  /** The common shape parsed by hand, or {@code null} to let the JDK decide. */
  static OffsetDateTime fastPath(CharSequence s) {
    int n = s.length();
    // yyyy-MM-ddTHH:mm:ss is 19 characters; then an optional fraction and the offset
    if (n < 20 || n > 35) {
      return null;
    }
    if (s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(s, i, n);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
    } catch (DateTimeException e) {
      return null; // the JDK parser names the field that is out of range
    }
  }

  /**
   * Formats exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does (seconds always, the
   * fraction without trailing zeros, {@code Z} for UTC), by hand for years 0–9999 and offsets of
   * whole minutes, by the JDK's formatter otherwise. Alerts carry one; through the formatter it was
   * a third of writing an alert.
   */
  public static String format(OffsetDateTime time) {
    int year = time.getYear();
    int offset = time.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offset % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
    char[] c = new char[35];
    int i = put(c, 0, year, 4);
    c[i++] = '-';
    i = put(c, i, time.getMonthValue(), 2);
    c[i++] = '-';
    i = put(c, i, time.getDayOfMonth(), 2);
    c[i++] = 'T';
    i = put(c, i, time.getHour(), 2);
    c[i++] = ':';
    i = put(c, i, time.getMinute(), 2);
    c[i++] = ':';
    i = put(c, i, time.getSecond(), 2);
    int nanos = time.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      c[i++] = '.';
      i = put(c, i, nanos, digits);
    }
    if (offset == 0) {
      c[i++] = 'Z';
    } else {
      c[i++] = offset < 0 ? '-' : '+';
      int minutes = Math.abs(offset) / 60;
      i = put(c, i, minutes / 60, 2);
      c[i++] = ':';
      i = put(c, i, minutes % 60, 2);
    }
    return new String(c, 0, i);
  }

  /** {@code value} in exactly {@code width} digits, zero-padded; the index after them. */
  private static int put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  private static ZoneOffset offset(CharSequence s, int i, int n) {
    if (i == n - 1 && s.charAt(i) == 'Z') {
      return ZoneOffset.UTC;
    }
    if (i != n - 6 || s.charAt(i + 3) != ':') {
      return null;
    }
    char sign = s.charAt(i);
    if (sign != '+' && sign != '-') {
      return null;
    }
    int hours = digits(s, i + 1, 2);
    int minutes = digits(s, i + 4, 2);
    if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int total = hours * 3600 + minutes * 60;
    if (total > 18 * 3600) {
      return null;
    }
    // ofTotalSeconds caches offsets of whole quarter hours, so this allocates nothing for them
    return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
  }

  private static int digits(CharSequence s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
