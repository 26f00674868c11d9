package org.shouwang.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shouwang.console.ConsoleProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords in a row per account. After {@code maxFailures} of them the account refuses
 * logins for {@code lockout}, doubled with every further failure up to {@code maxLockout}: a
 * guesser is slowed to a handful of tries an hour while the owner waits at most minutes. Kept in
 * memory: a restart forgives, which is acceptable for a throttle (not an account lock).
 */
@Component
class LoginAttempts {

  private record Failures(int count, Instant lockedUntil) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final ConsoleProperties.Login settings;
  private final Clock clock;

  @Autowired
  LoginAttempts(ConsoleProperties properties) {
    this(properties.login(), Clock.systemUTC());
  }

  LoginAttempts(ConsoleProperties.Login settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the account still refuses logins, if it does. */
  Optional<Duration> lockedFor(String username) {
    Failures f = failures.get(username);
    if (f == null || f.lockedUntil() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), f.lockedUntil());
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  void failed(String username) {
    failures.compute(
        username,
        (name, before) -> {
          int count = before == null ? 1 : before.count() + 1;
          Instant lockedUntil = null;
          if (count >= settings.maxFailures()) {
            int beyond = Math.min(count - settings.maxFailures(), 20);
            Duration lock = settings.lockout().multipliedBy(1L << beyond);
            if (lock.compareTo(settings.maxLockout()) > 0) {
              lock = settings.maxLockout();
            }
            lockedUntil = clock.instant().plus(lock);
          }
          return new Failures(count, lockedUntil);
        });
  }

  void succeeded(String username) {
    failures.remove(username);
  }
}
