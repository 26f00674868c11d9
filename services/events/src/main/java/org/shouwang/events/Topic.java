package org.shouwang.events;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic declared once, with the serdes of its key and value.
 *
 * @param name the topic name
 * @param keySerde serde of the record key
 * @param valueSerde serde of the record value
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  /** Suffix of the dead-letter topic of every topic. */
  public static final String DLT_SUFFIX = ".dlt";

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /**
   * The same topic under a name prefix (tests and shared clusters give each deployment its own
   * topics); an empty prefix returns this topic.
   */
  public Topic<K, V> prefixed(String prefix) {
    return prefix == null || prefix.isEmpty()
        ? this
        : new Topic<>(prefix + name, keySerde, valueSerde);
  }

  /** The dead-letter topic of this topic: original key, original bytes, reason in headers. */
  public String deadLetterTopic() {
    return name + DLT_SUFFIX;
  }

  @Override
  public String toString() {
    return name;
  }
}
