/**
 * The synthetic county: townships, villages, households with their members, paired cadres and the
 * entitlements they hold when the simulation starts. Pure and deterministic: {@link
 * org.shouwang.simulator.county.CountyGenerator#generate} is a function of a seed and a shape.
 */
package org.shouwang.simulator.county;
