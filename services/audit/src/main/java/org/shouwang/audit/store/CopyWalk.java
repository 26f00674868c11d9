package org.shouwang.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.ChainVerifier;

/**
 * The verification walk over the database: the rows come with one binary {@code COPY ... TO STDOUT}
 * (no cursor round trips, no per-column conversion in the driver), are framed in large buffers and
 * hashed straight from them ({@link CopyRows}). Reading and hashing overlap: the calling thread
 * reads from the connection and frames rows while a second thread hashes and checks the chain, the
 * buffers passing between them through two small queues. Entries are checked in sequence order by
 * the one {@link ChainVerifier}, so the report is that of the plain walk.
 */
final class CopyWalk {

  /** Bytes per buffer (grown for a row larger than this). */
  private static final int CHUNK_BYTES = 1 << 20;

  /** Rows per buffer handed over at most. */
  private static final int CHUNK_ROWS = 2048;

  /**
   * Sequence numbers per COPY: after a break, at most this many rows are read in vain (a COPY
   * cannot be cancelled without losing the connection).
   */
  static final long SEGMENT = 1 << 16;

  /** Buffers in flight between the reading and the hashing thread. */
  private static final int CHUNKS = 3;

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };

  /** Marks the end of the rows in the queue to the hashing thread. */
  private static final CopyRows END = new CopyRows(0, 0);

  private CopyWalk() {}

  /**
   * Streams the entries {@code first}..{@code last} through the verifier in sequence order,
   * stopping at its first break. One COPY per {@code segment} sequence numbers: a COPY cannot be
   * stopped half way without losing the connection, so after a break the rest of the current
   * segment is read and dropped, never the rest of the log.
   *
   * @param pipelined hash on a second thread while this one reads
   */
  static void walk(
      Connection c, long first, long last, long segment, ChainVerifier verifier, boolean pipelined)
      throws SQLException {
    CopyManager copies = c.unwrap(PGConnection.class).getCopyAPI();
    Checker checker = new Checker(verifier);
    if (!pipelined) {
      CopyRows only = new CopyRows(CHUNK_BYTES, CHUNK_ROWS);
      read(copies, first, last, segment, checker::offer, checker, () -> only);
      checker.rethrow();
      return;
    }
    BlockingQueue<CopyRows> free = new ArrayBlockingQueue<>(CHUNKS);
    BlockingQueue<CopyRows> full = new ArrayBlockingQueue<>(CHUNKS + 1);
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new CopyRows(CHUNK_BYTES, CHUNK_ROWS));
    }
    Thread hashing =
        new Thread(
            () -> {
              while (true) {
                CopyRows chunk = take(full);
                if (chunk == END) {
                  return;
                }
                checker.offer(chunk);
                free.add(chunk);
              }
            },
            "audit-verify-hashing");
    hashing.setDaemon(true);
    hashing.start();
    try {
      read(copies, first, last, segment, full::add, checker, () -> take(free));
    } finally {
      full.add(END);
      try {
        hashing.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AuditStoreException("interrupted while verifying", e);
      }
    }
    checker.rethrow();
  }

  /** Where framed rows go, and where empty buffers come from. */
  private interface Sink {
    void accept(CopyRows chunk);
  }

  private interface Source {
    CopyRows get();
  }

  /** The reading side: COPY streams in, framed buffers out. */
  private static final class Reader {
    private final Sink sink;
    private final Source buffers;
    private CopyRows chunk;
    private int filled;
    private int framed;

    Reader(Sink sink, Source buffers) {
      this.sink = sink;
      this.buffers = buffers;
      chunk = buffers.get();
      chunk.rows = 0;
    }

    /** Hands the framed rows on and carries the unframed rest over into the next buffer. */
    void handOff() {
      byte[] rest = Arrays.copyOfRange(chunk.buf, framed, filled);
      sink.accept(chunk);
      chunk = buffers.get();
      chunk.rows = 0;
      if (chunk.buf.length < rest.length) {
        chunk.buf = new byte[rest.length * 2];
      }
      System.arraycopy(rest, 0, chunk.buf, 0, rest.length);
      filled = rest.length;
      framed = 0;
    }

    void add(byte[] message) {
      if (filled + message.length > chunk.buf.length) {
        if (chunk.rows > 0) {
          handOff();
        }
        if (filled + message.length > chunk.buf.length) {
          chunk.buf =
              Arrays.copyOf(chunk.buf, Math.max(chunk.buf.length * 2, filled + message.length));
        }
      }
      System.arraycopy(message, 0, chunk.buf, filled, message.length);
      filled += message.length;
    }

    void finish() {
      if (chunk.rows > 0) {
        sink.accept(chunk);
      }
    }
  }

  /**
   * Reads the COPY streams segment by segment, frames rows into buffers and hands each full buffer
   * on; after the checker is done, only drains the current segment.
   */
  private static void read(
      CopyManager copies,
      long first,
      long last,
      long segment,
      Sink sink,
      Checker checker,
      Source buffers)
      throws SQLException {
    Reader reader = new Reader(sink, buffers);
    for (long from = first; from <= last && !checker.done(); ) {
      long to = Math.min(last, from + segment - 1);
      CopyOut copy = copies.copyOut(AuditSql.copyOut(from, to));
      boolean inHeader = true;
      boolean ended = false;
      byte[] message;
      while ((message = copy.readFromCopy()) != null) {
        if (ended || checker.done()) {
          continue;
        }
        reader.add(message);
        if (inHeader) {
          int rows = header(reader.chunk.buf, reader.framed, reader.filled);
          if (rows < 0) {
            continue;
          }
          reader.framed = rows;
          inHeader = false;
        }
        int at = reader.chunk.frame(reader.framed, reader.filled);
        if (at < 0) {
          // the end marker: dropped, the next segment's header goes in its place
          ended = true;
          reader.framed = -at - 1;
          reader.filled = reader.framed;
        } else {
          reader.framed = at;
        }
        if (reader.chunk.rows >= CHUNK_ROWS) {
          reader.handOff();
        }
      }
      if (to == Long.MAX_VALUE) {
        break;
      }
      from = to + 1;
    }
    reader.finish();
  }

  /** The offset after the COPY header starting at {@code from}, or -1 while it is incomplete. */
  private static int header(byte[] b, int from, int filled) {
    if (filled - from < SIGNATURE.length + 8) {
      return -1;
    }
    if (!Arrays.equals(b, from, from + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new AuditStoreException("not a binary COPY stream", null);
    }
    int end = from + SIGNATURE.length + 8 + CopyRows.getInt(b, from + SIGNATURE.length + 4);
    return filled < end ? -1 : end;
  }

  private static CopyRows take(BlockingQueue<CopyRows> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditStoreException("interrupted while verifying", e);
    }
  }

  /** Hashes and checks framed rows in order; remembers the first failure. */
  private static final class Checker {
    private final ChainVerifier verifier;
    private final CopyRows.Hasher hasher = new CopyRows.Hasher();
    private volatile boolean done;
    private volatile RuntimeException failure;

    Checker(ChainVerifier verifier) {
      this.verifier = verifier;
    }

    boolean done() {
      return done;
    }

    void offer(CopyRows chunk) {
      if (done) {
        return;
      }
      try {
        for (int row = 0; row < chunk.rows; row++) {
          String hash = chunk.hash(row);
          String recomputed =
              chunk.hashHolds(row, hasher) ? hash : CanonicalEncoding.hash(chunk.entry(row));
          if (!verifier.accept(chunk.sequence(row), chunk.prevHash(row), hash, recomputed)) {
            done = true;
            return;
          }
        }
      } catch (RuntimeException e) {
        failure = e;
        done = true;
      }
    }

    void rethrow() {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
