package org.shouwang.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without accounts into Spring Boot's "APPLICATION FAILED TO START" report saying how
 * to configure them, instead of a bean-creation stack trace.
 */
class NoAccountsConfiguredFailureAnalyzer
    extends AbstractFailureAnalyzer<NoAccountsConfiguredException> {

  static final String ACTION =
      "Configure the accounts allowed on /api/** in shouwang.security.users, for example\n"
          + "  shouwang.security.users[0].username=auditor\n"
          + "  shouwang.security.users[0].password={bcrypt}...\n"
          + "  shouwang.security.users[0].roles=AUDITOR\n"
          + "or, for a demo only, set the environment variable SHOUWANG_DEMO_USERS=true"
          + " (shouwang.security.demo-users=true) to install the README's demo accounts.";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, NoAccountsConfiguredException cause) {
    return new FailureAnalysis(
        "No accounts are configured: shouwang.security.users is empty and the demo accounts are"
            + " off (shouwang.security.demo-users=false, the default outside the standalone).",
        ACTION,
        cause);
  }
}
