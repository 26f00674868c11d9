package org.shouwang.audit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The fast path agrees with {@link OffsetDateTime#parse} on every input. */
class IsoTimesTests {

  @Test
  void parsesAsOffsetDateTimeDoes() {
    String[] inputs = {
      "2026-03-02T09:30:00+08:00",
      "2026-03-02T09:30:00Z",
      "2026-03-02T09:30:00.1Z",
      "2026-03-02T09:30:00.123456789+08:00",
      "2026-03-02T09:30:00.1234567891+08:00",
      "2026-03-02T09:30:00.Z",
      "2026-03-02T09:30+08:00",
      "2026-03-02T09:30:00-05:30",
      "2026-03-02T09:30:00-00:00",
      "2026-03-02T09:30:00+18:00",
      "2026-03-02T09:30:00+18:01",
      "2026-03-02T09:30:00+19:00",
      "2026-03-02T09:30:00+08:60",
      "2026-03-02T09:30:00+0800",
      "2026-03-02T09:30:00+08",
      "2026-03-02T09:30:00",
      "2026-03-02t09:30:00z",
      "2026-02-29T09:30:00Z",
      "2028-02-29T09:30:00Z",
      "2026-13-02T09:30:00Z",
      "2026-03-02T24:00:00Z",
      "2026-03-02T23:59:60Z",
      "0000-01-01T00:00:00Z",
      "+12026-03-02T09:30:00Z",
      "2026-03-02 09:30:00Z",
      "２026-03-02T09:30:00Z",
      "2026-03-02T09:30:00.5+08:00[Asia/Shanghai]",
      "",
      "garbage",
    };
    for (String input : inputs) {
      assertThat(IsoTimes.parse(input)).as(input).isEqualTo(reference(input));
    }
  }

  private static Instant reference(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
