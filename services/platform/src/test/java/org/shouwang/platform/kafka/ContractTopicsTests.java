package org.shouwang.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Topics;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ContractTopicsTests {

  @Test
  void prefixesEveryContractTopicAndItsDeadLetterTopic() {
    ContractTopics topics =
        new ContractTopics(new KafkaTopicsProperties("t1-", 3, (short) 1, true));

    assertThat(topics.name(Topics.RISK_ALERTS)).isEqualTo("t1-risk.alerts");
    assertThat(topics.resolve(Topics.HOUSEHOLD_EVENTS).deadLetterTopic())
        .isEqualTo("t1-household.events.dlt");
    assertThat(topics.newTopics())
        .extracting(NewTopic::name)
        .contains("t1-household.events", "t1-household.events.dlt", "t1-case.events.dlt")
        .hasSize(Topics.all().size() * 2);
    assertThat(topics.newTopics()).allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(3));
  }

  @Test
  void leavesNamesAloneWithoutAPrefix() {
    ContractTopics topics = new ContractTopics(new KafkaTopicsProperties("", 6, (short) 1, true));

    assertThat(topics.resolve(Topics.SUBSIDY_PAYMENTS)).isSameAs(Topics.SUBSIDY_PAYMENTS);
  }

  @Test
  void keepsTheHistoryTopicsThirteenMonthsByDefaultAndNothingElseIsTouched() {
    KafkaTopicsProperties defaults =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("shouwang.kafka", KafkaTopicsProperties.class);
    assertThat(defaults.historyRetention()).isEqualTo(Duration.ofDays(400));

    List<NewTopic> created = new ContractTopics(defaults).newTopics();
    String retention = Long.toString(Duration.ofDays(400).toMillis());
    assertThat(created)
        .filteredOn(t -> t.name().equals("household.events") || t.name().equals("subsidy.payments"))
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.configs()).containsEntry("retention.ms", retention));
    assertThat(created)
        .filteredOn(
            t -> !t.name().equals("household.events") && !t.name().equals("subsidy.payments"))
        .allSatisfy(t -> assertThat(t.configs()).isNull());
  }

  @Test
  void keepsTheHistoryForeverWhenTheRetentionIsZero() {
    KafkaTopicsProperties forever =
        new Binder(
                new MapConfigurationPropertySource(Map.of("shouwang.kafka.history-retention", "0")))
            .bindOrCreate("shouwang.kafka", KafkaTopicsProperties.class);

    assertThat(new ContractTopics(forever).newTopics())
        .filteredOn(t -> t.name().equals("household.events"))
        .singleElement()
        .satisfies(t -> assertThat(t.configs()).containsEntry("retention.ms", "-1"));
  }
}
