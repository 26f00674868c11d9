package org.shouwang.alerting.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.Topics;
import org.shouwang.events.Validated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends household events that case work produces to the outbox inside the caller's transaction;
 * the case-event relay sends them to {@code household.events}. An event is checked against the
 * contract ({@link ContractReader}) before it is written, so nothing invalid ever reaches the
 * topic, and its {@code eventId} is unique in the outbox, so appending the same event twice keeps
 * one row.
 */
@Component
public class HouseholdEventOutbox {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ContractReader reader;

  HouseholdEventOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.reader = new ContractReader(clock);
  }

  /**
   * Records the event for publication; it is published only if the caller's transaction commits.
   *
   * @return false when an event with the same id was already recorded (nothing changed)
   * @throws IllegalArgumentException when the event breaks the contract
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean append(HouseholdEvent event) {
    byte[] json = ContractSerdes.toJson(event);
    Validated<HouseholdEvent> checked = reader.readHouseholdEvent(json);
    if (!checked.isValid()) {
      throw new IllegalArgumentException(
          "Household event "
              + event.eventId()
              + " of household "
              + event.householdId()
              + " breaks the contract: "
              + checked.violations().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining("; ")));
    }
    return jdbc.sql(
                "insert into case_event_outbox (household_id, payload, created_at, topic, event_id)"
                    + " values (?, ?, ?, ?, ?) on conflict (event_id) where event_id is not null"
                    + " do nothing")
            .params(
                event.householdId(),
                new String(json, StandardCharsets.UTF_8),
                OffsetDateTime.now(clock),
                Topics.HOUSEHOLD_EVENTS.name(),
                event.eventId())
            .update()
        == 1;
  }
}
