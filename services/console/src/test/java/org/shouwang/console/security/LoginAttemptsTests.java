package org.shouwang.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.shouwang.console.ConsoleProperties;

class LoginAttemptsTests {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-03-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final LoginAttempts attempts =
      new LoginAttempts(
          new ConsoleProperties.Login(5, Duration.ofSeconds(30), Duration.ofMinutes(15)), clock);

  @Test
  void fourFailuresDoNotSlowDownTheFifthLocksForThirtySeconds() {
    for (int i = 0; i < 4; i++) {
      attempts.failed("cadre-0001");
    }
    assertThat(attempts.lockedFor("cadre-0001")).isEmpty();
    attempts.failed("cadre-0001");
    assertThat(attempts.lockedFor("cadre-0001")).contains(Duration.ofSeconds(30));
    clock.now = clock.now.plusSeconds(30);
    assertThat(attempts.lockedFor("cadre-0001")).isEmpty();
  }

  @Test
  void everyFurtherFailureDoublesTheWaitUpToTheMaximum() {
    for (int i = 0; i < 6; i++) {
      attempts.failed("auditor");
    }
    assertThat(attempts.lockedFor("auditor")).contains(Duration.ofSeconds(60));
    for (int i = 0; i < 10; i++) {
      attempts.failed("auditor");
    }
    assertThat(attempts.lockedFor("auditor")).contains(Duration.ofMinutes(15));
  }

  @Test
  void aSuccessForgetsTheFailuresAndAccountsAreCountedApart() {
    for (int i = 0; i < 4; i++) {
      attempts.failed("cadre-0001");
      attempts.failed("cadre-0002");
    }
    attempts.succeeded("cadre-0001");
    attempts.failed("cadre-0001");
    attempts.failed("cadre-0002");
    assertThat(attempts.lockedFor("cadre-0001")).isEmpty();
    assertThat(attempts.lockedFor("cadre-0002")).isPresent();
  }
}
