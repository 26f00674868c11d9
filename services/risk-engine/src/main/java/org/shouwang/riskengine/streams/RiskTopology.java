package org.shouwang.riskengine.streams;

import java.time.Clock;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Topics;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.riskengine.RiskEngineProperties;
import org.shouwang.riskengine.rules.Detector;
import org.shouwang.riskengine.state.HouseholdStore;

/**
 * The risk engine's topology: both input topics (keyed by household, co-partitioned) feed one
 * processor that keeps each household's state in one RocksDB store (a {@link HouseholdStore}:
 * decoded states in front, changed ones written at each commit), with an index of deadlines for the
 * absence rules kept in memory and rebuilt from that store. No repartition, no joins, no I/O:
 * {@code TopologyTestDriver} runs it as is.
 *
 * <pre>
 * household-events-source ─┐                             ┌─► risk-alerts-sink
 *                          ├─► household-risk-processor ─┼─► household-events-dlt-sink
 * subsidy-payments-source ─┘   [household-state]         └─► subsidy-payments-dlt-sink
 * </pre>
 */
public final class RiskTopology {

  public static final String EVENTS_SOURCE = "household-events-source";
  public static final String PAYMENTS_SOURCE = "subsidy-payments-source";
  public static final String PROCESSOR = "household-risk-processor";
  public static final String ALERTS_SINK = "risk-alerts-sink";
  public static final String EVENTS_DLT_SINK = "household-events-dlt-sink";
  public static final String PAYMENTS_DLT_SINK = "subsidy-payments-dlt-sink";

  /** One compact binary state per household. */
  public static final String HOUSEHOLD_STORE = "household-state";

  private RiskTopology() {}

  /**
   * Builds the topology.
   *
   * @param topics the contract's topics as this deployment names them
   * @param properties rules and clock settings
   * @param metrics where to count
   * @param clock the wall clock (validation of {@code occurredAt} and the quiet-partition fallback
   *     use the stream's own mock time in tests)
   */
  public static Topology build(
      ContractTopics topics,
      RiskEngineProperties properties,
      RiskEngineMetrics metrics,
      Clock clock) {
    String events = topics.name(Topics.HOUSEHOLD_EVENTS);
    String payments = topics.name(Topics.SUBSIDY_PAYMENTS);
    Topology topology = new Topology();
    // inputs are read as bytes and validated in the processor: a record that cannot be read goes
    // to its dead-letter topic in the same transaction as everything else
    topology.addSource(
        EVENTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), events);
    topology.addSource(
        PAYMENTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), payments);
    HouseholdProcessor.Settings settings =
        new HouseholdProcessor.Settings(
            events,
            payments,
            new Detector(properties.rules(), properties.clock().zone()),
            new ContractReader(clock),
            properties,
            metrics);
    topology.addProcessor(
        PROCESSOR, () -> new HouseholdProcessor(settings), EVENTS_SOURCE, PAYMENTS_SOURCE);
    topology.addStateStore(
        HouseholdStore.builder(
            HOUSEHOLD_STORE, properties.cachedHouseholdsPerTask(), properties.storeCache()),
        PROCESSOR);
    topology.addSink(
        ALERTS_SINK,
        topics.name(Topics.RISK_ALERTS),
        new StringSerializer(),
        ContractSerdes.alert().serializer(),
        PROCESSOR);
    topology.addSink(
        EVENTS_DLT_SINK,
        topics.resolve(Topics.HOUSEHOLD_EVENTS).deadLetterTopic(),
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        PROCESSOR);
    topology.addSink(
        PAYMENTS_DLT_SINK,
        topics.resolve(Topics.SUBSIDY_PAYMENTS).deadLetterTopic(),
        new ByteArraySerializer(),
        new ByteArraySerializer(),
        PROCESSOR);
    return topology;
  }
}
