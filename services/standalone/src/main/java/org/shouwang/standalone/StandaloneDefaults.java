package org.shouwang.standalone;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-service settings of the embedded default: every file under the one data directory, and a
 * simulator that keeps streaming in real time once it has caught up with today (so entitlements
 * keep being paid) and resumes where it stopped after a restart. The simulator streams a demo-sized
 * county of {@value #DEMO_HOUSEHOLDS} households: the seed county's 240,000 (the simulator's own
 * default) take minutes to plan and more records a second than one machine running every service
 * keeps up with (services/simulator, Benchmark).
 */
final class StandaloneDefaults {

  /** Households of the demo county. */
  static final int DEMO_HOUSEHOLDS = 15_000;

  private StandaloneDefaults() {}

  static Map<String, Object> of(ServiceModule module, Path data) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("shouwang.security.demo-users", "true");
    defaults.putAll(ofModule(module, data));
    return defaults;
  }

  private static Map<String, Object> ofModule(ServiceModule module, Path data) {
    return switch (module) {
      case RISK_ENGINE ->
          Map.of("shouwang.risk-engine.state-dir", data.resolve("risk-engine/state").toString());
      case SIMULATOR ->
          Map.of(
              "shouwang.simulator.ground-truth-path",
              data.resolve("simulator/ground-truth.jsonl").toString(),
              "shouwang.simulator.progress-path",
              data.resolve("simulator/progress.properties").toString(),
              "shouwang.simulator.after-catch-up",
              "real-time",
              "shouwang.simulator.county.households",
              String.valueOf(DEMO_HOUSEHOLDS));
      case AUDIT ->
          Map.of(
              "shouwang.audit.checkpoint.path", data.resolve("audit/checkpoints.jsonl").toString());
      case ALERTING, INGEST, CONSOLE -> Map.of();
    };
  }
}
