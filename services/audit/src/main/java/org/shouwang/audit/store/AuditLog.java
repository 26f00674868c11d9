package org.shouwang.audit.store;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.ChainHead;
import org.shouwang.audit.chain.ChainVerifier;
import org.shouwang.audit.chain.KindFamily;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.chain.VerificationResult;

/**
 * The log in PostgreSQL: the only writer of {@code audit_log}, and the chain walk over it.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock, so the chain stays linear
 * whatever the number of consumer threads and HTTP requests appending at once. A batch is one
 * transaction: lock, drop records already appended (same topic, partition and offset), read the
 * head, hash in Java, {@code COPY} the rows, commit.
 */
public final class AuditLog {

  /** The advisory lock key of the chain (advisory locks are per database). */
  static final long CHAIN_LOCK = 0x5357_4155_4449_5431L;

  /** Whether verification hashes on a second thread while reading (for measurements). */
  private static final boolean PIPELINED =
      !Boolean.getBoolean("shouwang.audit.verification.single-thread");

  private final DataSource dataSource;
  private final DatabaseRole role;
  private final Clock clock;
  private final AuditMetrics metrics;
  private final int fetchSize;

  /** Whether the server stores text as UTF-8, so the binary COPY format can be used; lazily set. */
  private volatile Boolean utf8Server;

  public AuditLog(
      DataSource dataSource, DatabaseRole role, Clock clock, AuditMetrics metrics, int fetchSize) {
    this.dataSource = dataSource;
    this.role = role;
    this.clock = clock;
    this.metrics = metrics;
    this.fetchSize = fetchSize;
  }

