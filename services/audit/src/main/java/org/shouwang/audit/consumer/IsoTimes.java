package org.shouwang.audit.consumer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times with an offset, as {@link OffsetDateTime#parse} reads them, with a fast path for
 * the form every producer of the contract writes ({@code
 * 2026-03-02T09:30:00[.fraction](Z|+08:00)}). Anything else, and anything the fast path finds out
 * of range, goes to {@code OffsetDateTime.parse}, so both agree on every input.
 */
final class IsoTimes {

  private IsoTimes() {}

  /** The instant, or {@code null} when it is not an ISO-8601 time with an offset. */
  static Instant parse(String value) {
    Instant fast = fast(value);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant fast(String v) {
    int length = v.length();
    if (length < 20
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || v.charAt(10) != 'T'
        || v.charAt(13) != ':'
        || v.charAt(16) != ':') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (v.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 9 && isDigit(v.charAt(at))) {
        nanos = nanos * 10 + (v.charAt(at) - '0');
        at++;
      }
      int fraction = at - start;
      if (fraction == 0 || at < length && isDigit(v.charAt(at))) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (at == length - 1 && v.charAt(at) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (at == length - 6
        && (v.charAt(at) == '+' || v.charAt(at) == '-')
        && v.charAt(at + 3) == ':') {
      int hours = digits(v, at + 1, 2);
      int minutes = digits(v, at + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = v.charAt(at) == '-' ? -1 : 1;
      if (sign < 0 && hours == 0 && minutes == 0) {
        return null;
      }
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The decimal number of {@code width} ASCII digits at {@code at}, or -1. */
  private static int digits(String v, int at, int width) {
    int value = 0;
    for (int i = at; i < at + width; i++) {
      char c = v.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
