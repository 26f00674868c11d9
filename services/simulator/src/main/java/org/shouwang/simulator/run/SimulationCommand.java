package org.shouwang.simulator.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.shouwang.simulator.plan.SimulationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command mode ({@code shouwang.simulator.mode=command}): writes the whole simulation as fast
 * as the sink takes it, waits for every acknowledgement and reports; exit code 1 when any record
 * failed.
 */
final class SimulationCommand implements ApplicationRunner, ExitCodeGenerator {

  private static final Logger log = LoggerFactory.getLogger(SimulationCommand.class);
  private static final int BATCH = 5_000;

  private final SimulationFactory factory;
  private final SimulationMetrics metrics;
  private final Clock clock;
  private int exitCode;

  SimulationCommand(SimulationFactory factory, SimulationMetrics metrics, Clock clock) {
    this.factory = factory;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!factory.properties().enabled()) {
      log.info("simulation disabled (shouwang.simulator.enabled=false): nothing to do");
      return;
    }
    SimulationPlan plan = factory.plan(clock.instant());
    Instant began = clock.instant();
    SimulationRun run =
        new SimulationRun(
            plan, factory.sink(), metrics, factory.properties().progressInterval(), began);
    try {
      Instant end = plan.config().end().toInstant();
      while (!run.finished()) {
        run.releaseUntil(end, BATCH);
        run.logProgress(clock.instant(), false);
      }
      run.releaseUntil(end, BATCH);
      run.flush();
    } finally {
      run.close();
    }
    Duration took = Duration.between(began, clock.instant());
    run.logProgress(clock.instant(), true);
    log.info(
        "command finished: {} records sent, {} failed in {} s ({} records/s); scenarios {};"
            + " ground truth in {}",
        metrics.sentCount(),
        metrics.failedCount(),
        String.format("%.1f", took.toMillis() / 1000.0),
        String.format("%.0f", metrics.sentCount() / Math.max(0.001, took.toMillis() / 1000.0)),
        run.injected(),
        factory.properties().groundTruthPath().toAbsolutePath());
    exitCode = metrics.failedCount() == 0 ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
