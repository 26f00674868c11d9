package org.shouwang.alerting.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shouwang.platform.security.Role;
import org.shouwang.platform.security.ShouwangUser;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The inbox API gives each message the console links of its cases, on the real schema. */
class InboxControllerIntegrationTests {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-03T09:00:00+08:00");
  private static final ShouwangUser CADRE =
      new ShouwangUser("cadre-0001", "{noop}x", Set.of(Role.CADRE), "cadre-0001", null, null);

  private static JdbcClient jdbc;
  private static InboxController inbox;

  @BeforeAll
  static void migrate() {
    SharedPostgres.Database database = SharedPostgres.newDatabase("inbox");
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .locations("classpath:db/migration/alerting")
        .load()
        .migrate();
    jdbc =
        JdbcClient.create(
            new DriverManagerDataSource(
                database.jdbcUrl(), database.username(), database.password()));
    inbox =
        new InboxController(
            jdbc,
            Clock.fixed(Instant.parse("2026-03-03T02:00:00Z"), ZoneOffset.UTC),
            new CaseLinks("https://console.example"));
  }

  @Test
  void linksEveryCaseOfAMessageInTheOrderItsItemsCame() {
    UUID first = newCase("430421-101-00123");
    UUID second = newCase("430421-101-00145");
    long message = message(first, second, first);

    InboxController.InboxMessage item =
        inbox.inbox(CADRE, false, 50).items().stream()
            .filter(m -> m.id() == message)
            .findFirst()
            .orElseThrow();

    assertThat(item.caseUrls())
        .containsExactly(
            "https://console.example/cases/" + first, "https://console.example/cases/" + second);
  }

  @Test
  void keepsTheLinksWhenAMessageIsMarkedRead() {
    UUID only = newCase("430421-101-00167");
    long message = message(only);

    InboxController.InboxMessage read = inbox.markRead(CADRE, message);

    assertThat(read.readAt()).isNotNull();
    assertThat(read.caseUrls()).containsExactly("https://console.example/cases/" + only);
  }

  private static UUID newCase(String household) {
    UUID caseId = UUID.randomUUID();
    jdbc.sql(
            "insert into cases (case_id, household_id, audience, state, severity, cadre_id,"
                + " opened_at, updated_at) values (?, ?, 'CADRE', 'OPEN', 'HIGH', 'cadre-0001', ?,"
                + " ?)")
        .params(caseId, household, NOW, NOW)
        .update();
    return caseId;
  }

  /** A composed notification with one item per case given, and its inbox copy; the inbox id. */
  private static long message(UUID... cases) {
    long notification =
        jdbc.sql(
                "insert into notifications (recipient, created_at, send_after, status, title,"
                    + " body, next_attempt_at) values ('cadre-0001', ?, ?, 'SENT', '守望预警',"
                    + " '正文', ?) returning id")
            .params(NOW, NOW, NOW)
            .query(Long.class)
            .single();
    for (UUID caseId : cases) {
      jdbc.sql(
              "insert into notification_items (notification_id, case_id, kind, text, created_at)"
                  + " values (?, ?, 'ALERT', '条目', ?)")
          .params(notification, caseId, NOW)
          .update();
    }
    return jdbc.sql(
            "insert into inbox (recipient, notification_id, title, body, created_at)"
                + " values ('cadre-0001', ?, '守望预警', '正文', ?) returning id")
        .params(notification, NOW)
        .query(Long.class)
        .single();
  }
}
