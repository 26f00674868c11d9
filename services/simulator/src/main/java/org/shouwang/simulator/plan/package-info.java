/**
 * A year of the county's life as contract records, with labelled risk scenarios and their ground
 * truth. Pure and deterministic: {@link org.shouwang.simulator.plan.SimulationPlan#generate} is a
 * function of a {@link org.shouwang.simulator.plan.SimulationConfig} and does no I/O, so other
 * modules' tests can score detection against it.
 */
package org.shouwang.simulator.plan;
