package org.shouwang.console;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shouwang.console}: where the APIs and the databases read for lists and place names are,
 * and how logins are throttled.
 *
 * @param baseUrl the console's public address, as notifications link to it
 * @param alertingUrl base URL of the alerting API
 * @param auditUrl base URL of the audit API
 * @param zone the time zone pages show times in
 * @param pageSize cases per list page
 * @param alertingDatabase the alerting database, read only, for the case lists
 * @param auditDatabase the audit database, read only, for township and village names
 * @param login login throttling
 * @param namesRefresh how often new place names are looked for
 */
@ConfigurationProperties("shouwang.console")
public record ConsoleProperties(
    URI baseUrl,
    URI alertingUrl,
    URI auditUrl,
    ZoneId zone,
    int pageSize,
    Database alertingDatabase,
    Database auditDatabase,
    Login login,
    Duration namesRefresh) {

  public ConsoleProperties {
    baseUrl = baseUrl == null ? URI.create("http://localhost:8086") : baseUrl;
    alertingUrl = alertingUrl == null ? URI.create("http://localhost:8083") : alertingUrl;
    auditUrl = auditUrl == null ? URI.create("http://localhost:8084") : auditUrl;
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    pageSize = pageSize <= 0 ? 50 : pageSize;
    alertingDatabase =
        alertingDatabase == null
            ? new Database("jdbc:postgresql://localhost:5432/alerting", "postgres", "postgres")
            : alertingDatabase;
    auditDatabase =
        auditDatabase == null
            ? new Database("jdbc:postgresql://localhost:5432/audit", "postgres", "postgres")
            : auditDatabase;
    login = login == null ? new Login(0, null, null) : login;
    namesRefresh = namesRefresh == null ? Duration.ofMinutes(1) : namesRefresh;
  }

  /** A database read with a small read-only pool. */
  public record Database(String url, String username, String password) {}

  /**
   * Throttling of wrong passwords.
   *
   * @param maxFailures failures in a row before an account is slowed down
   * @param lockout how long the account then refuses logins; doubles with every further failure
   * @param maxLockout the longest lockout
   */
  public record Login(int maxFailures, Duration lockout, Duration maxLockout) {
    public Login {
      maxFailures = maxFailures <= 0 ? 5 : maxFailures;
      lockout = lockout == null ? Duration.ofSeconds(30) : lockout;
      maxLockout = maxLockout == null ? Duration.ofMinutes(15) : maxLockout;
    }
  }
}
