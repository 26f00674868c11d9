package org.shouwang.simulator.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitoring line per year (yuan per person per year). DOMAIN.md found no Hunan figure, so the
 * default table starts at the 2021 national floor (6,000) and grows 8–10 % a year; a year after the
 * table grows the last line by 8 % a year, a year before it takes the first.
 */
public record MonitoringLines(Map<Integer, BigDecimal> lines) {

  public MonitoringLines {
    if (lines == null || lines.isEmpty()) {
      throw new IllegalArgumentException("the monitoring line table must name at least one year");
    }
    lines.forEach(
        (year, line) -> {
          if (line == null || line.signum() <= 0) {
            throw new IllegalArgumentException("the monitoring line of " + year + " must be > 0");
          }
        });
    lines = Map.copyOf(new TreeMap<>(lines));
  }

  public static MonitoringLines defaults() {
    return new MonitoringLines(
        Map.of(
            2021, new BigDecimal("6000"),
            2022, new BigDecimal("6500"),
            2023, new BigDecimal("7100"),
            2024, new BigDecimal("7700"),
            2025, new BigDecimal("8300"),
            2026, new BigDecimal("9000")));
  }

  /** The line of a year. */
  public BigDecimal of(int year) {
    TreeMap<Integer, BigDecimal> table = new TreeMap<>(lines);
    BigDecimal exact = table.get(year);
    if (exact != null) {
      return exact;
    }
    if (year < table.firstKey()) {
      return table.firstEntry().getValue();
    }
    Map.Entry<Integer, BigDecimal> last = table.lastEntry();
    return last.getValue()
        .multiply(BigDecimal.valueOf(Math.pow(1.08, year - last.getKey())))
        .setScale(0, RoundingMode.HALF_UP);
  }
}
