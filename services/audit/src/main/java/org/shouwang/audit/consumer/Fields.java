package org.shouwang.audit.consumer;

import java.util.HashMap;
import java.util.Map;
import org.shouwang.events.ContractJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The top-level text fields of a JSON object, read with the contract mapper's streaming parser
 * instead of a tree. Equivalent to reading the tree ({@code ObjectNode}, then {@code isString()}
 * fields): the whole document is still parsed and every string and number decoded, so a document
 * the tree refuses (malformed anywhere, trailing tokens, numbers beyond the read constraints) is
 * refused here too; a repeated field counts with its last value; a field whose value is not text is
 * absent. Only the allocation of the tree is saved.
 */
final class Fields {

  private static final boolean FAIL_ON_TRAILING_TOKENS =
      ContractJson.mapper().isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** When the mapper refuses repeated keys in trees, only the tree itself says what it refuses. */
  private static final boolean TREE_ONLY =
      ContractJson.mapper().isEnabled(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final Map<String, String> values = new HashMap<>(16);

  private Fields() {}

  /** The field's text, or {@code null} when absent or not text. */
  String get(String field) {
    return values.get(field);
  }

  /** The fields of a JSON object, or {@code null} for anything else; never throws. */
  static Fields read(byte[] value) {
    if (value == null || value.length == 0) {
      return null;
    }
    if (TREE_ONLY) {
      return fromTree(RecordClassifier.parse(value));
    }
    try (JsonParser p = ContractJson.mapper().createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Fields fields = new Fields();
      int depth = 1;
      String name = null;
      while (depth > 0) {
        JsonToken token = p.nextToken();
        if (token == null) {
          return null;
        }
        switch (token) {
          case PROPERTY_NAME -> {
            if (depth == 1) {
              name = p.currentName();
            }
          }
          case START_OBJECT, START_ARRAY -> {
            if (depth == 1) {
              fields.values.remove(name);
            }
            depth++;
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case VALUE_STRING -> {
            String text = p.getString();
            if (depth == 1) {
              fields.values.put(name, text);
            }
          }
          case VALUE_NUMBER_INT -> {
            p.getNumberValue();
            if (depth == 1) {
              fields.values.remove(name);
            }
          }
          case VALUE_NUMBER_FLOAT -> {
            p.getDecimalValue();
            if (depth == 1) {
              fields.values.remove(name);
            }
          }
          default -> {
            if (depth == 1) {
              fields.values.remove(name);
            }
          }
        }
      }
      if (FAIL_ON_TRAILING_TOKENS && p.nextToken() != null) {
        return null;
      }
      return fields;
    } catch (RuntimeException e) {
      // not JSON (a dead letter may be anything): the bytes are kept as they are
      return null;
    }
  }

  /** The same from a tree (reference implementation, and for mappers refusing repeated keys). */
  static Fields fromTree(ObjectNode json) {
    if (json == null) {
      return null;
    }
    Fields fields = new Fields();
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      if (e.getValue().isString()) {
        fields.values.put(e.getKey(), e.getValue().asString());
      }
    }
    return fields;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fields f && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
