package org.shouwang.simulator.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.shouwang.simulator.county.CountyShape;
import org.shouwang.simulator.plan.SimRecord;
import org.shouwang.simulator.plan.SimulationConfig;
import org.shouwang.simulator.plan.SimulationPlan;

/** A small plan and an in-memory sink for the run tests. */
final class Fixtures {

  static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T00:00:00+08:00");
  static final OffsetDateTime END = START.plusYears(1);
  static final SimulationPlan PLAN =
      SimulationPlan.generate(
          SimulationConfig.defaults(11, START, END)
              .withCounty(CountyShape.defaults().withHouseholds(300)));

  private Fixtures() {}

  static SimulationMetrics metrics() {
    return new SimulationMetrics(new SimpleMeterRegistry());
  }

  /** Keeps what it is sent and acknowledges at once. */
  static final class MemorySink implements RecordSink {
    final List<SimRecord> received = new ArrayList<>();
    private final SimulationMetrics metrics;
    boolean closed;

    MemorySink(SimulationMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void send(List<SimRecord> records) {
      received.addAll(records);
      records.forEach(metrics::sent);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      closed = true;
    }
  }
}
