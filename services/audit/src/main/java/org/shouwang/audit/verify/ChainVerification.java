package org.shouwang.audit.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shouwang.audit.chain.ReadKind;
import org.shouwang.audit.chain.VerificationResult;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.ReadAuditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the chain (or a range) against the checkpoints, records the verification in the log and
 * reports it.
 */
public final class ChainVerification {

  private static final Logger log = LoggerFactory.getLogger(ChainVerification.class);

  private final AuditLog auditLog;
  private final CheckpointFile checkpoints;
  private final ReadAuditor reads;

  /**
   * What a verification found and what it took.
   *
   * @param result the walk's outcome
   * @param checkpointsKnown checkpoints read from outside the database
   * @param durationMillis how long the walk took
   */
  public record Report(VerificationResult result, int checkpointsKnown, long durationMillis) {}

  public ChainVerification(AuditLog auditLog, CheckpointFile checkpoints, ReadAuditor reads) {
    this.auditLog = auditLog;
    this.checkpoints = checkpoints;
    this.reads = reads;
  }

  /** Walks entries {@code from}..{@code to} (inclusive, both optional). */
  public Report verify(Long from, Long to, String user, Collection<String> roles, String path) {
    // checkpoints first: the walk's snapshot then holds every entry they name
    Map<Long, String> known;
    try {
      known = checkpoints == null ? Map.of() : CheckpointFile.asMap(checkpoints.readAll());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read checkpoints", e);
    }
    long started = System.nanoTime();
    VerificationResult result = auditLog.verify(from, to, known);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (result.ok()) {
      log.info(
          "audit chain verified: {} entries up to {} ({} checkpoints matched) in {} ms",
          result.checkedEntries(),
          result.headSequence(),
          result.checkpointsMatched(),
          millis);
    } else {
      log.error(
          "AUDIT CHAIN BROKEN at entry {}: {} {}",
          result.firstBreak().sequence(),
          result.firstBreak().problem(),
          result.firstBreak().reason());
    }
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("from", from);
    filters.put("to", to);
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("status", result.ok() ? "OK" : "BROKEN");
    outcome.put("checkedEntries", result.checkedEntries());
    outcome.put("headSequence", result.headSequence());
    outcome.put("headHash", result.headHash());
    if (!result.ok()) {
      outcome.put("brokenAt", result.firstBreak().sequence());
      outcome.put("problem", result.firstBreak().problem());
    }
    reads.record(ReadKind.VERIFY, user, roles, path, filters, outcome);
    return new Report(result, known.size(), millis);
  }

  /** The periodic verification by the service itself. */
  public Report verifyAsSystem() {
    return verify(null, null, "system", List.of(), "scheduled");
  }
}
