package org.shouwang.audit.chain;

import java.time.Instant;
import java.util.Objects;

/**
 * What an entry says before the chain gives it a sequence number, an append time and hashes. Fields
 * are normalised here ({@link Texts}) so the hashed values are exactly the stored ones.
 *
 * @param occurredAt when it happened, as the record says (or the Kafka timestamp)
 * @param kind {@code FAMILY:CODE}
 * @param householdId the household concerned, if any
 * @param actor who did it: a department, a payer, a user, {@code risk-engine}, {@code system}
 * @param sourceTopic the Kafka topic read, {@code null} for entries the service writes itself
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param recordKey the Kafka key as text
 * @param detail more facts (a dead letter's headers as JSON)
 * @param payload the record value exactly as received, or the read's description
 */
public record NewEntry(
    Instant occurredAt,
    String kind,
    String householdId,
    String actor,
    String sourceTopic,
    Integer sourcePartition,
    Long sourceOffset,
    String recordKey,
    String detail,
    byte[] payload) {

  public NewEntry {
    Objects.requireNonNull(kind, "kind");
    if ((sourceTopic == null) != (sourcePartition == null)
        || (sourceTopic == null) != (sourceOffset == null)) {
      throw new IllegalArgumentException("source topic, partition and offset go together");
    }
    occurredAt = Texts.micros(occurredAt);
    kind = Texts.clean(kind, 128);
    householdId = Texts.clean(householdId, 128);
    actor = Texts.clean(actor, 128);
    sourceTopic = Texts.clean(sourceTopic, 255);
    recordKey = Texts.clean(recordKey, 256);
    detail = Texts.clean(detail, 8192);
  }

  /** Whether it came from Kafka (and is idempotent on topic, partition and offset). */
  public boolean fromKafka() {
    return sourceTopic != null;
  }
}
