package org.shouwang.audit.store;

/**
 * The SQL of the store, kept together: every statement {@link AuditLog}, {@link CopyWalk} and
 * {@link DatabaseRole} run against {@code audit_log} and the roles.
 */
public final class AuditSql {

  /** The columns of an entry, in {@link AuditLog#map} and COPY order. */
  public static final String COLUMNS =
      "seq, appended_at, occurred_at, kind, household_id, actor, source_topic,"
          + " source_partition, source_offset, record_key, detail, payload, prev_hash, hash";

  /** Appends in PostgreSQL's text COPY format. */
  static final String COPY_IN = "COPY audit_log (" + COLUMNS + ") FROM STDIN";

  /** Appends in PostgreSQL's binary COPY format (servers that store UTF-8). */
  static final String COPY_IN_BINARY = COPY_IN + " (FORMAT binary)";

  /** The last entry's sequence number and hash. */
  static final String HEAD = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";

  /** The hash of one entry. */
  static final String HASH_AT = "SELECT hash FROM audit_log WHERE seq = ?";

  /** The highest sequence number of the snapshot. */
  static final String LAST_SEQUENCE = "SELECT max(seq) FROM audit_log";

  /** Keeps the planner from sorting the whole log; a walk follows the primary key instead. */
  static final String NO_SORT = "SET LOCAL enable_sort = off";

  /** The server's text encoding ({@code UTF8} allows the binary COPY format). */
  static final String SERVER_ENCODING = "SHOW server_encoding";

  /** The highest offset in the log of each (topic, partition) pair of two parallel arrays. */
  static final String HIGHEST_OFFSETS =
      "SELECT p.topic, p.part, (SELECT max(l.source_offset) FROM audit_log l"
          + " WHERE l.source_topic = p.topic AND l.source_partition = p.part)"
          + " FROM unnest(?::text[], ?::int[]) AS p(topic, part)";

  /** Which of an array of offsets of one topic and partition the log holds. */
  static final String PRESENT_OFFSETS =
      "SELECT source_offset FROM audit_log WHERE source_topic = ? AND source_partition = ?"
          + " AND source_offset = ANY (?)";

  /** The database's audit role, if the login user may use it. */
  static final String AUDIT_ROLE =
      "SELECT rolname FROM pg_roles WHERE rolname = current_database() || '_audit_app'"
          + " AND pg_has_role(current_user, oid, 'MEMBER')";

  /** Makes a read-only transaction see one snapshot throughout. */
  static final String READ_ONLY_SNAPSHOT =
      "SET TRANSACTION READ ONLY, ISOLATION LEVEL REPEATABLE READ";

  private AuditSql() {}

  /** Serialises appends: a transaction-scoped advisory lock on the chain. */
  static String chainLock(long key) {
    return "SELECT pg_advisory_xact_lock(" + key + ")";
  }

  /** The entries {@code from}..{@code to} (inclusive) in sequence order, as binary COPY. */
  static String copyOut(long from, long to) {
    return "COPY (SELECT "
        + COLUMNS
        + " FROM audit_log WHERE seq >= "
        + from
        + " AND seq <= "
        + to
        + " ORDER BY seq) TO STDOUT (FORMAT binary)";
  }

  /** Runs the rest of the transaction as a role. */
  static String setRole(String role) {
    return "SET LOCAL ROLE \"" + role.replace("\"", "\"\"") + "\"";
  }
}
