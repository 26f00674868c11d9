/**
 * The embedded default: on a machine with only a JDK, one command starts a real single-node Kafka
 * broker (KRaft, Apache Kafka's own server), a real PostgreSQL, every service on its contract port,
 * and the simulator. Each service runs in its own Spring context, exactly as its own jar would.
 */
package org.shouwang.standalone;
