package org.shouwang.alerting.publishing;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shouwang.events.CaseEvent;
import org.shouwang.events.ContractSerdes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends case events to the outbox inside the caller's transaction. */
@Component
public class CaseEventOutbox {

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseEventOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records the event for publication; it is published only if the caller's transaction commits.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(CaseEvent event) {
    jdbc.sql("insert into case_event_outbox (household_id, payload, created_at) values (?, ?, ?)")
        .params(
            event.householdId(),
            new String(ContractSerdes.toJson(event), java.nio.charset.StandardCharsets.UTF_8),
            OffsetDateTime.now(clock))
        .update();
  }
}
