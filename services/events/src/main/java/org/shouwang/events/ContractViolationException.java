package org.shouwang.events;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes or a tree that do not form a valid contract record. A {@link SerializationException}, so
 * Kafka clients and Kafka Streams treat it as a record that cannot be read (a poison pill for the
 * dead-letter topic) rather than as a failure of the consumer.
 */
public class ContractViolationException extends SerializationException {

  private final transient List<Violation> violations;

  public ContractViolationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every violation found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
