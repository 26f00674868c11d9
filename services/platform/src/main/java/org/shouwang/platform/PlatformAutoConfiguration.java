package org.shouwang.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Marks the platform's auto-configuration; its defaults (actuator health, info and Prometheus
 * exposed, problem details on, build info) come from {@link PlatformDefaults}.
 */
@AutoConfiguration
public class PlatformAutoConfiguration {}
