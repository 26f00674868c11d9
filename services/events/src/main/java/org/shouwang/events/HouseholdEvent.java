package org.shouwang.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Something that happened to a household. Read it with {@link ContractReader}, which explains every
 * violation; the canonical constructor only guards the invariants code relies on.
 *
 * @param eventId unique id; sending it again changes nothing
 * @param householdId 1–64 characters of {@code [A-Za-z0-9-]}, the Kafka key
 * @param type what happened; decides the shape of {@code data}
 * @param occurredAt when it happened, with its offset
 * @param source who reported it
 * @param department the reporting department, when the source is {@link Source#DEPARTMENT}
 * @param data the type's payload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdEvent(
    String eventId,
    String householdId,
    EventType type,
    OffsetDateTime occurredAt,
    Source source,
    Department department,
    EventData data) {

  public HouseholdEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(data, "data");
    if (type == null) {
      type = EventType.of(data);
    } else if (!type.dataType().isInstance(data)) {
      throw new IllegalArgumentException(
          "type " + type + " does not carry " + data.getClass().getSimpleName());
    }
  }

  /** An event whose type follows from its data. */
  public static HouseholdEvent of(
      String eventId,
      String householdId,
      OffsetDateTime occurredAt,
      Source source,
      Department department,
      EventData data) {
    return new HouseholdEvent(eventId, householdId, null, occurredAt, source, department, data);
  }

  /** The data as the record of its type. */
  public <D extends EventData> D dataAs(Class<D> dataType) {
    return dataType.cast(data);
  }
}
