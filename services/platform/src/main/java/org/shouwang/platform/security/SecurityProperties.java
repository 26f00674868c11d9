package org.shouwang.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.security}: the accounts allowed on {@code /api/**}.
 *
 * @param users accounts; passwords in Spring's {@code {id}encoded} form ({@code {bcrypt}...}, or
 *     {@code {noop}...} for demos)
 * @param demoUsers install the documented demo accounts when no user is configured; off unless
 *     {@code SHOUWANG_DEMO_USERS=true} (the standalone turns it on). With neither users nor demo
 *     accounts the service refuses to start.
 */
@Validated
@ConfigurationProperties("shouwang.security")
public record SecurityProperties(List<@Valid User> users, boolean demoUsers) {

  public SecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * One account.
   *
   * @param username login name
   * @param password encoded password
   * @param roles contract roles
   * @param cadreId for CADRE: the cadre id alerts name
   * @param townshipCode for SUPERVISOR: the township; empty for the county
   * @param department for INGEST: the department system
   */
  public record User(
      @NotBlank String username,
      @NotBlank String password,
      @NotEmpty Set<Role> roles,
      String cadreId,
      String townshipCode,
      String department) {}
}
