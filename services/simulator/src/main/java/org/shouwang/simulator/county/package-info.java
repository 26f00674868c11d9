/**
 * The synthetic county: townships, villages, households with their members, paired cadres and the
 * entitlements they hold when the simulation starts. Pure and deterministic: {@link
 * org.shouwang.simulator.county.CountyGenerator#generate} is a function of a seed, a shape, the
 * payment standards and the year whose standards the entitlements are granted at.
 */
package org.shouwang.simulator.county;
