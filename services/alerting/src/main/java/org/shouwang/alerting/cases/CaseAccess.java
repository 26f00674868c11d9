package org.shouwang.alerting.cases;

import java.util.ArrayList;
import java.util.List;
import org.shouwang.events.Audience;
import org.shouwang.platform.security.Role;
import org.shouwang.platform.security.ShouwangUser;

/**
 * Who may see and work which case. A cadre: CADRE cases of their own households only, never an
 * AUDITOR case. A supervisor: CADRE cases of their township ({@code null} township: the county). An
 * auditor reads everything and works AUDITOR cases. An admin does everything.
 */
public final class CaseAccess {

  private CaseAccess() {}

  /** What a user may see, as an SQL predicate over the given table alias, and its parameters. */
  public record Scope(String predicate, List<Object> params) {}

  static boolean canRead(ShouwangUser user, CaseRow c) {
    return canRead(user, c.audience(), c.townshipCode(), c.cadreId());
  }

  /** Whether the user may see a case or alert of this audience, township and cadre. */
  public static boolean canRead(
      ShouwangUser user, Audience audience, String townshipCode, String cadreId) {
    if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
      return true;
    }
    if (audience != Audience.CADRE) {
      return false;
    }
    if (user.has(Role.SUPERVISOR)
        && (user.townshipCode() == null || user.townshipCode().equals(townshipCode))) {
      return true;
    }
    return user.has(Role.CADRE) && user.cadreId() != null && user.cadreId().equals(cadreId);
  }

  /** Whether the user may work the case (auditors work only audit findings). */
  static boolean canAct(ShouwangUser user, CaseRow c) {
    if (user.has(Role.ADMIN)) {
      return true;
    }
    if (user.has(Role.AUDITOR) && c.audience() == Audience.AUDITOR) {
      return true;
    }
    return c.audience() == Audience.CADRE
        && (user.has(Role.SUPERVISOR) || user.has(Role.CADRE))
        && canRead(user, c);
  }

  /**
   * Whether the case must look absent to the user: an audit finding is never revealed to anyone
   * outside the audit office (the household's cadre may be involved).
   */
  static boolean hidden(ShouwangUser user, CaseRow c) {
    return c.audience() == Audience.AUDITOR && !(user.has(Role.ADMIN) || user.has(Role.AUDITOR));
  }

  /** The rows the user may see, for list queries on a table with audience/township/cadre. */
  public static Scope scope(ShouwangUser user, String alias) {
    if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
      return new Scope("true", List.of());
    }
    List<String> any = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (user.has(Role.SUPERVISOR)) {
      if (user.townshipCode() == null) {
        any.add("true");
      } else {
        any.add(alias + ".township_code = ?");
        params.add(user.townshipCode());
      }
    }
    if (user.has(Role.CADRE) && user.cadreId() != null) {
      any.add(alias + ".cadre_id = ?");
      params.add(user.cadreId());
    }
    if (any.isEmpty()) {
      return new Scope("false", List.of());
    }
    return new Scope(
        "(" + alias + ".audience = 'CADRE' and (" + String.join(" or ", any) + "))", params);
  }
}
