package org.shouwang.riskengine.streams;

import java.util.HashMap;
import java.util.Map;
import org.shouwang.events.RiskType;

/**
 * One task's share of the households-at-risk gauges: a household counts once per risk type of its
 * open cadre conditions, in its township. The share is given back when the task closes or moves to
 * another instance.
 */
final class AtRiskGauges {

  private static final int RISK_TYPES = RiskType.values().length;

  private final RiskEngineMetrics metrics;
  // by township, then risk type ordinal; a null township is a household never registered
  private final Map<String, long[]> atRisk = new HashMap<>();

  AtRiskGauges(RiskEngineMetrics metrics) {
    this.metrics = metrics;
  }

  /** A household counted in or out of the risk types of {@code mask} (a bit set of ordinals). */
  void add(String township, int mask, int delta) {
    if (mask == 0) {
      return;
    }
    long[] byRiskType = atRisk.computeIfAbsent(township, k -> new long[RISK_TYPES]);
    while (mask != 0) {
      int riskType = Integer.numberOfTrailingZeros(mask);
      mask &= mask - 1;
      metrics.atRisk(township, riskType, delta);
      byRiskType[riskType] += delta;
    }
  }

  /** Gives back everything this task counted. */
  void close() {
    for (Map.Entry<String, long[]> entry : atRisk.entrySet()) {
      long[] byRiskType = entry.getValue();
      for (int riskType = 0; riskType < byRiskType.length; riskType++) {
        if (byRiskType[riskType] != 0) {
          metrics.atRisk(entry.getKey(), riskType, -byRiskType[riskType]);
        }
      }
    }
    atRisk.clear();
  }
}
