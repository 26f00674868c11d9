package org.shouwang.platform.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shouwang.kafka}: how this deployment names and creates the contract's topics.
 *
 * @param topicPrefix prepended to every contract topic name (empty in production; tests use a
 *     unique one)
 * @param partitions partitions of each topic created; one household stays on one partition
 * @param replicationFactor replicas of each topic created (1 for a single broker)
 * @param createTopics create the topics and their dead-letter topics at startup
 * @param historyRetention how long {@code household.events} and {@code subsidy.payments} keep their
 *     records: at least as long as the rules look back (12 months, plus a month), so a lost engine
 *     state can be rebuilt by replaying them; {@code 0} keeps them forever. Applied when the topics
 *     are created and, at every start, to topics that exist already.
 */
@Validated
@ConfigurationProperties("shouwang.kafka")
public record KafkaTopicsProperties(
    @DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]*") String topicPrefix,
    @DefaultValue("6") @Min(1) @Max(1000) int partitions,
    @DefaultValue("1") @Min(1) @Max(10) short replicationFactor,
    @DefaultValue("true") boolean createTopics,
    @DefaultValue("400d") @NotNull Duration historyRetention) {

  @ConstructorBinding
  public KafkaTopicsProperties {}

  /** For code that builds the properties by hand (tests, benchmarks): history kept forever. */
  public KafkaTopicsProperties(
      String topicPrefix, int partitions, short replicationFactor, boolean createTopics) {
    this(topicPrefix, partitions, replicationFactor, createTopics, Duration.ZERO);
  }
}
