package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.SubsidyPayment;

/** One contract record of the simulation: a household event or a subsidy payment. */
public sealed interface SimRecord {

  /** The two kinds, one per input topic. */
  enum Kind {
    EVENT,
    PAYMENT
  }

  /** The event id or payment id. */
  String id();

  /** The household, the Kafka key. */
  String householdId();

  /** When it happened: {@code occurredAt} or {@code paidAt}. */
  OffsetDateTime at();

  Kind kind();

  /** The event type or the programme: a closed set, usable as a metric tag. */
  String type();

  /** The contract record itself. */
  Object value();

  /** A household event. */
  record Event(HouseholdEvent event) implements SimRecord {
    @Override
    public String id() {
      return event.eventId();
    }

    @Override
    public String householdId() {
      return event.householdId();
    }

    @Override
    public OffsetDateTime at() {
      return event.occurredAt();
    }

    @Override
    public Kind kind() {
      return Kind.EVENT;
    }

    @Override
    public String type() {
      return event.type().name();
    }

    @Override
    public Object value() {
      return event;
    }
  }

  /** A subsidy payment. */
  record Payment(SubsidyPayment payment) implements SimRecord {
    @Override
    public String id() {
      return payment.paymentId();
    }

    @Override
    public String householdId() {
      return payment.householdId();
    }

    @Override
    public OffsetDateTime at() {
      return payment.paidAt();
    }

    @Override
    public Kind kind() {
      return Kind.PAYMENT;
    }

    @Override
    public String type() {
      return payment.programme().name();
    }

    @Override
    public Object value() {
      return payment;
    }
  }
}
