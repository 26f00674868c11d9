package org.shouwang.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shouwang.simulator.plan.SimulationConfig;
import org.shouwang.simulator.plan.SimulationPlan;
import org.shouwang.testsupport.SharedKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not part of the test run (surefire includes only {@code *Tests}): {@code bench/simulator.sh} runs
 * it. Measures planning the seed's county and the command mode writing its whole year to a real
 * local broker.
 */
class CommandModeBenchmark {

  private static final Logger log = LoggerFactory.getLogger(CommandModeBenchmark.class);

  @Test
  void planAndWriteTheSeedsCounty() {
    int households = Integer.getInteger("bench.households", 15_000);
    OffsetDateTime end = OffsetDateTime.now().minusMinutes(1);
    SimulationConfig config =
        SimulationConfig.defaults(430421, end.minusYears(1), end)
            .withCounty(
                org.shouwang.simulator.county.CountyShape.defaults().withHouseholds(households));
    long began = System.nanoTime();
    SimulationPlan plan = SimulationPlan.generate(config);
    Duration planning = Duration.ofNanos(System.nanoTime() - began);
    log.info(
        "BENCH plan: {} households, {} records ({}), {} labels in {} ms",
        households,
        plan.records().size(),
        plan.recordCounts(),
        plan.groundTruth().size(),
        planning.toMillis());

    String bootstrap = SharedKafka.bootstrapServers();
    began = System.nanoTime();
    int exit =
        SimulatorApplication.command(
            "--spring.kafka.bootstrap-servers=" + bootstrap,
            "--shouwang.kafka.topic-prefix=" + SharedKafka.uniqueTopic("bench") + ".",
            "--shouwang.simulator.county.households=" + households,
            "--shouwang.simulator.ground-truth-path=target/tmp/bench-"
                + UUID.randomUUID()
                + ".jsonl");
    Duration total = Duration.ofNanos(System.nanoTime() - began);
    log.info(
        "BENCH command mode: exit {} after {} ms in all (context, planning, sending, flushing)",
        exit,
        total.toMillis());
    assertThat(exit).isZero();
  }
}
