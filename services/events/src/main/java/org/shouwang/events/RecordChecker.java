package org.shouwang.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads typed fields out of a JSON object, collecting a violation for every field that is missing
 * or wrong instead of stopping at the first. Returns {@code null} for a bad field.
 */
final class RecordChecker {

  static final int MAX_ID_LENGTH = 128;
  static final int MAX_TEXT_LENGTH = 256;
  private static final int MAX_MONEY_SCALE = 2;

  /** Signs an amount may have. */
  enum Sign {
    ANY,
    NON_NEGATIVE,
    POSITIVE
  }

  private final JsonFields fields;
  private final String prefix;
  private final List<Violation> violations;
  private final int violationsAtStart;

  RecordChecker(JsonFields fields, String prefix, List<Violation> violations) {
    this.fields = fields;
    this.prefix = prefix;
    this.violations = violations;
    this.violationsAtStart = violations.size();
  }

  /** Whether this checker found nothing wrong so far. */
  boolean clean() {
    return violations.size() == violationsAtStart;
  }

  void violation(String field, ViolationCode code, String reason) {
    violations.add(new Violation(path(field), code, reason));
  }

  String path(String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  /** A field's value (see {@link JsonFields}), or {@code null} when absent or JSON null. */
  Object present(String field) {
    return fields.get(field);
  }

  private Object required(String field, boolean required) {
    Object value = present(field);
    if (value == null && required) {
      violation(field, ViolationCode.REQUIRED, "is required");
    }
    return value;
  }

  String text(String field, boolean required, int maxLength) {
    Object value = required(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String string)) {
      violation(field, ViolationCode.WRONG_TYPE, "must be a text, not " + kind(value));
      return null;
    }
    String text = string.strip();
    if (text.isEmpty()) {
      if (required) {
        violation(field, ViolationCode.REQUIRED, "must not be blank");
      }
      return null;
    }
    if (text.length() > maxLength) {
      violation(
          field,
          ViolationCode.OUT_OF_RANGE,
          "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
      return null;
    }
    return text;
  }

  String id(String field) {
    return text(field, true, MAX_ID_LENGTH);
  }

  String matching(String field, Predicate<String> format, int maxLength, String expected) {
    String text = text(field, true, Integer.MAX_VALUE);
    if (text == null) {
      return null;
    }
    if (text.length() > maxLength || !format.test(text)) {
      violation(field, ViolationCode.BAD_FORMAT, "'" + abbreviate(text) + "' is not " + expected);
      return null;
    }
    return text;
  }

  Integer integer(String field, boolean required, int min, int max) {
    Object value = required(field, required);
    if (value == null) {
      return null;
    }
    if (!JsonFields.isNumber(value)) {
      violation(field, ViolationCode.WRONG_TYPE, "must be a whole number, not " + kind(value));
      return null;
    }
    BigDecimal number = JsonFields.decimal(value);
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      violation(field, ViolationCode.WRONG_TYPE, "must be a whole number, not " + plain(number));
      return null;
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      violation(
          field,
          ViolationCode.OUT_OF_RANGE,
          "is " + plain(number) + "; it must be between " + min + " and " + max);
      return null;
    }
    return number.intValueExact();
  }

  BigDecimal money(String field, boolean required, Sign sign) {
    Object value = required(field, required);
    if (value == null) {
      return null;
    }
    if (!JsonFields.isNumber(value)) {
      violation(field, ViolationCode.WRONG_TYPE, "must be a number of yuan, not " + kind(value));
      return null;
    }
    BigDecimal amount = JsonFields.decimal(value);
    boolean ok = true;
    if (amount.stripTrailingZeros().scale() > MAX_MONEY_SCALE) {
      violation(
          field,
          ViolationCode.TOO_MANY_DECIMALS,
          plain(amount) + " has more than " + MAX_MONEY_SCALE + " decimals (yuan and fen only)");
      ok = false;
    }
    if (sign == Sign.POSITIVE && amount.signum() <= 0) {
      violation(field, ViolationCode.OUT_OF_RANGE, "is " + plain(amount) + "; it must be > 0");
      ok = false;
    } else if (sign == Sign.NON_NEGATIVE && amount.signum() < 0) {
      violation(
          field, ViolationCode.OUT_OF_RANGE, "is " + plain(amount) + "; it must not be negative");
      ok = false;
    }
    return ok ? amount : null;
  }

  Boolean bool(String field, boolean required) {
    Object value = required(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean bool)) {
      violation(field, ViolationCode.WRONG_TYPE, "must be true or false, not " + kind(value));
      return null;
    }
    return bool;
  }

  <E extends Enum<E>> E code(String field, Class<E> type, boolean required) {
    String text = text(field, required, Integer.MAX_VALUE);
    if (text == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    String hint =
        type.getEnumConstants().length <= 12
            ? "; expected one of "
                + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))
            : "";
    String caseHint =
        Arrays.stream(type.getEnumConstants())
                .anyMatch(c -> c.name().equals(text.toUpperCase(Locale.ROOT)))
            ? " (codes are upper-case)"
            : "";
    violation(
        field,
        ViolationCode.UNKNOWN_CODE,
        "'" + abbreviate(text) + "' is not a known code" + caseHint + hint);
    return null;
  }

  OffsetDateTime time(String field, boolean required) {
    String text = text(field, required, 64);
    if (text == null) {
      return null;
    }
    try {
      return IsoTimes.parseOffsetDateTime(text);
    } catch (DateTimeParseException e) {
      violation(
          field,
          ViolationCode.BAD_FORMAT,
          "'"
              + abbreviate(text)
              + "' is not an ISO-8601 time with an offset, like 2026-03-02T09:30:00+08:00");
      return null;
    }
  }

  JsonFields object(String field) {
    Object value = required(field, true);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonFields object)) {
      violation(field, ViolationCode.WRONG_TYPE, "must be a JSON object, not " + kind(value));
      return null;
    }
    return object;
  }

  /** The kind of a value as a reason names it; JSON null and what JSON cannot hold are "null". */
  static String kind(Object value) {
    if (value instanceof String) {
      return "a text";
    }
    if (JsonFields.isNumber(value)) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "true/false";
    }
    if (value == JsonFields.Unread.LIST) {
      return "a list";
    }
    if (value instanceof JsonFields) {
      return "an object";
    }
    return "null";
  }

  private static String plain(BigDecimal number) {
    return number.toPlainString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
