/**
 * Authentication on every {@code /api/**} path with the contract's roles; actuator endpoints stay
 * open for Prometheus and health checks. Users come from {@code shouwang.security.users}; with none
 * configured the documented demo accounts are installed (with a warning) if {@code
 * shouwang.security.demo-users} is on, else the service refuses to start.
 */
package org.shouwang.platform.security;
