package org.shouwang.audit.chain;

/**
 * The outcome of a chain walk.
 *
 * @param ok whether every entry checked holds
 * @param checkedEntries entries walked (up to the break)
 * @param firstSequence the first entry walked, {@code null} if none
 * @param headSequence the last entry that held, {@code null} if none
 * @param headHash its hash
 * @param checkpointsMatched checkpoints found and equal
 * @param gaps sequence jumps accepted (filtered exports only)
 * @param firstBreak where it breaks, {@code null} when ok
 */
public record VerificationResult(
    boolean ok,
    long checkedEntries,
    Long firstSequence,
    Long headSequence,
    String headHash,
    long checkpointsMatched,
    long gaps,
    ChainBreak firstBreak) {}
