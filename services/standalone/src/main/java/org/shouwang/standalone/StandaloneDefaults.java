package org.shouwang.standalone;

import java.nio.file.Path;
import java.util.Map;

/** Per-service settings of the embedded default: where each keeps its files. */
final class StandaloneDefaults {

  private StandaloneDefaults() {}

  static Map<String, Object> of(ServiceModule module, Path data) {
    return switch (module) {
      case RISK_ENGINE -> Map.of();
      case AUDIT -> Map.of();
      case SIMULATOR -> Map.of();
      case ALERTING, INGEST -> Map.of();
    };
  }
}
