/**
 * Consumer: the Kafka Streams topology that keeps each household's picture and raises alerts on
 * risk.alerts.
 */
package org.shouwang.riskengine;
