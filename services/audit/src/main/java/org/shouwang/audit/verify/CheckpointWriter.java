package org.shouwang.audit.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.shouwang.audit.chain.ChainHead;
import org.shouwang.audit.store.AuditLog;
import org.shouwang.audit.store.AuditMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the chain head to the checkpoint file whenever it moved since the last checkpoint. */
public final class CheckpointWriter {

  private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);

  private final AuditLog auditLog;
  private final CheckpointFile file;
  private final AuditMetrics metrics;
  private final Clock clock;
  private Long lastSequence;

  public CheckpointWriter(
      AuditLog auditLog, CheckpointFile file, AuditMetrics metrics, Clock clock) {
    this.auditLog = auditLog;
    this.file = file;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Writes a checkpoint if the head moved; returns it. */
  public synchronized Optional<CheckpointFile.Checkpoint> writeIfMoved() {
    try {
      if (lastSequence == null) {
        List<CheckpointFile.Checkpoint> existing = file.readAll();
        lastSequence = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).sequence();
      }
      Optional<ChainHead> head = auditLog.head();
      if (head.isEmpty() || head.get().sequence() == lastSequence) {
        return Optional.empty();
      }
      CheckpointFile.Checkpoint written = file.append(head.get(), clock.instant());
      lastSequence = written.sequence();
      metrics.recordCheckpoint();
      // the log line is a second copy outside the database, wherever logs are shipped
      log.info("audit checkpoint: sequence {} hash {}", written.sequence(), written.hash());
      return Optional.of(written);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write checkpoint to " + file.path(), e);
    }
  }
}
