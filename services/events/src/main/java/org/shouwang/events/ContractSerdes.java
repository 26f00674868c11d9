package org.shouwang.events;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Kafka serdes for the contract's records, on Jackson 3. Deserializers validate and throw a {@link
 * ContractViolationException} listing every violation, so a poison pill reaches a dead-letter topic
 * with its reasons instead of stopping a consumer.
 */
public final class ContractSerdes {

  private static final ContractReader READER = new ContractReader();

  private ContractSerdes() {}

  public static Serde<HouseholdEvent> householdEvent() {
    return serde(READER::readHouseholdEvent);
  }

  public static Serde<SubsidyPayment> subsidyPayment() {
    return serde(READER::readSubsidyPayment);
  }

  public static Serde<Alert> alert() {
    return serde(READER::readAlert);
  }

  public static Serde<CaseEvent> caseEvent() {
    return serde(READER::readCaseEvent);
  }

  /** Writes any contract record as the contract's JSON. */
  public static <T> Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : toJson(value);
  }

  /** The contract JSON of a record. */
  public static byte[] toJson(Object value) {
    if (value instanceof Alert alert) {
      return AlertJson.write(alert);
    }
    try {
      return ContractJson.mapper().writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> Serde<T> serde(Function<byte[], Validated<T>> reader) {
    Deserializer<T> deserializer =
        (topic, bytes) -> bytes == null ? null : reader.apply(bytes).orElseThrow();
    return Serdes.serdeFrom(serializer(), deserializer);
  }
}
