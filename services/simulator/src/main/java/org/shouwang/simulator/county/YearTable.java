package org.shouwang.simulator.county;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A local standard that changes every year (yuan), e.g. the 低保 standard. A year before the table
 * takes its first value, a year after it its last: standards are set by decree, so the simulator
 * does not guess a rise the county has not decided.
 *
 * @param values the standard by year
 */
public record YearTable(Map<Integer, BigDecimal> values) {

  public YearTable {
    CountyShape.require(values != null && !values.isEmpty(), "a yearly table must name a year");
    values.forEach(
        (year, value) ->
            CountyShape.require(
                value != null && value.signum() > 0, "the standard of " + year + " must be > 0"));
    values = Map.copyOf(values);
  }

  /** The standard of a year. */
  public BigDecimal of(int year) {
    NavigableMap<Integer, BigDecimal> table = new TreeMap<>(values);
    Map.Entry<Integer, BigDecimal> atOrBefore = table.floorEntry(year);
    return atOrBefore != null ? atOrBefore.getValue() : table.firstEntry().getValue();
  }

  /** The last year the table names. */
  public int lastYear() {
    return new TreeMap<>(values).lastKey();
  }

  /** This table with other years merged over it. */
  public YearTable merge(Map<Integer, BigDecimal> overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return this;
    }
    Map<Integer, BigDecimal> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new YearTable(merged);
  }
}
