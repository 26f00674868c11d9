/** Apache Kafka's own KRaft server, run in this JVM with its data in the data directory. */
package org.shouwang.standalone.kafka;
