package org.shouwang.audit.search;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request parameter that cannot be used; answered as a 400 problem naming it. */
public class BadQueryException extends ResponseStatusException {

  public BadQueryException(String reason) {
    super(HttpStatus.BAD_REQUEST, reason);
  }
}
