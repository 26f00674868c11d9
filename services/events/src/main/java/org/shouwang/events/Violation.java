package org.shouwang.events;

import java.util.Objects;

/**
 * One reason a record was refused.
 *
 * @param field path of the offending field inside the record ({@code data.outOfPocket}); empty for
 *     the record as a whole
 * @param code the kind of violation, from a closed set
 * @param reason what is wrong, for a person to read
 */
public record Violation(String field, ViolationCode code, String reason) {

  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  /** This violation with its field placed under a parent path (an array index, say). */
  public Violation under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    String path = field.isEmpty() ? parent : parent + (field.startsWith("[") ? "" : ".") + field;
    return new Violation(path, code, reason);
  }

  @Override
  public String toString() {
    return (field.isEmpty() ? "record" : field) + ": " + reason;
  }
}
