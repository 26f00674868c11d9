/** Cross-cutting wiring of the alerting service: configuration, clock, scheduling. */
package org.shouwang.alerting.config;
