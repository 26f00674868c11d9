package org.shouwang.events;

import java.util.List;

/**
 * The outcome of reading a record: the record, or every violation found in it.
 *
 * @param value the record, {@code null} when invalid
 * @param violations every violation, empty when valid
 * @param <T> record type
 */
public record Validated<T>(T value, List<Violation> violations) {

  public Validated {
    violations = List.copyOf(violations);
    if ((value == null) == violations.isEmpty()) {
      throw new IllegalArgumentException("either a value or violations, not both");
    }
  }

  public static <T> Validated<T> valid(T value) {
    return new Validated<>(value, List.of());
  }

  public static <T> Validated<T> invalid(List<Violation> violations) {
    return new Validated<>(null, violations);
  }

  public boolean isValid() {
    return value != null;
  }

  /** The record, or a {@link ContractViolationException} listing every violation. */
  public T orElseThrow() {
    if (value == null) {
      throw new ContractViolationException(violations);
    }
    return value;
  }
}
