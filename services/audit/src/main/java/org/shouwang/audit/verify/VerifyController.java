package org.shouwang.audit.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shouwang.audit.chain.ChainBreak;
import org.shouwang.audit.chain.VerificationResult;
import org.shouwang.audit.store.ReadAuditor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/audit/verify}: walks the chain and says where it first breaks, if anywhere.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class VerifyController {

  private final ChainVerification verification;

  VerifyController(ChainVerification verification) {
    this.verification = verification;
  }

  /**
   * The answer.
   *
   * @param status {@code OK} or {@code BROKEN}
   * @param checkedEntries entries that held
   * @param fromSequence the first entry walked
   * @param headSequence the last entry that held
   * @param headHash its hash
   * @param checkpointsKnown checkpoints read from outside the database
   * @param checkpointsMatched those compared and equal
   * @param durationMillis time taken
   * @param firstBreak where and why it breaks; absent when OK
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VerifyResponse(
      String status,
      long checkedEntries,
      Long fromSequence,
      Long headSequence,
      String headHash,
      int checkpointsKnown,
      long checkpointsMatched,
      long durationMillis,
      ChainBreak firstBreak) {}

  @GetMapping("/api/v1/audit/verify")
  VerifyResponse verify(
      @RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to,
      Authentication user) {
    if (from != null && from < 1 || to != null && to < 1) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "parameters 'from' and 'to' are sequence numbers, 1 or more");
    }
    if (from != null && to != null && from > to) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "parameter 'from' must not be after 'to'");
    }
    ChainVerification.Report report =
        verification.verify(
            from, to, user.getName(), ReadAuditor.roles(user), "/api/v1/audit/verify");
    VerificationResult r = report.result();
    return new VerifyResponse(
        r.ok() ? "OK" : "BROKEN",
        r.checkedEntries(),
        r.firstSequence(),
        r.headSequence(),
        r.headHash(),
        report.checkpointsKnown(),
        r.checkpointsMatched(),
        report.durationMillis(),
        r.firstBreak());
  }
}
