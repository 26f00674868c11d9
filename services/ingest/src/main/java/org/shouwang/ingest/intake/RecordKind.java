package org.shouwang.ingest.intake;

import org.shouwang.events.Topic;
import org.shouwang.events.Topics;

/** What a request carries: household events or subsidy payments. */
public enum RecordKind {
  HOUSEHOLD_EVENT("household-event", "eventId", Topics.HOUSEHOLD_EVENTS),
  SUBSIDY_PAYMENT("subsidy-payment", "paymentId", Topics.SUBSIDY_PAYMENTS);

  private final String tag;
  private final String idField;
  private final Topic<String, ?> topic;

  RecordKind(String tag, String idField, Topic<String, ?> topic) {
    this.tag = tag;
    this.idField = idField;
    this.topic = topic;
  }

  /** The kind as metrics and reports name it ({@code household-event}). */
  public String tag() {
    return tag;
  }

  /** The field holding the record's unique id. */
  public String idField() {
    return idField;
  }

  /** The contract topic the kind goes to (before the deployment's prefix). */
  public Topic<String, ?> topic() {
    return topic;
  }
}
