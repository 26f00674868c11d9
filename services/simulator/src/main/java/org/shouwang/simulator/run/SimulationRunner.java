package org.shouwang.simulator.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.shouwang.simulator.plan.SimulationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The service mode: plans the county in the background once the service is up, then releases
 * records on the simulated clock at every tick until the plan is used up.
 */
final class SimulationRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

  /** At most this many records per tick, so a very fast clock still yields between ticks. */
  private static final int MAX_PER_TICK = 20_000;

  /** What the runner is doing. */
  enum State {
    DISABLED,
    PLANNING,
    RUNNING,
    FINISHED,
    FAILED
  }

  private final SimulationFactory factory;
  private final SimulationMetrics metrics;
  private final Clock clock;
  private volatile State state = State.DISABLED;
  private volatile SimulationRun run;
  private volatile SimulatedClock simulatedClock;
  private SimulationProgress progress;
  private Instant progressSavedAt;
  private ScheduledExecutorService executor;
  private boolean running;

  SimulationRunner(SimulationFactory factory, SimulationMetrics metrics, Clock clock) {
    this.factory = factory;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    running = true;
    SimulatorProperties properties = factory.properties();
    if (!properties.enabled() || properties.mode() != SimulatorProperties.Mode.SERVICE) {
      log.info(
          "simulation not started (enabled={}, mode={})", properties.enabled(), properties.mode());
      return;
    }
    state = State.PLANNING;
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "shouwang-simulator");
              thread.setDaemon(true);
              return thread;
            });
    executor.execute(this::prepare);
  }

  private void prepare() {
    try {
      Instant now = clock.instant();
      SimulationPlan plan = factory.plan(now);
      Instant wallStart = clock.instant();
      Instant position =
          factory
              .savedProgress()
              .filter(saved -> saved.start().isEqual(plan.config().start()))
              .map(SimulationProgress::position)
              .orElse(plan.config().start().toInstant());
      progress =
          new SimulationProgress(
              plan.config().seed(), plan.config().start(), plan.config().end(), position);
      progressSavedAt = wallStart;
      simulatedClock =
          new SimulatedClock(
              position, plan.config().end().toInstant(), wallStart, factory.properties().speed());
      run =
          new SimulationRun(
              plan, factory.sink(), metrics, factory.properties().progressInterval(), wallStart);
      run.resumeAt(position);
      state = State.RUNNING;
      long tick = Math.max(10, factory.properties().tick().toMillis());
      executor.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      state = State.FAILED;
      log.error("the simulation could not start", e);
    }
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      Instant simulated = simulatedClock.at(now);
      run.releaseUntil(simulated, MAX_PER_TICK);
      metrics.clock(run.simulatedNow(), java.time.Duration.between(run.simulatedNow(), now));
      run.logProgress(now, false);
      if (run.finished()
          || Duration.between(progressSavedAt, now)
                  .compareTo(factory.properties().progressInterval())
              >= 0) {
        saveProgress(now);
      }
      if (run.finished()) {
        run.flush();
        run.logProgress(clock.instant(), true);
        log.info(
            "simulation finished: {} records sent, {} failed, scenarios {}",
            metrics.sentCount(),
            metrics.failedCount(),
            run.injected());
        run.close();
        state = State.FINISHED;
        executor.shutdown();
      }
    } catch (RuntimeException e) {
      // keep ticking: a broker hiccup must not end the simulation
      log.warn("simulation tick failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      SimulationRun current = run;
      if (current != null && state == State.RUNNING) {
        saveProgress(clock.instant());
        current.close();
      }
    }
  }

  /** Flushes what was sent, then records how far the run got (when a progress file is set). */
  private void saveProgress(Instant now) {
    java.nio.file.Path path = factory.properties().progressPath();
    SimulationRun current = run;
    if (path == null || current == null) {
      return;
    }
    current.flush();
    progress = progress.at(current.simulatedNow());
    try {
      progress.write(path);
    } catch (java.io.UncheckedIOException e) {
      log.warn("{}", e.getMessage());
    }
    progressSavedAt = now;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // after the web server and Kafka admin (topics exist), stopped before them
    return Integer.MAX_VALUE - 100;
  }

  State state() {
    return state;
  }

  SimulationRun run() {
    return run;
  }

  SimulatorProperties properties() {
    return factory.properties();
  }
}
