package org.shouwang.audit.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.KindFamily;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.chain.ReadKind;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
    return log.append(List.of(entry)).get(0);
  }

  /** Records a read by an authenticated caller: its name and roles ({@code ROLE_} taken off). */
  public AuditEntry record(
      ReadKind kind,
      Authentication user,
      String path,
      Map<String, ?> filters,
      Map<String, ?> outcome) {
    return record(kind, user.getName(), roles(user), path, filters, outcome);
  }

  /** The caller's roles without Spring's {@code ROLE_} prefix, as the entries name them. */
  public static List<String> roles(Authentication user) {
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
        .toList();
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
