package org.shouwang.standalone;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The household events of the crash and scale-out tests, as contract JSON: a household registered,
 * then its housing appraised C or D a second later, so that each household gets exactly one
 * UNSAFE_HOUSING alert. Event ids are derived from the household and the type, so a resend carries
 * the same ids.
 */
final class UnsafeHousingEvents {

  private UnsafeHousingEvents() {}

  /** The registration and the appraisal of one household, in that order. */
  static List<String> of(
      String household, OffsetDateTime at, String township, String cadreId, String grade) {
    return List.of(
        event(
            household,
            "HOUSEHOLD_REGISTERED",
            at,
            "\"source\":\"SYSTEM\"",
            "{\"townshipCode\":\""
                + township
                + "\",\"townshipName\":\"乡镇"
                + township
                + "\",\"villageCode\":\""
                + township
                + "201\",\"villageName\":\"试点村\",\"members\":4,\"labourers\":2,"
                + "\"formerlyPoor\":false,\"cadreId\":\""
                + cadreId
                + "\"}"),
        event(
            household,
            "HOUSING_ASSESSED",
            at.plusSeconds(1),
            "\"source\":\"DEPARTMENT\",\"department\":\"HOUSING\"",
            "{\"grade\":\"" + grade + "\"}"));
  }

  private static String event(
      String household, String type, OffsetDateTime at, String source, String data) {
    UUID id = UUID.nameUUIDFromBytes((household + "/" + type).getBytes(StandardCharsets.UTF_8));
    return "{\"eventId\":\""
        + id
        + "\",\"householdId\":\""
        + household
        + "\",\"type\":\""
        + type
        + "\",\"occurredAt\":\""
        + at
        + "\","
        + source
        + ",\"data\":"
        + data
        + "}";
  }
}
