package org.shouwang.alerting.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The in-app inbox of the current user: every notification addressed to their user name (or, for a
 * cadre, their cadre id), newest first. Each message carries the console links of its cases.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

  /** The columns of a message, with its cases in the order their items were queued. */
  private static final String MESSAGE =
      "select i.id, i.title, i.body, i.created_at, i.read_at, array(select n.case_id from"
          + " notification_items n where n.notification_id = i.notification_id group by n.case_id"
          + " order by min(n.id)) as case_ids from inbox i";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CaseLinks links;

  InboxController(JdbcClient jdbc, Clock clock, CaseLinks links) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.links = links;
  }

  /**
   * One message.
   *
   * @param caseUrls the console page of each case the message is about
   */
  record InboxMessage(
      long id,
      String title,
      String body,
      OffsetDateTime createdAt,
      OffsetDateTime readAt,
      List<String> caseUrls) {}

  record Inbox(String recipient, long unread, List<InboxMessage> items) {}

  @GetMapping
  Inbox inbox(
      @AuthenticationPrincipal ShouwangUser user,
      @RequestParam(defaultValue = "false") boolean unreadOnly,
      @RequestParam(defaultValue = "50") int size) {
    List<String> me = recipients(user);
    List<InboxMessage> items =
        jdbc.sql(
                MESSAGE
                    + " where i.recipient = any(?)"
                    + (unreadOnly ? " and i.read_at is null" : "")
                    + " order by i.id desc limit ?")
            .params(me.toArray(String[]::new), Math.max(1, Math.min(size, 500)))
            .query(this::message)
            .list();
    long unread =
        jdbc.sql("select count(*) from inbox where recipient = any(?) and read_at is null")
            .param(me.toArray(String[]::new))
            .query(Long.class)
            .single();
    return new Inbox(user.getUsername(), unread, items);
  }

  @PostMapping("/{id}/read")
  InboxMessage markRead(@AuthenticationPrincipal ShouwangUser user, @PathVariable long id) {
    int updated =
        jdbc.sql(
                "update inbox set read_at = coalesce(read_at, ?) where id = ? and recipient ="
                    + " any(?)")
            .params(OffsetDateTime.now(clock), id, recipients(user).toArray(String[]::new))
            .update();
    if (updated == 0) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "No message " + id + " in your inbox");
    }
    return jdbc.sql(MESSAGE + " where i.id = ?").param(id).query(this::message).single();
  }

  private InboxMessage message(ResultSet row, int number) throws SQLException {
    UUID[] caseIds = (UUID[]) row.getArray("case_ids").getArray();
    return new InboxMessage(
        row.getLong("id"),
        row.getString("title"),
        row.getString("body"),
        row.getObject("created_at", OffsetDateTime.class),
        row.getObject("read_at", OffsetDateTime.class),
        Arrays.stream(caseIds).map(links::of).toList());
  }

  private static List<String> recipients(ShouwangUser user) {
    List<String> me = new ArrayList<>();
    me.add(user.getUsername());
    if (user.cadreId() != null && !user.cadreId().equals(user.getUsername())) {
      me.add(user.cadreId());
    }
    return me;
  }
}
