package org.shouwang.console.places;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shouwang.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Township and village names by code, read from the HOUSEHOLD_REGISTERED entries of the audit log
 * (alerts and cases carry only codes). Only the code-to-name pairs are kept, never anything about a
 * household, so a name shown to a cadre reveals nothing of another household. New registrations are
 * picked up incrementally (by sequence number) at most every {@code names-refresh}.
 */
@Component
public class PlaceNames {

  private static final Logger log = LoggerFactory.getLogger(PlaceNames.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String KIND = "HOUSEHOLD_EVENT:HOUSEHOLD_REGISTERED";

  private final JdbcClient audit;
  private final ConsoleProperties properties;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, String> townships = new ConcurrentHashMap<>();
  private final Map<String, String> villages = new ConcurrentHashMap<>();
  private volatile long lastSequence;
  private volatile Instant nextRefresh = Instant.MIN;

  PlaceNames(@Qualifier("auditDatabase") JdbcClient audit, ConsoleProperties properties) {
    this.audit = audit;
    this.properties = properties;
  }

  /** The township's name, else its code. */
  public String township(String code) {
    return code == null ? "" : refreshed().townships.getOrDefault(code, code);
  }

  /** The village's name, else its code. */
  public String village(String code) {
    return code == null ? "" : refreshed().villages.getOrDefault(code, code);
  }

  /** Every known township, code to name, sorted by code. */
  public Map<String, String> townships() {
    return new java.util.TreeMap<>(refreshed().townships);
  }

  /** Every known village of a township (all when {@code null}), code to name. */
  public Map<String, String> villages(String townshipCode) {
    Map<String, String> result = new java.util.TreeMap<>();
    refreshed()
        .villages
        .forEach(
            (code, name) -> {
              if (townshipCode == null || code.startsWith(townshipCode)) {
                result.put(code, name);
              }
            });
    return result;
  }

  /** Forgets the refresh interval once: the next lookup reads new registrations. */
  public void refreshSoon() {
    nextRefresh = Instant.MIN;
  }

  /**
   * The latest registration of one household (members, labourers...), for the case page of a case
   * the user was just allowed to read by the case API.
   */
  public Optional<JsonNode> registration(String householdId) {
    try {
      return audit
          .sql(
              "select payload from audit_log where household_id = ? and kind = ?"
                  + " order by seq desc limit 1")
          .params(householdId, KIND)
          .query((rs, i) -> JSON.readTree(new String(rs.getBytes(1), StandardCharsets.UTF_8)))
          .optional()
          .map(event -> event.path("data"));
    } catch (RuntimeException e) {
      log.warn("Could not read the registration of {}: {}", householdId, e.getMessage());
      return Optional.empty();
    }
  }

  private PlaceNames refreshed() {
    Instant now = clock.instant();
    if (now.isBefore(nextRefresh)) {
      return this;
    }
    synchronized (this) {
      if (now.isBefore(nextRefresh)) {
        return this;
      }
      try {
        audit
            .sql("select seq, payload from audit_log where kind = ? and seq > ? order by seq")
            .params(KIND, lastSequence)
            .query(
                rs -> {
                  lastSequence = Math.max(lastSequence, rs.getLong(1));
                  remember(rs.getBytes(2));
                });
        nextRefresh = now.plus(properties.namesRefresh());
      } catch (RuntimeException e) {
        // names are a convenience: show codes rather than fail the page, try again soon
        log.warn("Could not read place names from the audit database: {}", e.getMessage());
        nextRefresh = now.plusSeconds(5);
      }
    }
    return this;
  }

  private void remember(byte[] payload) {
    try {
      JsonNode data = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("data");
      put(townships, data.path("townshipCode"), data.path("townshipName"));
      put(villages, data.path("villageCode"), data.path("villageName"));
    } catch (RuntimeException notJson) {
      // a registration that is not JSON is a dead letter's business, not a name
    }
  }

  private static void put(Map<String, String> names, JsonNode code, JsonNode name) {
    if (code.isString() && name.isString() && !name.asString().isBlank()) {
      names.put(code.asString(), name.asString());
    }
  }
}
