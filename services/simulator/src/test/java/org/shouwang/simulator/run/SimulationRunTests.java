package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.simulator.plan.SimRecord;

class SimulationRunTests {

  private final SimulationMetrics metrics = Fixtures.metrics();
  private final Fixtures.MemorySink sink = new Fixtures.MemorySink(metrics);
  private final SimulationRun run =
      new SimulationRun(Fixtures.PLAN, sink, metrics, Duration.ofSeconds(10), Instant.now());

  @Test
  void releasesOnlyRecordsDueByTheSimulatedClockInOrder() {
    Instant halfway = Fixtures.START.plusMonths(6).toInstant();

    run.releaseUntil(halfway, Integer.MAX_VALUE);

    assertThat(sink.received).isNotEmpty();
    assertThat(sink.received).allMatch(r -> !r.at().toInstant().isAfter(halfway));
    assertThat(sink.received)
        .containsExactlyElementsOf(Fixtures.PLAN.records().subList(0, sink.received.size()));
    assertThat(run.finished()).isFalse();
    // registration, insurance and jobs crowd the first days
    assertThat(metrics.progress()).isBetween(0.4, 0.9);
  }

  @Test
  void sendsEverythingAndCountsEveryScenarioByTheEnd() {
    while (!run.finished()) {
      run.releaseUntil(Fixtures.END.toInstant(), 1_000);
    }
    run.releaseUntil(Fixtures.END.toInstant(), 1_000);

    assertThat(sink.received).containsExactlyElementsOf(Fixtures.PLAN.records());
    assertThat(metrics.progress()).isEqualTo(1.0);
    assertThat(run.injected()).isEqualTo(Fixtures.PLAN.scenarioCounts());
  }

  @Test
  void aBatchCutShortHoldsTheClockAtTheLastRecordSent() {
    run.releaseUntil(Fixtures.END.toInstant(), 10);

    SimRecord last = sink.received.get(sink.received.size() - 1);
    assertThat(sink.received).hasSize(10);
    assertThat(run.simulatedNow()).isEqualTo(last.at().toInstant());
  }

  @Test
  void aResumedRunSendsWhatTheEarlierRunDidNotAndTogetherTheySendEverything() {
    Instant halfway = Fixtures.START.plusMonths(6).toInstant();
    run.releaseUntil(halfway, Integer.MAX_VALUE);
    List<SimRecord> first = List.copyOf(sink.received);

    Fixtures.MemorySink secondSink = new Fixtures.MemorySink(metrics);
    SimulationRun resumed =
        new SimulationRun(
            Fixtures.PLAN, secondSink, metrics, Duration.ofSeconds(10), Instant.now());
    resumed.resumeAt(run.simulatedNow());
    while (!resumed.finished()) {
      resumed.releaseUntil(Fixtures.END.toInstant(), 1_000);
    }

    assertThat(secondSink.received).allMatch(r -> !r.at().toInstant().isBefore(halfway));
    java.util.Set<String> ids = new java.util.HashSet<>();
    first.forEach(r -> ids.add(r.id()));
    secondSink.received.forEach(r -> ids.add(r.id()));
    assertThat(ids).hasSize(Fixtures.PLAN.records().size());
    assertThat(first.size() + secondSink.received.size())
        .as("at most the records at the very resume instant are sent twice")
        .isLessThan(Fixtures.PLAN.records().size() + 50);
    assertThat(resumed.injected()).isEqualTo(Fixtures.PLAN.scenarioCounts());
  }
}
