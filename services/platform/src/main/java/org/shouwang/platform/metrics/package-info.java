/** Metrics every service exports alike: the Chinese names of the codes the boards show. */
package org.shouwang.platform.metrics;
