/**
 * The log context (SLF4J MDC) of the household and case a log line is about, so structured logs
 * ({@code logging.structured.format.console=ecs} or {@code logstash}) can be searched by them.
 */
package org.shouwang.alerting.logging;
