/**
 * The Kafka consumer: reads every contract topic and its dead-letter topic as raw bytes, classifies
 * each record into an entry and appends each batch in one transaction.
 */
package org.shouwang.audit.consumer;
