package org.shouwang.riskengine.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Days and months in the engine's zone: days are epoch days, months are {@code year * 12 + month -
 * 1}, payment periods {@code YYYYMM}.
 */
final class RuleCalendar {

  private static final long DAY_MILLIS = 86_400_000L;

  private final ZoneId zone;
  // most zones of a county are fixed (Asia/Shanghai has had no daylight saving since 1991): the
  // offset is then looked up once, not for every record
  private final ZoneOffset fixedOffset;

  RuleCalendar(ZoneId zone) {
    this.zone = zone;
    this.fixedOffset =
        zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
  }

  ZoneId zone() {
    return zone;
  }

  int epochDay(long millis) {
    ZoneOffset offset =
        fixedOffset != null ? fixedOffset : zone.getRules().getOffset(Instant.ofEpochMilli(millis));
    return (int) Math.floorDiv(millis + offset.getTotalSeconds() * 1000L, DAY_MILLIS);
  }

  LocalDate date(long millis) {
    return LocalDate.ofEpochDay(epochDay(millis));
  }

  /** An instant of the engine's clock as an alert's time. */
  OffsetDateTime dateTime(long millis) {
    return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime();
  }

  /** The first instant of a day in the engine's zone. */
  long startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  static int month(LocalDate date) {
    return date.getYear() * 12 + date.getMonthValue() - 1;
  }

  /** {@code YYYYMM} of a month index. */
  static int periodOf(int month) {
    return (month / 12) * 100 + month % 12 + 1;
  }
}
