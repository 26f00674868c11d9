package org.shouwang.alerting.cases;

import java.util.Set;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An action the case's state does not allow: 409 with the state and what would allow it. */
class IllegalTransitionException extends ResponseStatusException {

  IllegalTransitionException(CaseState state, CaseAction action, Set<CaseState> allowedFrom) {
    super(
        HttpStatus.CONFLICT,
        "The case is "
            + state
            + ": "
            + action
            + " is only possible from "
            + allowedFrom
            + (state.closed() ? " (the case is closed; a new alert opens a new case)" : ""));
  }
}
