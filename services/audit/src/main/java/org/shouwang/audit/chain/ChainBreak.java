package org.shouwang.audit.chain;

/**
 * Where and why a chain first breaks.
 *
 * @param sequence the first entry that does not hold
 * @param problem what is wrong
 * @param reason a sentence an auditor understands
 */
public record ChainBreak(long sequence, Problem problem, String reason) {

  /** What can be wrong with an entry. */
  public enum Problem {
    /** The entry's fields no longer hash to its stored hash: it was changed. */
    HASH_MISMATCH,
    /**
     * Its prev_hash is not the previous entry's hash: an entry before it was removed, changed or
     * moved.
     */
    PREV_HASH_MISMATCH,
    /** A sequence number is missing: an entry was deleted. */
    SEQUENCE_GAP,
    /** Sequence numbers go backwards or repeat. */
    SEQUENCE_ORDER,
    /** The entry's hash differs from the checkpoint written outside the database: rewritten. */
    CHECKPOINT_MISMATCH,
    /** A checkpoint names an entry beyond the end of the log: the log was cut short. */
    CHECKPOINT_BEYOND_HEAD
  }
}
