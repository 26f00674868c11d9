package org.shouwang.alerting.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * cadre, their cadre id), newest first.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxController {

  private final JdbcClient jdbc;
  private final Clock clock;

  InboxController(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record InboxMessage(
      long id, String title, String body, OffsetDateTime createdAt, OffsetDateTime readAt) {}

  record Inbox(String recipient, long unread, List<InboxMessage> items) {}

  @GetMapping
  Inbox inbox(
      @AuthenticationPrincipal ShouwangUser user,
      @RequestParam(defaultValue = "false") boolean unreadOnly,
      @RequestParam(defaultValue = "50") int size) {
    List<String> me = recipients(user);
    List<InboxMessage> items =
        jdbc.sql(
                "select id, title, body, created_at, read_at from inbox where recipient = any(?)"
                    + (unreadOnly ? " and read_at is null" : "")
                    + " order by id desc limit ?")
            .params(me.toArray(String[]::new), Math.max(1, Math.min(size, 500)))
            .query(InboxMessage.class)
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
    return jdbc.sql("select id, title, body, created_at, read_at from inbox where id = ?")
        .param(id)
        .query(InboxMessage.class)
        .single();
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
