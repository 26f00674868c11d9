package org.shouwang.riskengine.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Days and months in the engine's zone: days are epoch days, months are {@code year * 12 + month -
 * 1}, payment periods {@code YYYYMM}.
 */
final class RuleCalendar {

  private static final long DAY_MILLIS = 86_400_000L;

  private final ZoneId zone;
  // the offset after a zone's last transition, when it has no rule for further ones: Asia/Shanghai
  // has kept +08:00 since 1991 but is not a fixed-offset zone, and looking its offset up for every
  // record (a binary search over its transitions) was ~3 % of the stream thread
  private final ZoneOffset finalOffset;
  private final long finalOffsetSince;

  RuleCalendar(ZoneId zone) {
    this.zone = zone;
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransition> transitions = rules.getTransitions();
    if (rules.isFixedOffset()) {
      finalOffset = rules.getOffset(Instant.EPOCH);
      finalOffsetSince = Long.MIN_VALUE;
    } else if (rules.getTransitionRules().isEmpty() && !transitions.isEmpty()) {
      ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
      finalOffset = last.getOffsetAfter();
      finalOffsetSince = last.getInstant().toEpochMilli();
    } else {
      finalOffset = null;
      finalOffsetSince = Long.MAX_VALUE;
    }
  }

  ZoneId zone() {
    return zone;
  }

  int epochDay(long millis) {
    ZoneOffset offset =
        millis >= finalOffsetSince
            ? finalOffset
            : zone.getRules().getOffset(Instant.ofEpochMilli(millis));
    return (int) Math.floorDiv(millis + offset.getTotalSeconds() * 1000L, DAY_MILLIS);
  }

  LocalDate date(long millis) {
    return LocalDate.ofEpochDay(epochDay(millis));
  }

  /** An instant of the engine's clock as an alert's time. */
  OffsetDateTime dateTime(long millis) {
    return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime();
  }

  /** The same time of day {@code months} calendar months later, in the engine's zone. */
  long plusMonths(long millis, int months) {
    return Instant.ofEpochMilli(millis).atZone(zone).plusMonths(months).toInstant().toEpochMilli();
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
