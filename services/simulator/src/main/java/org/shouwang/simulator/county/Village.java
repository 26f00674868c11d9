package org.shouwang.simulator.county;

/**
 * A village (村).
 *
 * @param code the township code and three digits, e.g. {@code 430421101201}
 * @param name Chinese name
 * @param townshipCode the township it belongs to
 */
public record Village(String code, String name, String townshipCode) {}
