package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Days in the engine's zone are those the zone's rules give, whether the zone has a fixed offset
 * (UTC), a final one after its last transition (Asia/Shanghai since 1991) or transitions every year
 * (America/New_York), on both sides of every transition.
 */
class RuleCalendarTests {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Asia/Shanghai", "UTC", "America/New_York", "Asia/Urumqi", "+08:00"})
  void countsDaysAsTheZonesRulesDo(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    RuleCalendar calendar = new RuleCalendar(zone);
    SplittableRandom random = new SplittableRandom(430421);
    // from 1970 to 2100, with extra weight around Shanghai's daylight-saving years (1986-1991)
    for (int i = 0; i < 200_000; i++) {
      long millis =
          i % 2 == 0
              ? random.nextLong(0, 4_102_444_800_000L)
              : random.nextLong(504_921_600_000L, 694_224_000_000L);
      assertThat(calendar.epochDay(millis))
          .as("%s at %s", zoneId, Instant.ofEpochMilli(millis))
          .isEqualTo(Instant.ofEpochMilli(millis).atZone(zone).toLocalDate().toEpochDay());
    }
  }
}
