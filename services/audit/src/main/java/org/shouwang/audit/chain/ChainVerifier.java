package org.shouwang.audit.chain;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.shouwang.audit.chain.ChainBreak.Problem;

/**
 * Walks entries in sequence order, recomputes each hash and checks each link, stopping at the first
 * break. Holds one entry at a time, so a walk over any number of entries needs constant memory.
 */
public final class ChainVerifier {

  private final NavigableMap<Long, String> checkpoints;
  private final boolean allowGaps;
  private Long expectedSequence;
  private String expectedPrevHash;
  private long checked;
  private long matched;
  private long gaps;
  private Long firstSequence;
  private Long headSequence;
  private String headHash;
  private ChainBreak firstBreak;

  private ChainVerifier(
      Long expectedSequence,
      String expectedPrevHash,
      Map<Long, String> checkpoints,
      boolean allowGaps) {
    this.expectedSequence = expectedSequence;
    this.expectedPrevHash = expectedPrevHash;
    this.checkpoints = new TreeMap<>(checkpoints);
    this.allowGaps = allowGaps;
  }

  /** A walk from entry 1, which must link to {@link CanonicalEncoding#GENESIS}. */
  public static ChainVerifier fromGenesis(Map<Long, String> checkpoints) {
    return new ChainVerifier(1L, CanonicalEncoding.GENESIS, checkpoints, false);
  }

  /**
   * A walk from the given entry; {@code prevHash} is the hash of the entry before it, or {@code
   * null} to trust the first entry's {@code prev_hash}.
   */
  public static ChainVerifier from(long sequence, String prevHash, Map<Long, String> checkpoints) {
    return sequence <= 1
        ? fromGenesis(checkpoints)
        : new ChainVerifier(sequence, prevHash, checkpoints, false);
  }

  /**
   * A walk over a filtered export: sequence jumps are allowed (the link is checked only between
   * consecutive entries), every entry's own hash still is.
   */
  public static ChainVerifier allowingGaps(Map<Long, String> checkpoints) {
    return new ChainVerifier(null, null, checkpoints, true);
  }

  /** Checks the next entry; {@code false} once the chain is broken (later entries are ignored). */
  public boolean accept(AuditEntry e) {
    if (firstBreak != null) {
      return false;
    }
    return accept(e.sequence(), e.prevHash(), e.hash(), CanonicalEncoding.hash(e));
  }

  /**
   * Checks the next entry whose hash the caller recomputed already (the database walk hashes the
   * rows as they arrive, without building entries); {@code false} once the chain is broken.
   *
   * @param sequence its sequence number
   * @param prevHash its stored link
   * @param hash its stored hash
   * @param recomputed the hash of its canonical encoding
   */
  public boolean accept(long sequence, String prevHash, String hash, String recomputed) {
    if (firstBreak != null) {
      return false;
    }
    if (expectedSequence == null && sequence == 1) {
      // a filtered export that starts at the beginning still starts from the genesis link
      expectedPrevHash = CanonicalEncoding.GENESIS;
    }
    if (expectedSequence != null && sequence != expectedSequence) {
      if (sequence < expectedSequence) {
        return broken(
            sequence,
            Problem.SEQUENCE_ORDER,
            "entry " + sequence + " comes after entry " + (expectedSequence - 1));
      }
      if (!allowGaps) {
        return broken(
            expectedSequence,
            Problem.SEQUENCE_GAP,
            "entry "
                + expectedSequence
                + " is missing: the next entry is "
                + sequence
                + " (deleted?)");
      }
      gaps++;
      expectedPrevHash = null;
    }
    if (expectedPrevHash != null && !expectedPrevHash.equals(prevHash)) {
      return broken(
          sequence,
          Problem.PREV_HASH_MISMATCH,
          "entry "
              + sequence
              + " links to "
              + prevHash
              + " but the previous entry's hash is "
              + expectedPrevHash
              + " (an entry before it was removed, changed or moved)");
    }
    if (!recomputed.equals(hash)) {
      return broken(
          sequence,
          Problem.HASH_MISMATCH,
          "entry "
              + sequence
              + " stores hash "
              + hash
              + " but its fields hash to "
              + recomputed
              + " (the entry was changed)");
    }
    String checkpoint = checkpoints.isEmpty() ? null : checkpoints.get(sequence);
    if (checkpoint != null) {
      if (!checkpoint.equals(hash)) {
        return broken(
            sequence,
            Problem.CHECKPOINT_MISMATCH,
            "entry "
                + sequence
                + " has hash "
                + hash
                + " but the checkpoint written outside the database says "
                + checkpoint
                + " (the log was rewritten)");
      }
      matched++;
    }
    if (firstSequence == null) {
      firstSequence = sequence;
    }
    checked++;
    headSequence = sequence;
    headHash = hash;
    expectedSequence = sequence + 1;
    expectedPrevHash = hash;
    return true;
  }

  /**
   * The result; with {@code reachedEnd} (the walk went to the last entry of the log) a checkpoint
   * beyond the last entry means the log was cut short.
   */
  public VerificationResult finish(boolean reachedEnd) {
    if (firstBreak == null && reachedEnd && !checkpoints.isEmpty()) {
      long last = headSequence == null ? 0 : headSequence;
      Map.Entry<Long, String> beyond = checkpoints.lastEntry();
      if (beyond.getKey() > last) {
        broken(
            last + 1,
            Problem.CHECKPOINT_BEYOND_HEAD,
            "the log ends at entry "
                + last
                + " but a checkpoint written outside the database names entry "
                + beyond.getKey()
                + " (entries were removed from the end)");
      }
    }
    return new VerificationResult(
        firstBreak == null,
        checked,
        firstSequence,
        headSequence,
        headHash,
        matched,
        gaps,
        firstBreak);
  }

  private boolean broken(long sequence, Problem problem, String reason) {
    firstBreak = new ChainBreak(sequence, problem, reason);
    return false;
  }
}
