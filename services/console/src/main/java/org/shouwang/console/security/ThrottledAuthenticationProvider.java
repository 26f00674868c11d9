package org.shouwang.console.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The platform's accounts and password check, refused outright while an account is slowed down
 * after wrong passwords. The password stays in the authentication (credentials are not erased): the
 * console calls the APIs with it as the user, from the server-side session only.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginAttempts attempts;

  ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
    this.passwords = passwords;
    this.attempts = attempts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    var locked = attempts.lockedFor(username);
    if (locked.isPresent()) {
      throw new ThrottledException(locked.get());
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      attempts.succeeded(username);
      return UsernamePasswordAuthenticationToken.authenticated(
          result.getPrincipal(), authentication.getCredentials(), result.getAuthorities());
    } catch (BadCredentialsException e) {
      attempts.failed(username);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The account is slowed down; carries how long for the message. */
  static final class ThrottledException extends LockedException {
    private final transient Duration remaining;

    ThrottledException(Duration remaining) {
      super("too many wrong passwords");
      this.remaining = remaining;
    }

    Duration remaining() {
      return remaining;
    }
  }
}
