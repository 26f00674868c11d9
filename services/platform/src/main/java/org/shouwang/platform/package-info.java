/**
 * What every Shouwang service shares beyond the contract: actuator and Prometheus defaults, RFC
 * 9457 problem details, and authentication with the contract's roles. Applied by Spring Boot
 * auto-configuration, so a service only depends on this module.
 */
package org.shouwang.platform;