  /** What runs on a read-only, repeatable-read connection. */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    T run(Connection connection) throws Exception;
  }

  /** Sequence numbers per COPY of a verification walk. */
  private volatile long verifySegment = CopyWalk.SEGMENT;

  /** Walks in COPY segments of this many sequence numbers from now on; for tests. */
  void useVerifySegments(long segment) {
    verifySegment = segment;
  }

  /** Uses the text COPY format from now on (what a server not storing UTF-8 gets); for tests. */
  void useTextCopy() {
    utf8Server = false;
  }

  /**
   * Appends the entries in order, in one transaction; entries from Kafka already in the log are
   * skipped. Returns the entries appended.
   */
  public List<AuditEntry> append(List<NewEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    long started = System.nanoTime();
    List<AuditEntry> chained = new ArrayList<>(entries.size());
    try (Connection c = dataSource.getConnection()) {
      try {
        role.begin(c, false);
        try (Statement s = c.createStatement()) {
          s.execute(AuditSql.chainLock(CHAIN_LOCK));
        }
        List<NewEntry> fresh = fresh(c, entries);
        if (!fresh.isEmpty()) {
          ChainHead head = head(c).orElse(new ChainHead(0, CanonicalEncoding.GENESIS));
          Instant now = clock.instant();
          if (utf8Server == null) {
            utf8Server = utf8Server(c);
          }
          if (utf8Server) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(AuditSql.COPY_IN_BINARY);
            try {
              chained.addAll(
                  new ChainWriter().write(copy, fresh, head.sequence() + 1, now, head.hash()));
              copy.endCopy();
            } finally {
              if (copy.isActive()) {
                copy.cancelCopy();
              }
            }
          } else {
            long sequence = head.sequence();
            String prev = head.hash();
            for (NewEntry e : fresh) {
              AuditEntry entry = AuditEntry.chain(++sequence, now, e, prev);
              prev = entry.hash();
              chained.add(entry);
            }
            copy(c, chained);
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new AuditStoreException("could not append " + entries.size() + " entries", e);
    }
    if (!chained.isEmpty()) {
      Map<KindFamily, Integer> perFamily = new EnumMap<>(KindFamily.class);
      for (AuditEntry e : chained) {
        KindFamily.of(e.kind()).ifPresent(f -> perFamily.merge(f, 1, Integer::sum));
      }
      metrics.recordAppended(
          perFamily,
          chained.get(chained.size() - 1).sequence(),
          Duration.ofNanos(System.nanoTime() - started));
    }
    return chained;
  }

  /** The last entry, if any. */
  public Optional<ChainHead> head() {
    return read(AuditLog::head);
  }

  /** Runs read-only work in one repeatable-read transaction (one consistent snapshot). */
  public <T> T read(ConnectionWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      try {
        role.begin(c, true);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (Exception e) {
        c.rollback();
        if (e instanceof RuntimeException r) {
          throw r;
        }
        throw new AuditStoreException("could not read the audit log", e);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new AuditStoreException("could not read the audit log", e);
    }
  }

  /**
   * Walks entries {@code from}..{@code to} (both optional, inclusive) with binary COPY ({@link
   * CopyWalk}), recomputing every hash and link and comparing against the checkpoints. Load the
   * checkpoints before calling this: the walk's snapshot must contain every entry they name.
   */
  public VerificationResult verify(Long from, Long to, Map<Long, String> checkpoints) {
    long started = System.nanoTime();
    VerificationResult result =
        read(
            c -> {
              long first = from == null || from < 1 ? 1 : from;
              String prevHash = first == 1 ? CanonicalEncoding.GENESIS : hashAt(c, first - 1);
              ChainVerifier verifier = ChainVerifier.from(first, prevHash, checkpoints);
              // the rows are wanted in sequence order: along the primary key, which follows the
              // table's physical order, never sorted (a sort of the whole log spills to disk)
              try (Statement st = c.createStatement()) {
                st.execute(AuditSql.NO_SORT);
              }
              long last = to == null ? Long.MAX_VALUE : to;
              try (Statement st = c.createStatement();
                  ResultSet rs = st.executeQuery(AuditSql.LAST_SEQUENCE)) {
                // the walk goes in segments up to the last entry of this snapshot
                last = rs.next() ? Math.min(last, rs.getLong(1)) : 0;
              }
              CopyWalk.walk(c, first, last, verifySegment, verifier, PIPELINED);
              return verifier.finish(to == null);
            });
    metrics.recordVerification(result, Duration.ofNanos(System.nanoTime() - started));
    return result;
  }

  /** The entry at the cursor's row, columns as {@link AuditSql#COLUMNS}. */
  public static AuditEntry map(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        instant(rs, 2),
        instant(rs, 3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        (Integer) rs.getObject(8),
        (Long) rs.getObject(9),
        rs.getString(10),
        rs.getString(11),
        rs.getBytes(12),
        rs.getString(13),
        rs.getString(14));
  }

  /**
   * Asks the driver for the binary result format (bytea as raw bytes instead of hex text), which it
   * otherwise uses only after a statement ran several times.
   */
  public static void binaryTransfer(PreparedStatement statement) throws SQLException {
    if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
      statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
    }
  }

  /** The cursor fetch size of exports. */
  public int fetchSize() {
    return fetchSize;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    java.time.OffsetDateTime time = rs.getObject(column, java.time.OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static Optional<ChainHead> head(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(AuditSql.HEAD)) {
      return rs.next()
          ? Optional.of(new ChainHead(rs.getLong(1), rs.getString(2)))
          : Optional.empty();
    }
  }

  private static String hashAt(Connection c, long sequence) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(AuditSql.HASH_AT)) {
      s.setLong(1, sequence);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * The entries whose Kafka record is neither in the log nor earlier in the batch. The usual batch
   * holds each partition's records in increasing offsets, all above the highest offset of that
   * partition in the log: one query for those highest offsets (each an index probe) proves it.
   * Anything else (a redelivery after a restart, a batch out of order) takes the exact check of
   * every offset.
   */
  private static List<NewEntry> fresh(Connection c, List<NewEntry> entries) throws SQLException {
    Map<String, Map<Integer, long[]>> partitions = new HashMap<>();
    int kafka = 0;
    for (NewEntry e : entries) {
      if (e.fromKafka()) {
        kafka++;
        long[] seen =
            partitions
                .computeIfAbsent(e.sourceTopic(), t -> new HashMap<>())
                .computeIfAbsent(e.sourcePartition(), p -> new long[] {Long.MIN_VALUE});
        if (e.sourceOffset() <= seen[0]) {
          return withoutAppended(c, entries);
        }
        seen[0] = e.sourceOffset();
      }
    }
    if (kafka == 0) {
      return entries;
    }
    List<String> topics = new ArrayList<>();
    List<Integer> parts = new ArrayList<>();
    partitions.forEach(
        (topic, byPartition) ->
            byPartition
                .keySet()
                .forEach(
                    p -> {
                      topics.add(topic);
                      parts.add(p);
                    }));
    Map<String, Map<Integer, Long>> highest = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(AuditSql.HIGHEST_OFFSETS)) {
      s.setArray(1, c.createArrayOf("text", topics.toArray()));
      s.setArray(2, c.createArrayOf("integer", parts.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long max = rs.getLong(3);
          if (!rs.wasNull()) {
            highest.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getInt(2), max);
          }
        }
      }
    }
    if (highest.isEmpty()) {
      return entries;
    }
    for (NewEntry e : entries) {
      if (e.fromKafka()) {
        Map<Integer, Long> byPartition = highest.get(e.sourceTopic());
        Long max = byPartition == null ? null : byPartition.get(e.sourcePartition());
        if (max != null && e.sourceOffset() <= max) {
          return withoutAppended(c, entries);
        }
      }
    }
    return entries;
  }

  /** The entries whose Kafka record is neither in the log nor earlier in the batch. */
  private static List<NewEntry> withoutAppended(Connection c, List<NewEntry> entries)
      throws SQLException {
    Map<String, Map<Integer, List<Long>>> offsets = new LinkedHashMap<>();
    for (NewEntry e : entries) {
      if (e.fromKafka()) {
        offsets
            .computeIfAbsent(e.sourceTopic(), t -> new LinkedHashMap<>())
            .computeIfAbsent(e.sourcePartition(), p -> new ArrayList<>())
            .add(e.sourceOffset());
      }
    }
    Set<String> present = new HashSet<>();
    if (!offsets.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement(AuditSql.PRESENT_OFFSETS)) {
        for (var topic : offsets.entrySet()) {
          for (var partition : topic.getValue().entrySet()) {
            Array array = c.createArrayOf("bigint", partition.getValue().toArray(Long[]::new));
            s.setString(1, topic.getKey());
            s.setInt(2, partition.getKey());
            s.setArray(3, array);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                present.add(sourceKey(topic.getKey(), partition.getKey(), rs.getLong(1)));
              }
            }
            array.free();
          }
        }
      }
    }
    List<NewEntry> fresh = new ArrayList<>(entries.size());
    for (NewEntry e : entries) {
      if (!e.fromKafka()
          || present.add(sourceKey(e.sourceTopic(), e.sourcePartition(), e.sourceOffset()))) {
        fresh.add(e);
      }
    }
    return fresh;
  }

  private static String sourceKey(String topic, int partition, long offset) {
    return topic + '\u0000' + partition + '\u0000' + offset;
  }

  private static boolean utf8Server(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(AuditSql.SERVER_ENCODING)) {
      return rs.next() && "UTF8".equalsIgnoreCase(rs.getString(1));
    }
  }

  /** COPY in PostgreSQL's text format: one line per entry, tab-separated, {@code \N} for null. */
  private static void copy(Connection c, List<AuditEntry> entries) throws SQLException {
    StringBuilder rows = new StringBuilder(entries.size() * 512);
    for (AuditEntry e : entries) {
      rows.append(e.sequence()).append('\t');
      text(rows, CanonicalEncoding.time(e.appendedAt())).append('\t');
      text(rows, CanonicalEncoding.time(e.occurredAt())).append('\t');
      text(rows, e.kind()).append('\t');
      text(rows, e.householdId()).append('\t');
      text(rows, e.actor()).append('\t');
      text(rows, e.sourceTopic()).append('\t');
      text(rows, e.sourcePartition() == null ? null : e.sourcePartition().toString()).append('\t');
      text(rows, e.sourceOffset() == null ? null : e.sourceOffset().toString()).append('\t');
      text(rows, e.recordKey()).append('\t');
      text(rows, e.detail()).append('\t');
      if (e.payload() == null) {
        rows.append("\\N");
      } else {
        // bytea hex input "\x..", its backslash escaped for the COPY text format
        rows.append("\\\\x");
        java.util.HexFormat.of().formatHex(rows, e.payload());
      }
      rows.append('\t');
      text(rows, e.prevHash()).append('\t');
      text(rows, e.hash()).append('\n');
    }
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(AuditSql.COPY_IN, new StringReader(rows.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY into audit_log failed", e);
    }
  }

  private static StringBuilder text(StringBuilder out, String value) {
    if (value == null) {
      return out.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
    return out;
  }
}
