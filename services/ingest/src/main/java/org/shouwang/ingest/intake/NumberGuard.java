package org.shouwang.ingest.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import tools.jackson.databind.JsonNode;

/**
 * Refuses numbers of absurd magnitude before the contract check sees them: {@code 1e999999999} is a
 * short JSON text but a billion digits once written out plainly (as money is), which would exhaust
 * memory. No field of the contract needs more than 18 digits before or after the point.
 */
final class NumberGuard {

  static final int MAX_DIGITS = 18;
  private static final int MAX_DEPTH = 4;

  private NumberGuard() {}

  /** A violation for every absurd number in the record; empty when there is none. */
  static List<Violation> check(JsonNode record) {
    // nearly every record is fine: look without building paths first, name them only if needed
    if (!anyAbsurd(record, 0)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(1);
    walk(record, "", 0, violations);
    return violations;
  }

  private static boolean anyAbsurd(JsonNode node, int depth) {
    if (node == null || depth > MAX_DEPTH) {
      return false;
    }
    if (node.isContainer()) {
      for (JsonNode child : node.values()) {
        if ((child.isContainer() || child.isNumber()) && anyAbsurd(child, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    return (node.isBigDecimal() || node.isBigInteger()) && absurd(node.decimalValue());
  }

  private static boolean absurd(BigDecimal number) {
    return number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS;
  }

  private static void walk(JsonNode node, String path, int depth, List<Violation> violations) {
    if (node == null || depth > MAX_DEPTH) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (value.isContainer() || value.isNumber()) {
          walk(
              value,
              path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
              depth + 1,
              violations);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", depth + 1, violations);
      }
    } else if (node.isBigDecimal() || node.isBigInteger()) {
      BigDecimal number = node.decimalValue();
      if (absurd(number)) {
        violations.add(
            new Violation(
                path,
                ViolationCode.OUT_OF_RANGE,
                "is "
                    + number
                    + "; no field takes more than "
                    + MAX_DIGITS
                    + " digits before or after the point"));
      }
    }
  }
}
