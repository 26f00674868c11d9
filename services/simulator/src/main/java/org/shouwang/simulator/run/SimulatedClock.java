package org.shouwang.simulator.run;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated clock: runs {@code speed} times faster than the wall clock from the simulated
 * start, and never runs ahead of the wall clock, so no record is ever sent with a time in the
 * future. Once it has caught up it either stops at the end or keeps the wall clock's pace.
 */
final class SimulatedClock {

  private final Instant simulatedStart;
  private final Instant simulatedEnd;
  private final Instant wallStart;
  private final double speed;

  SimulatedClock(Instant simulatedStart, Instant simulatedEnd, Instant wallStart, double speed) {
    this.simulatedStart = simulatedStart;
    this.simulatedEnd = simulatedEnd;
    this.wallStart = wallStart;
    this.speed = speed;
  }

  /** The simulated time at a wall-clock instant. */
  Instant at(Instant wallNow) {
    double elapsed = Duration.between(wallStart, wallNow).toNanos() * speed;
    Instant simulated =
        elapsed >= Long.MAX_VALUE
            ? simulatedEnd
            : simulatedStart.plusNanos((long) Math.max(0, elapsed));
    if (simulated.isAfter(wallNow)) {
      simulated = wallNow;
    }
    return simulated.isAfter(simulatedEnd) ? simulatedEnd : simulated;
  }

  /** How far the simulated clock is behind the wall clock. */
  Duration lag(Instant wallNow) {
    return Duration.between(at(wallNow), wallNow);
  }
}
