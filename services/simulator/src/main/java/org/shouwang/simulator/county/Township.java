package org.shouwang.simulator.county;

import java.util.List;

/**
 * A township (乡镇) with its villages.
 *
 * @param code {@code 430421} and three digits, e.g. {@code 430421101}
 * @param name Chinese name
 * @param villages its villages
 */
public record Township(String code, String name, List<Village> villages) {

  /** The three digits after the county code, used in household ids. */
  public String shortCode() {
    return code.substring(code.length() - 3);
  }
}
