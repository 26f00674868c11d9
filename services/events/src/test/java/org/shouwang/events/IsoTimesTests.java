package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02T09:30:00+08:00",
        "2026-03-02T09:30:00Z",
        "2026-03-02T09:30:00.5+08:00",
        "2026-03-02T09:30:00.123456789-05:30",
        "2024-02-29T23:59:59.000+14:00",
        "2026-12-31T00:00:00-00:00",
        "0000-01-01T00:00:00+18:00",
        "9999-12-31T23:59:59.999999999-18:00"
      })
  void theCommonShapesAreParsedByHandToTheJdksResult(String text) {
    assertThat(IsoTimes.fastPath(text)).as("parsed by hand").isNotNull();
    assertThat(IsoTimes.parseOffsetDateTime(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02T09:30+08:00",
        "2026-03-02T09:30:00+08:00:30",
        "2026-03-02t09:30:00+08:00",
        "2026-03-02T09:30:00.+08:00",
        "2026-03-02t09:30:00z",
        "2026-03-02T09:30:00+08",
        "+12026-03-02T09:30:00+08:00"
      })
  void otherValidShapesAreLeftToTheJdk(String text) {
    assertThat(IsoTimes.fastPath(text)).isNull();
    assertThat(IsoTimes.parseOffsetDateTime(text)).isEqualTo(OffsetDateTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T09:30:00+08:00",
        "2026-13-02T09:30:00+08:00",
        "2026-03-32T09:30:00+08:00",
        "2026-03-02T24:00:00+08:00",
        "2026-03-02T09:60:00+08:00",
        "2026-03-02T09:30:60+08:00",
        "2026-03-02T09:30:00+19:00",
        "2026-03-02T09:30:00+18:01",
        "2026-03-02T09:30:00+08:60",
        "2026-03-02T09:30:00",
        "2026-03-02 09:30:00+08:00",
        "2026-03-02T09:30:00.1234567891+08:00",
        "2026-03-02T09:30:00+0800",
        "2026-03-0aT09:30:00+08:00",
        "2026-03-02T09:30:00 +08:00",
        "２026-03-02T09:30:00Z",
        "2026-03-02T09:30:00.5+08:00[Asia/Shanghai]",
        "",
        "yesterday"
      })
  void invalidTimesFailExactlyAsTheJdkDoes(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTimes.parseOffsetDateTime(text))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void randomTextsNearTheCommonShapeAgreeWithTheJdk() {
    SplittableRandom random = new SplittableRandom(20261129);
    String alphabet = "0123456789-+:.TZ ";
    int agreedValid = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text =
          new StringBuilder(
              random.nextBoolean() ? "2026-03-02T09:30:00+08:00" : randomTime(random));
      int edits = random.nextInt(3);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        text.setCharAt(
            random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      OffsetDateTime expected;
      try {
        expected = OffsetDateTime.parse(s);
      } catch (DateTimeParseException jdkRefused) {
        assertThatThrownBy(() -> IsoTimes.parseOffsetDateTime(s))
            .as(s)
            .isInstanceOf(DateTimeParseException.class);
        continue;
      }
      assertThat(IsoTimes.parseOffsetDateTime(s)).as(s).isEqualTo(expected);
      agreedValid++;
    }
    assertThat(agreedValid).as("valid texts compared").isGreaterThan(50_000);
  }

  @Test
  void formatsExactlyAsTheJdksIsoOffsetFormatter() {
    SplittableRandom random = new SplittableRandom(20261129);
    int[] nanos = {0, 1, 10, 120_000_000, 123_456_789, 500_000_000, 999_999_999, 1_000};
    int byHand = 0;
    for (int i = 0; i < 100_000; i++) {
      // years from before 0 to after 9999, offsets with and without seconds, every fraction
      int year = random.nextInt(10) == 0 ? random.nextInt(-20_000, 20_000) : random.nextInt(10_000);
      int offsetSeconds =
          random.nextInt(5) == 0
              ? random.nextInt(-18 * 3600, 18 * 3600 + 1)
              : random.nextInt(-72, 73) * 15 * 60;
      OffsetDateTime time =
          OffsetDateTime.of(
              year,
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextBoolean()
                  ? nanos[random.nextInt(nanos.length)]
                  : random.nextInt(1_000_000_000),
              ZoneOffset.ofTotalSeconds(offsetSeconds));
      assertThat(IsoTimes.format(time))
          .as("%s", time)
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
      byHand += year >= 0 && year <= 9999 && offsetSeconds % 60 == 0 ? 1 : 0;
    }
    assertThat(byHand).as("times formatted by hand").isGreaterThan(50_000);
  }

  private static String randomTime(SplittableRandom random) {
    String fraction =
        random.nextInt(3) == 0 ? "." + "123456789".substring(0, 1 + random.nextInt(9)) : "";
    String offset =
        random.nextInt(4) == 0
            ? "Z"
            : String.format(
                "%s%02d:%02d",
                random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(4) * 15);
    return String.format(
            "%04d-%02d-%02dT%02d:%02d:%02d",
            random.nextInt(10_000),
            1 + random.nextInt(13),
            1 + random.nextInt(31),
            random.nextInt(25),
            random.nextInt(61),
            random.nextInt(61))
        + fraction
        + offset;
  }
}
