package org.shouwang.platform.security;

/** Thrown at startup when neither accounts nor the demo accounts are configured. */
class NoAccountsConfiguredException extends IllegalStateException {

  static final String MESSAGE =
      "No accounts configured: set shouwang.security.users (e.g."
          + " shouwang.security.users[0].username, .password, .roles) or, for a demo, start with"
          + " SHOUWANG_DEMO_USERS=true to install the demo accounts.";

  NoAccountsConfiguredException() {
    super(MESSAGE);
  }
}
