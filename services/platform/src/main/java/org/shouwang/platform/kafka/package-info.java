/**
 * The contract's topics as a deployment names them: {@link
 * org.shouwang.platform.kafka.ContractTopics} applies {@code shouwang.kafka.topic-prefix} and
 * creates the topics and their dead-letter topics at startup.
 */
package org.shouwang.platform.kafka;
