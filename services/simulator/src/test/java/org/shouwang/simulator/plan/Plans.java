package org.shouwang.simulator.plan;

import java.time.OffsetDateTime;
import java.util.concurrent.ConcurrentHashMap;
import org.shouwang.simulator.county.CountyShape;

/** Simulations the tests share: generated once per JVM (they are pure, so sharing is safe). */
final class Plans {

  /** A fixed simulated year that lies wholly in the past. */
  static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T00:00:00+08:00");

  static final OffsetDateTime END = START.plusYears(1);

  private static final ConcurrentHashMap<String, SimulationPlan> CACHE = new ConcurrentHashMap<>();

  private Plans() {}

  static SimulationConfig config(long seed, int households) {
    return SimulationConfig.defaults(seed, START, END)
        .withCounty(CountyShape.defaults().withHouseholds(households));
  }

  static SimulationPlan plan(long seed, int households) {
    return CACHE.computeIfAbsent(
        seed + "/" + households, k -> SimulationPlan.generate(config(seed, households)));
  }
}
