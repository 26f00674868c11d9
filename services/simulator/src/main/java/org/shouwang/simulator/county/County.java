package org.shouwang.simulator.county;

import java.util.List;

/**
 * The synthetic county.
 *
 * @param code the county code ({@code 430421})
 * @param name Chinese name
 * @param townships townships with their villages
 * @param households registered households, in id order
 * @param cadres the ids of the paired cadres, in order
 */
public record County(
    String code,
    String name,
    List<Township> townships,
    List<Household> households,
    List<String> cadres) {

  public int villageCount() {
    return townships.stream().mapToInt(t -> t.villages().size()).sum();
  }

  public double averageHouseholdSize() {
    return households.stream().mapToInt(Household::size).average().orElse(0);
  }
}
