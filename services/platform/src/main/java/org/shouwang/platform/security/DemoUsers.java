package org.shouwang.platform.security;

import java.util.List;
import java.util.Set;
import org.shouwang.platform.security.SecurityProperties.User;

/** The demo accounts of the embedded default, documented in the README. */
final class DemoUsers {

  static final String PASSWORD = "{noop}shouwang";

  static final List<User> USERS =
      List.of(
          new User("ingest", PASSWORD, Set.of(Role.INGEST), null, null, null),
          new User(
              "medical-insurance", PASSWORD, Set.of(Role.INGEST), null, null, "MEDICAL_INSURANCE"),
          new User("civil-affairs", PASSWORD, Set.of(Role.INGEST), null, null, "CIVIL_AFFAIRS"),
          new User("cadre-0001", PASSWORD, Set.of(Role.CADRE), "cadre-0001", null, null),
          new User("cadre-0002", PASSWORD, Set.of(Role.CADRE), "cadre-0002", null, null),
          new User("supervisor", PASSWORD, Set.of(Role.SUPERVISOR), null, null, null),
          new User("supervisor-101", PASSWORD, Set.of(Role.SUPERVISOR), null, "430421101", null),
          new User("auditor", PASSWORD, Set.of(Role.AUDITOR), null, null, null),
          new User("admin", PASSWORD, Set.of(Role.ADMIN), null, null, null));

  private DemoUsers() {}
}
