/**
 * Producer service: a synthetic county, shaped like the seed, streaming a year of life with
 * labelled risk scenarios.
 */
package org.shouwang.simulator;
