/**
 * The log in PostgreSQL: the only writer of {@code audit_log} (binary or text COPY under an
 * advisory lock), the COPY walk that verifies it, the database role, the SQL ({@link
 * org.shouwang.audit.store.AuditSql}), metrics, and the reads appended to the log itself.
 */
package org.shouwang.audit.store;
