package org.shouwang.ingest.intake;

/** What became of one record. */
public enum RecordStatus {
  /** Valid and acknowledged by Kafka ({@code acks=all}): durably stored. */
  ACCEPTED,
  /**
   * Its id was accepted recently (or earlier in the same request), so it was not sent again:
   * resending is harmless.
   */
  DUPLICATE,
  /** It breaks the contract; nothing was written. The violations say why. */
  REJECTED,
  /** Valid, but Kafka did not acknowledge it: it may or may not be stored; resend it. */
  FAILED
}
