package org.shouwang.audit.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.shouwang.audit.chain.KindFamily;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.chain.Texts;
import org.shouwang.events.CaseAction;
import org.shouwang.events.ContractJson;
import org.shouwang.events.DeadLetterHeaders;
import org.shouwang.events.EventType;
import org.shouwang.events.IsoTimes;
import org.shouwang.events.Programme;
import org.shouwang.events.Rule;
import org.shouwang.events.Topic;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a raw Kafka record into an entry: kind, household, actor and time read with a streaming
 * parser that never throws ({@link Fields}: the top-level text fields, without building a tree)
 * (public for the benchmark, which classifies as the consumer does). A payload that is not JSON
 * (possible on dead-letter topics) still becomes an entry with its bytes; the kind's code then is
 * {@code UNKNOWN}.
 */
public final class RecordClassifier {

  /** The actor of alerts: the engine that raised them. */
  static final String RISK_ENGINE = "risk-engine";

  static final String UNKNOWN = "UNKNOWN";

  /** What a topic's records are. */
  private record Source(KindFamily family, Topic<String, ?> topic, boolean deadLetter) {}

  private final Map<String, Source> sources = new HashMap<>();

  public RecordClassifier(ContractTopics topics) {
    for (Topic<String, ?> topic : Topics.all()) {
      Topic<String, ?> resolved = topics.resolve(topic);
      KindFamily family = familyOf(topic);
      sources.put(resolved.name(), new Source(family, topic, false));
      sources.put(resolved.deadLetterTopic(), new Source(family, topic, true));
    }
  }

  /** The topic names to subscribe to: every contract topic and its dead-letter topic. */
  String[] topics() {
    return sources.keySet().stream().sorted().toArray(String[]::new);
  }

  public NewEntry classify(ConsumerRecord<byte[], byte[]> record) {
    Source source = sources.get(record.topic());
    if (source == null) {
      throw new IllegalArgumentException("not a subscribed topic: " + record.topic());
    }
    Fields json = Fields.read(record.value());
    String code = code(source.family(), json);
    String kind =
        source.deadLetter()
            ? KindFamily.DEAD_LETTER.kind(source.topic().name())
            : source.family().kind(code);
    String recordKey = Texts.lenientUtf8(record.key());
    String household = text(json, "householdId");
    if (household == null) {
      household = recordKey;
    }
    Instant occurred = occurredAt(source.family(), json);
    if (occurred == null && record.timestamp() >= 0) {
      occurred = Instant.ofEpochMilli(record.timestamp());
    }
    return new NewEntry(
        occurred,
        kind,
        household,
        actor(source.family(), json),
        record.topic(),
        record.partition(),
        record.offset(),
        recordKey,
        source.deadLetter() ? deadLetterDetail(record.headers()) : null,
        record.value());
  }

  private static KindFamily familyOf(Topic<String, ?> topic) {
    if (topic.name().equals(Topics.HOUSEHOLD_EVENTS.name())) {
      return KindFamily.HOUSEHOLD_EVENT;
    }
    if (topic.name().equals(Topics.SUBSIDY_PAYMENTS.name())) {
      return KindFamily.SUBSIDY_PAYMENT;
    }
    if (topic.name().equals(Topics.RISK_ALERTS.name())) {
      return KindFamily.ALERT;
    }
    if (topic.name().equals(Topics.CASE_EVENTS.name())) {
      return KindFamily.CASE;
    }
    throw new IllegalStateException("no audit kind for topic " + topic.name());
  }

  /** The kind's code from the closed set of the family's enum, so kinds stay a bounded set. */
  private static String code(KindFamily family, Fields json) {
    return switch (family) {
      case HOUSEHOLD_EVENT -> known(text(json, "type"), EventType.class);
      case SUBSIDY_PAYMENT -> known(text(json, "programme"), Programme.class);
      case ALERT -> known(text(json, "rule"), Rule.class);
      case CASE -> known(text(json, "action"), CaseAction.class);
      default -> UNKNOWN;
    };
  }

