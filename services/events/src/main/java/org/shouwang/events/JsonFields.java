package org.shouwang.events;

import java.math.BigDecimal;
import java.util.Arrays;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The fields of one JSON object as {@link RecordChecker} reads them, either straight from a
 * streaming parser (no tree) or looked up in a tree a caller already has. A field's value is a
 * {@link String}; a number, which is a {@link BigDecimal}, or a numeric {@link JsonNode} of a tree
 * that is converted only when read as a number; a {@link Boolean}; a nested {@code JsonFields}; an
 * {@link Unread} constant; or {@code null} when the field is absent or JSON null.
 */
interface JsonFields {

  /** Values whose content the contract never reads; only their kind is named. */
  enum Unread {
    /** A JSON array. */
    LIST,
    /** A tree node JSON text cannot hold (binary, POJO, missing); its kind is "null". */
    NOT_JSON
  }

  /** The value of a field (see above); of a field given twice, the last. */
  Object get(String name);

  /** The fields of a tree's object node. */
  static JsonFields of(JsonNode object) {
    return name -> value(object.get(name));
  }

  /** The value of a tree node, as a field of {@link #of} gives it. */
  static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isNumber()) {
      return node;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      return Unread.LIST;
    }
    if (node.isObject()) {
      return of(node);
    }
    return Unread.NOT_JSON;
  }

  /**
   * The value that starts with the parser's current {@code token}, read to its end. Decodes what
   * Jackson's tree builder decodes with {@link ContractJson#mapper()}: every string and number, the
   * elements of arrays too, so it fails where building a tree fails (even with the {@code
   * NumberFormatException} of an exponent beyond {@link BigDecimal}'s range); floats keep the scale
   * they were written with, and of a field given twice the last counts, JSON null included.
   * StreamingReaderEquivalenceTests holds it to the tree.
   */
  static Object read(JsonParser parser, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> Parsed.readObject(parser);
      case START_ARRAY -> {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          read(parser, parser.currentToken());
        }
        yield Unread.LIST;
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? new BigDecimal(parser.getBigIntegerValue())
              : BigDecimal.valueOf(parser.getLongValue());
      // with USE_BIG_DECIMAL_FOR_FLOATS the tree holds the decimal as written, scale and all
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      // VALUE_EMBEDDED_OBJECT; JSON text holds no other token where a value starts
      default -> Unread.NOT_JSON;
    };
  }

  /** Whether a field's value is a number. */
  static boolean isNumber(Object value) {
    return value instanceof BigDecimal || value instanceof JsonNode;
  }

  /** A number's value; {@code number} is a value for which {@link #isNumber} holds. */
  static BigDecimal decimal(Object number) {
    return number instanceof JsonNode node ? node.decimalValue() : (BigDecimal) number;
  }

  /** The fields of an object read from a parser, in the order given: names and values in turn. */
  final class Parsed implements JsonFields {

    private Object[] entries = new Object[16];
    private int length;

    private Parsed() {}

    /** Reads the rest of the object whose {@code START_OBJECT} the parser is at. */
    static Parsed readObject(JsonParser parser) {
      Parsed fields = new Parsed();
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        Object value = read(parser, parser.nextToken());
        if (fields.length == fields.entries.length) {
          fields.entries = Arrays.copyOf(fields.entries, fields.length * 2);
        }
        fields.entries[fields.length++] = name;
        fields.entries[fields.length++] = value;
      }
      return fields;
    }

    @Override
    public Object get(String name) {
      // from the end: the tree kept the last of a field given twice
      for (int i = length - 2; i >= 0; i -= 2) {
        if (name.equals(entries[i])) {
          return entries[i + 1];
        }
      }
      return null;
    }
  }
}
