package org.shouwang.audit.chain;

import java.time.Instant;

/**
 * One entry of the log as stored, hashed and exported.
 *
 * @param sequence 1, 2, 3... without gaps
 * @param appendedAt when the service appended it (microseconds)
 * @param occurredAt when it happened (microseconds), may be absent
 * @param kind {@code FAMILY:CODE}
 * @param householdId the household, may be absent
 * @param actor who did it, may be absent
 * @param sourceTopic the Kafka topic read, absent for the service's own entries
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param recordKey the Kafka key as text
 * @param detail more facts, may be absent
 * @param payload the exact bytes received, may be absent
 * @param prevHash the previous entry's hash ({@link CanonicalEncoding#GENESIS} for the first)
 * @param hash SHA-256 of this entry's canonical encoding, lower-case hex
 */
public record AuditEntry(
    long sequence,
    Instant appendedAt,
    Instant occurredAt,
    String kind,
    String householdId,
    String actor,
    String sourceTopic,
    Integer sourcePartition,
    Long sourceOffset,
    String recordKey,
    String detail,
    byte[] payload,
    String prevHash,
    String hash) {

  /** Chains a new entry after the given previous hash. */
  public static AuditEntry chain(long sequence, Instant appendedAt, NewEntry e, String prevHash) {
    AuditEntry unhashed = of(sequence, Texts.micros(appendedAt), e, prevHash, null);
    return unhashed.withHash(CanonicalEncoding.hash(unhashed));
  }

  /** A new entry at its place in the chain, with the hash already known (or null). */
  public static AuditEntry of(
      long sequence, Instant appendedAt, NewEntry e, String prevHash, String hash) {
    return new AuditEntry(
        sequence,
        appendedAt,
        e.occurredAt(),
        e.kind(),
        e.householdId(),
        e.actor(),
        e.sourceTopic(),
        e.sourcePartition(),
        e.sourceOffset(),
        e.recordKey(),
        e.detail(),
        e.payload(),
        prevHash,
        hash);
  }

  /** The same entry with the given hash. */
  public AuditEntry withHash(String newHash) {
    return new AuditEntry(
        sequence,
        appendedAt,
        occurredAt,
        kind,
        householdId,
        actor,
        sourceTopic,
        sourcePartition,
        sourceOffset,
        recordKey,
        detail,
        payload,
        prevHash,
        newHash);
  }
}
