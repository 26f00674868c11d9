package org.shouwang.audit.chain;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends every read of the log to the log itself ({@code AUDIT_READ:SEARCH|EXPORT|VERIFY}): who,
 * with which roles, on which path, with which filters, and (for verifications) the outcome.
 */
public final class ReadAuditor {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditLog log;
  private final Clock clock;

  public ReadAuditor(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * Records a read; the filters with a {@code null} value are left out.
   *
   * @return the entry appended
   */
  public AuditEntry record(
      ReadKind kind,
      String user,
      Collection<String> roles,
      String path,
      Map<String, ?> filters,
      Map<String, ?> outcome) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("user", user);
    var roleArray = payload.putArray("roles");
    roles.stream().sorted().forEach(roleArray::add);
    payload.put("path", path);
    payload.set("filters", JSON.valueToTree(new TreeMap<>(withoutNulls(filters))));
    if (outcome != null && !outcome.isEmpty()) {
      payload.set("outcome", JSON.valueToTree(new TreeMap<>(withoutNulls(outcome))));
    }
    NewEntry entry =
        new NewEntry(
            clock.instant(),
            KindFamily.AUDIT_READ.kind(kind.name()),
            null,
            user,
            null,
            null,
            null,
            null,
            null,
            JSON.writeValueAsBytes(payload));
    return log.append(java.util.List.of(entry)).get(0);
  }

  private static Map<String, Object> withoutNulls(Map<String, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(k, v.toString());
          }
        });
    return out;
  }
}
