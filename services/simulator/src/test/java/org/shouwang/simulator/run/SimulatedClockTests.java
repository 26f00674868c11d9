package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClockTests {

  private static final Instant WALL = Instant.parse("2026-11-29T00:00:00Z");
  private static final Instant START = WALL.minus(Duration.ofDays(365));

  @Test
  void runsSpeedTimesFasterThanTheWallClock() {
    SimulatedClock clock = new SimulatedClock(START, WALL, WALL, 525_600);

    // a year per minute: one real second is 525,600 simulated seconds (about 6 days)
    assertThat(clock.at(WALL.plusSeconds(1))).isEqualTo(START.plusSeconds(525_600));
  }

  @Test
  void neverRunsAheadOfTheWallClock() {
    SimulatedClock clock = new SimulatedClock(START, WALL.plus(Duration.ofDays(30)), WALL, 1e9);

    Instant later = WALL.plusSeconds(10);
    assertThat(clock.at(later)).isEqualTo(later);
    assertThat(clock.lag(later)).isZero();
  }

  @Test
  void stopsAtTheEnd() {
    SimulatedClock clock = new SimulatedClock(START, WALL, WALL, 1e9);

    assertThat(clock.at(WALL.plusSeconds(3600))).isEqualTo(WALL);
  }

  @Test
  void realTimeSpeedKeepsTheLagConstant() {
    SimulatedClock clock = new SimulatedClock(START, WALL, WALL, 1);

    assertThat(clock.lag(WALL.plusSeconds(100))).isEqualTo(Duration.ofDays(365));
  }
}
