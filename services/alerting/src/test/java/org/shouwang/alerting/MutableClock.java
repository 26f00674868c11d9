package org.shouwang.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock plus an offset a test moves forward: deadlines pass without waiting. */
final class MutableClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  MutableClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private MutableClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  void advance(Duration duration) {
    offset.updateAndGet(d -> d.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
