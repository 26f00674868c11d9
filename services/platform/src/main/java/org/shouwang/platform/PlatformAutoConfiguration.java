package org.shouwang.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.PropertySource;

/**
 * Defaults every service starts from (lowest precedence, so a service's own configuration wins):
 * actuator health, info and Prometheus exposed, problem details on, build info.
 */
@AutoConfiguration
@PropertySource("classpath:shouwang-platform-defaults.properties")
public class PlatformAutoConfiguration {}
