package org.shouwang.console.security;

import org.shouwang.platform.security.Role;
import org.shouwang.platform.security.ShouwangUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The logged-in user and the password they logged in with (kept server-side in the session), to
 * call the APIs as them.
 */
public record CurrentUser(ShouwangUser user, String password) {

  /** The user of the current request. */
  public static CurrentUser get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !(authentication.getPrincipal() instanceof ShouwangUser user)
        || !(authentication.getCredentials() instanceof String password)) {
      throw new IllegalStateException("no logged-in user");
    }
    return new CurrentUser(user, password);
  }

  public String username() {
    return user.getUsername();
  }

  public boolean cadre() {
    return user.has(Role.CADRE);
  }

  public boolean supervisor() {
    return user.has(Role.SUPERVISOR);
  }

  public boolean auditor() {
    return user.has(Role.AUDITOR) || user.has(Role.ADMIN);
  }

  public boolean admin() {
    return user.has(Role.ADMIN);
  }

  /** Whether the user has a role the console serves (not a department system). */
  public boolean consoleUser() {
    return cadre() || supervisor() || auditor();
  }

  /** The role's Chinese name for the header. */
  public String roleName() {
    if (admin()) {
      return "系统管理员";
    }
    if (user.has(Role.AUDITOR)) {
      return "审计人员";
    }
    if (supervisor()) {
      return user.townshipCode() == null ? "县级督导" : "乡镇督导";
    }
    if (cadre()) {
      return "帮扶干部";
    }
    return "接口账号";
  }
}
