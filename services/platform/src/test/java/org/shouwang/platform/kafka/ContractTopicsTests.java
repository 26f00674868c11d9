package org.shouwang.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Topics;

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
}