  private static final Map<Class<?>, Set<String>> CODES =
      Map.of(
          EventType.class, names(EventType.values()),
          Programme.class, names(Programme.values()),
          Rule.class, names(Rule.values()),
          CaseAction.class, names(CaseAction.values()));

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }

  private static String known(String value, Class<?> codes) {
    return value != null && CODES.get(codes).contains(value) ? value : UNKNOWN;
  }

  private static String actor(KindFamily family, Fields json) {
    return switch (family) {
      case HOUSEHOLD_EVENT -> {
        String department = text(json, "department");
        yield department != null ? department : text(json, "source");
      }
      case SUBSIDY_PAYMENT -> text(json, "payer");
      case ALERT -> RISK_ENGINE;
      case CASE -> text(json, "actor");
      default -> null;
    };
  }

  private static Instant occurredAt(KindFamily family, Fields json) {
    String field =
        switch (family) {
          case HOUSEHOLD_EVENT -> "occurredAt";
          case SUBSIDY_PAYMENT -> "paidAt";
          case ALERT -> "detectedAt";
          case CASE -> "at";
          default -> null;
        };
    String value = field == null ? null : text(json, field);
    if (value == null) {
      return null;
    }
    try {
      return IsoTimes.parseOffsetDateTime(value).toInstant();
    } catch (DateTimeParseException e) {
      return null; // the entry keeps its Kafka timestamp
    }
  }

  /** A dead letter's reason headers as one JSON object. */
  private static String deadLetterDetail(Headers headers) {
    ObjectNode detail = ContractJson.mapper().createObjectNode();
    putText(detail, "originalTopic", headers, DeadLetterHeaders.ORIGINAL_TOPIC);
    putNumber(detail, "originalPartition", headers, DeadLetterHeaders.ORIGINAL_PARTITION);
    putNumber(detail, "originalOffset", headers, DeadLetterHeaders.ORIGINAL_OFFSET);
    putNumber(detail, "originalTimestamp", headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP);
    putText(detail, "reasonCode", headers, DeadLetterHeaders.REASON_CODE);
    putText(detail, "exceptionClass", headers, DeadLetterHeaders.EXCEPTION_CLASS);
    putText(detail, "exceptionMessage", headers, DeadLetterHeaders.EXCEPTION_MESSAGE);
    putText(detail, "violations", headers, DeadLetterHeaders.VIOLATIONS);
    return detail.isEmpty() ? null : ContractJson.mapper().writeValueAsString(detail);
  }

  private static void putText(ObjectNode detail, String field, Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header != null && header.value() != null) {
      detail.put(field, Texts.clean(Texts.lenientUtf8(header.value()), 2048));
    }
  }

  /**
   * spring-kafka writes partition, offset and timestamp as big-endian binary (4 or 8 bytes); others
   * may write decimal text. Both are read.
   */
  private static void putNumber(ObjectNode detail, String field, Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return;
    }
    byte[] value = header.value();
    String text = new String(value, StandardCharsets.ISO_8859_1);
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      detail.put(field, Long.parseLong(text.length() > 18 ? text.substring(0, 18) : text));
    } else if (value.length == 4) {
      detail.put(field, ByteBuffer.wrap(value).getInt());
    } else if (value.length == 8) {
      detail.put(field, ByteBuffer.wrap(value).getLong());
    } else {
      detail.put(field, Texts.clean(Texts.lenientUtf8(value), 64));
    }
  }

  /** The JSON object, or {@code null} for anything else; never throws. */
  static ObjectNode parse(byte[] value) {
    if (value == null || value.length == 0) {
      return null;
    }
    try {
      JsonNode node = ContractJson.mapper().readTree(value);
      return node instanceof ObjectNode object ? object : null;
    } catch (RuntimeException e) {
      // not JSON (a dead letter may be anything): the bytes are kept as they are
      return null;
    }
  }

  private static String text(Fields json, String field) {
    return json == null ? null : json.get(field);
  }
}
