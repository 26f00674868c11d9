package org.shouwang.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.shouwang.events.Topic;
import org.shouwang.events.Topics;

/** The contract's topics under this deployment's prefix. Inject it; never build names by hand. */
public final class ContractTopics {

  private final KafkaTopicsProperties properties;

  public ContractTopics(KafkaTopicsProperties properties) {
    this.properties = properties;
  }

  /** The given contract topic as this deployment names it. */
  public <K, V> Topic<K, V> resolve(Topic<K, V> topic) {
    return topic.prefixed(properties.topicPrefix());
  }

  /** The name of the given contract topic in this deployment. */
  public String name(Topic<?, ?> topic) {
    return resolve(topic).name();
  }

  /** The history topics' retention.ms: the configured retention, or -1 (forever) for zero. */
  String historyRetentionMs() {
    long millis = properties.historyRetention().toMillis();
    return millis <= 0 ? "-1" : Long.toString(millis);
  }

  /** Every contract topic and its dead-letter topic, to be created. */
  public List<NewTopic> newTopics() {
    List<NewTopic> topics = new ArrayList<>();
    for (Topic<String, ?> topic : Topics.all()) {
      Topic<String, ?> resolved = resolve(topic);
      NewTopic contractTopic =
          new NewTopic(resolved.name(), properties.partitions(), properties.replicationFactor());
      if (topic.equals(Topics.HOUSEHOLD_EVENTS) || topic.equals(Topics.SUBSIDY_PAYMENTS)) {
        contractTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, historyRetentionMs()));
      }
      topics.add(contractTopic);
      topics.add(
          new NewTopic(
              resolved.deadLetterTopic(), properties.partitions(), properties.replicationFactor()));
    }
    return topics;
  }
}
