package org.shouwang.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An authenticated user with what scopes their access: the cadre id of a cadre, the township of a
 * township supervisor (none for the county), the department of a department system.
 */
public final class ShouwangUser implements UserDetails {

  private final String username;
  private final String password;
  private final Set<Role> roles;
  private final String cadreId;
  private final String townshipCode;
  private final String department;

  public ShouwangUser(
      String username,
      String password,
      Set<Role> roles,
      String cadreId,
      String townshipCode,
      String department) {
    this.username = username;
    this.password = password;
    this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    this.cadreId = cadreId;
    this.townshipCode = townshipCode;
    this.department = department;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public Set<Role> roles() {
    return roles;
  }

  /** The cadre id of a CADRE user, else {@code null}. */
  public String cadreId() {
    return cadreId;
  }

  /** The township of a township SUPERVISOR; {@code null} means the whole county. */
  public String townshipCode() {
    return townshipCode;
  }

  /** The department an INGEST user sends for, if any. */
  public String department() {
    return department;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
  }

  @Override
  public String getPassword() {
    return password;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public String toString() {
    return "ShouwangUser[" + username + " " + roles + "]";
  }
}
