package org.shouwang.platform.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@Validated
@ConfigurationProperties("shouwang.kafka")
public record KafkaTopicsProperties(
    @DefaultValue("") @Pattern(regexp = "[A-Za-z0-9._-]*") String topicPrefix,
    @DefaultValue("6") @Min(1) @Max(1000) int partitions,
    @DefaultValue("1") @Min(1) @Max(10) short replicationFactor,
    @DefaultValue("true") boolean createTopics) {}
