package org.shouwang.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Names and creates the contract's topics in every service that talks to Kafka. */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaTopicsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ContractTopics contractTopics(KafkaTopicsProperties properties) {
    return new ContractTopics(properties);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "shouwang.kafka.create-topics", matchIfMissing = true)
  KafkaAdmin.NewTopics contractNewTopics(ContractTopics topics) {
    return new KafkaAdmin.NewTopics(
        topics.newTopics().toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
  }
}
