/**
 * The external contract as code: the records that travel on Kafka (household events, subsidy
 * payments, alerts), every code list as an enum, the typed topic descriptors, the JSON serdes and
 * the validation that explains every violation of a record.
 *
 * <p>This package is the module's whole public surface; services depend on nothing else in it.
 */
package org.shouwang.events;
