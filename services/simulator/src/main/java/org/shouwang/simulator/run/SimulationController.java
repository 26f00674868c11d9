package org.shouwang.simulator.run;

import java.util.Map;
import org.shouwang.simulator.plan.SimulationConfig;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The simulation's status for administrators and supervisors. */
@RestController
@RequestMapping("/api/v1/simulation")
class SimulationController {

  private final SimulationRunner runner;
  private final SimulationMetrics metrics;

  SimulationController(SimulationRunner runner, SimulationMetrics metrics) {
    this.runner = runner;
    this.metrics = metrics;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
  SimulationStatus status() {
    SimulatorProperties properties = runnerProperties();
    SimulationRun run = runner.run();
    if (run == null) {
      return new SimulationStatus(
          runner.state(),
          properties.mode(),
          properties.sink(),
          properties.seed(),
          properties.county().households(),
          null,
          null,
          null,
          properties.speed(),
          0,
          0,
          0,
          0,
          Map.of(),
          Map.of(),
          properties.groundTruthPath().toString());
    }
    SimulationConfig config = run.plan().config();
    return new SimulationStatus(
        runner.state(),
        properties.mode(),
        properties.sink(),
        config.seed(),
        run.plan().county().households().size(),
        config.start(),
        config.end(),
        run.simulatedNow().atOffset(SimulationConfig.CHINA),
        properties.speed(),
        run.plan().records().size(),
        metrics.sentCount(),
        metrics.failedCount(),
        Math.round(metrics.progress() * 1000) / 10.0,
        run.plan().scenarioCounts(),
        run.injected(),
        properties.groundTruthPath().toAbsolutePath().toString());
  }

  private SimulatorProperties runnerProperties() {
    return runner.properties();
  }
}
