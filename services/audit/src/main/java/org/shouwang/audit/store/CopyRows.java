package org.shouwang.audit.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.CanonicalEncoding;

/**
 * Rows of {@code audit_log} in PostgreSQL's binary COPY format ({@link AuditSql#COLUMNS} order),
 * framed in a buffer, and hashed straight from it.
 *
 * <p>The binary COPY format writes every field as a 4-byte big-endian length (-1 for null) followed
 * by its bytes, text as UTF-8 and {@code bytea} as itself: the same framing as the canonical
 * encoding. So the runs of text fields ({@code kind} … {@code source_topic} and {@code record_key}
 * … {@code prev_hash}) go into the digest as the server sent them; only the sequence, the two
 * times, the partition and the offset are re-encoded (binary integers to decimal text, microseconds
 * since 2000 to the canonical time text). No entry, string or time object is built for a row that
 * holds; a row that does not is decoded into an {@link AuditEntry} and hashed the ordinary way, for
 * the report.
 */
final class CopyRows {

  /** Fields per row. */
  static final int FIELDS = 14;

  /** Per row: the offset of each field's length word, then the offset after the row. */
  static final int SLOTS = FIELDS + 1;

  private static final int SEQ = 0;
  private static final int APPENDED_AT = 1;
  private static final int OCCURRED_AT = 2;
  private static final int KIND = 3;
  private static final int PARTITION = 7;
  private static final int OFFSET = 8;
  private static final int RECORD_KEY = 9;
  private static final int PREV_HASH = 12;
  private static final int HASH = 13;

  /** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
  static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VERSION_FIELD;

  static {
    byte[] tag = CanonicalEncoding.VERSION.getBytes(StandardCharsets.UTF_8);
    VERSION_FIELD = new byte[4 + tag.length];
    putInt(VERSION_FIELD, 0, tag.length);
    System.arraycopy(tag, 0, VERSION_FIELD, 4, tag.length);
  }

  byte[] buf;
  int[] slots;
  int rows;

  CopyRows(int capacity, int rowCapacity) {
    buf = new byte[capacity];
    slots = new int[rowCapacity * SLOTS];
  }

  /**
   * Frames the complete rows in {@code buf[from, limit)}, appending them to this chunk. Returns the
   * offset after the last complete row, or {@code -1 - offset} of the end-of-data marker once it is
   * reached.
   */
  int frame(int from, int limit) {
    int at = from;
    while (true) {
      if (limit - at < 2) {
        return at;
      }
      short fields = (short) (((buf[at] & 0xff) << 8) | (buf[at + 1] & 0xff));
      if (fields == -1) {
        return -1 - at;
      }
      if (fields != FIELDS) {
        throw new AuditStoreException(
            "unexpected COPY row of " + fields + " fields (expected " + FIELDS + ")", null);
      }
      int p = at + 2;
      if ((rows + 1) * SLOTS > slots.length) {
        slots = Arrays.copyOf(slots, slots.length * 2);
      }
      int base = rows * SLOTS;
      boolean complete = true;
      for (int f = 0; f < FIELDS; f++) {
        if (limit - p < 4) {
          complete = false;
          break;
        }
        slots[base + f] = p;
        int length = getInt(buf, p);
        p += 4;
        if (length > 0) {
          if (limit - p < length) {
            complete = false;
            break;
          }
          p += length;
        }
      }
      if (!complete) {
        return at;
      }
      slots[base + FIELDS] = p;
      rows++;
      at = p;
    }
  }

  /** The offset where row {@code row} starts (its field count). */
  int rowStart(int row) {
    return slots[row * SLOTS] - 2;
  }

  /** The offset after row {@code row}. */
  int rowEnd(int row) {
    return slots[row * SLOTS + FIELDS];
  }

  long sequence(int row) {
    int at = slots[row * SLOTS + SEQ];
    return getInt(buf, at) == 8 ? getLong(buf, at + 4) : Long.MIN_VALUE;
  }

  String prevHash(int row) {
    return text(row, PREV_HASH);
  }

  String hash(int row) {
    return text(row, HASH);
  }

  /** Whether the stored hash of the row is the hash of its fields (the fast path). */
  boolean hashHolds(int row, Hasher hasher) {
    return hasher.holds(this, row * SLOTS);
  }

  /** The row as an entry (the slow path, for rows that do not hold). */
  AuditEntry entry(int row) {
    return new AuditEntry(
        sequence(row),
        time(row, APPENDED_AT),
        time(row, OCCURRED_AT),
        text(row, KIND),
        text(row, KIND + 1),
        text(row, KIND + 2),
        text(row, KIND + 3),
        isNull(row, PARTITION) ? null : getInt(buf, field(row, PARTITION) + 4),
        isNull(row, OFFSET) ? null : getLong(buf, field(row, OFFSET) + 4),
        text(row, RECORD_KEY),
        text(row, RECORD_KEY + 1),
        bytes(row, RECORD_KEY + 2),
        text(row, PREV_HASH),
        text(row, HASH));
  }

  private int field(int row, int f) {
    return slots[row * SLOTS + f];
  }

  private boolean isNull(int row, int f) {
    return getInt(buf, field(row, f)) < 0;
  }

  private String text(int row, int f) {
    int at = field(row, f);
    int length = getInt(buf, at);
    return length < 0 ? null : new String(buf, at + 4, length, StandardCharsets.UTF_8);
  }

  private byte[] bytes(int row, int f) {
    int at = field(row, f);
    int length = getInt(buf, at);
    return length < 0 ? null : Arrays.copyOfRange(buf, at + 4, at + 4 + length);
  }

  private Instant time(int row, int f) {
    int at = field(row, f);
    if (getInt(buf, at) < 0) {
      return null;
    }
    long micros = getLong(buf, at + 4);
    // the JDBC driver reads PostgreSQL's infinities as these
    if (micros == Long.MAX_VALUE) {
      return OffsetDateTime.MAX.toInstant();
    }
    if (micros == Long.MIN_VALUE) {
      return OffsetDateTime.MIN.toInstant();
    }
    long unix = micros + POSTGRES_EPOCH_MICROS;
    return Instant.ofEpochSecond(
        Math.floorDiv(unix, 1_000_000L), Math.floorMod(unix, 1_000_000L) * 1000);
  }

  static int getInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  static long getLong(byte[] b, int at) {
    return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xffff_ffffL);
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /**
   * Hashes rows in the canonical encoding, one thread's digest and buffers reused for every row.
   * The day part of a time is cached, as consecutive entries mostly share their day.
   */
  static final class Hasher {
    private final MessageDigest digest;
    private final byte[] digestOut = new byte[32];
    private byte[] scratch = new byte[512];
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    Hasher() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    boolean holds(CopyRows rows, int base) {
      byte[] b = rows.buf;
      if (!digest(b, rows.slots, base)) {
        return false;
      }
      int at = rows.slots[base + HASH];
      if (getInt(b, at) != 64) {
        return false;
      }
      at += 4;
      for (int i = 0; i < 32; i++) {
        int v = digestOut[i] & 0xff;
        if (b[at + 2 * i] != HEX[v >>> 4] || b[at + 2 * i + 1] != HEX[v & 0xf]) {
          return false;
        }
      }
      return true;
    }

    /**
     * Writes the row's hash as 64 lower-case hex digits at {@code out[at]}; {@code false} (and
     * nothing written) when the fast path does not apply.
     */
    boolean hash(byte[] b, int[] s, int base, byte[] out, int at) {
      if (!digest(b, s, base)) {
        return false;
      }
      for (int i = 0; i < 32; i++) {
        int v = digestOut[i] & 0xff;
        out[at + 2 * i] = HEX[v >>> 4];
        out[at + 2 * i + 1] = HEX[v & 0xf];
      }
      return true;
    }

    /** SHA-256 of the row's canonical encoding into {@link #digestOut}. */
    private boolean digest(byte[] b, int[] s, int base) {
      digest.reset();
      int n;
      byte[] out = ensure(VERSION_FIELD.length + 4 + 20 + 2 * (4 + 27) + 4 + 11 + 4 + 20);
      System.arraycopy(VERSION_FIELD, 0, out, 0, VERSION_FIELD.length);
      n = VERSION_FIELD.length;
      // sequence: NOT NULL int8
      int at = s[base + SEQ];
      if (getInt(b, at) != 8) {
        return false;
      }
      n = decimal(out, n, getLong(b, at + 4));
      n = time(b, s[base + APPENDED_AT], out, n);
      if (n < 0) {
        return false;
      }
      n = time(b, s[base + OCCURRED_AT], out, n);
      if (n < 0) {
        return false;
      }
      // partition and offset first: nothing may go into the digest before every check passed
      int tail = n;
      at = s[base + PARTITION];
      int length = getInt(b, at);
      if (length < 0) {
        putInt(out, tail, -1);
        tail += 4;
      } else if (length == 4) {
        tail = decimal(out, tail, getInt(b, at + 4));
      } else {
        return false;
      }
      at = s[base + OFFSET];
      length = getInt(b, at);
      if (length < 0) {
        putInt(out, tail, -1);
        tail += 4;
      } else if (length == 8) {
        tail = decimal(out, tail, getLong(b, at + 4));
      } else {
        return false;
      }
      digest.update(out, 0, n);
      // kind, household_id, actor, source_topic: framed exactly as in the encoding
      digest.update(b, s[base + KIND], s[base + PARTITION] - s[base + KIND]);
      digest.update(out, n, tail - n);
      // record_key, detail, payload, prev_hash: framed exactly as in the encoding
      digest.update(b, s[base + RECORD_KEY], s[base + HASH] - s[base + RECORD_KEY]);
      try {
        digest.digest(digestOut, 0, 32);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException("SHA-256 writes 32 bytes", e);
      }
      return true;
    }

    private byte[] ensure(int size) {
      if (scratch.length < size) {
        scratch = new byte[size];
      }
      return scratch;
    }

    /** A length-prefixed decimal number; returns the new offset. */
    private static int decimal(byte[] out, int n, long value) {
      if (value < 0) {
        byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        putInt(out, n, text.length);
        System.arraycopy(text, 0, out, n + 4, text.length);
        return n + 4 + text.length;
      }
      int digits = 1;
      for (long v = value / 10; v > 0; v /= 10) {
        digits++;
      }
      putInt(out, n, digits);
      int end = n + 4 + digits;
      long v = value;
      for (int i = end - 1; i >= n + 4; i--) {
        out[i] = (byte) ('0' + (int) (v % 10));
        v /= 10;
      }
      return end;
    }

    /**
     * A length-prefixed canonical time ({@code 2026-03-02T01:30:00.123456Z}) from the field at
     * {@code at}, or -1 when the fast path does not apply (a year outside 1–9999, an odd length).
     */
    private int time(byte[] b, int at, byte[] out, int n) {
      int length = getInt(b, at);
      if (length < 0) {
        putInt(out, n, -1);
        return n + 4;
      }
      if (length != 8) {
        return -1;
      }
      long micros = getLong(b, at + 4);
      if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
        return -1;
      }
      long unix = micros + POSTGRES_EPOCH_MICROS;
      long day = Math.floorDiv(unix, MICROS_PER_DAY);
      long ofDay = Math.floorMod(unix, MICROS_PER_DAY);
      if (day != cachedDay) {
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 1 || date.getYear() > 9999) {
          return -1;
        }
        digits(cachedDate, 0, date.getYear(), 4);
        cachedDate[4] = '-';
        digits(cachedDate, 5, date.getMonthValue(), 2);
        cachedDate[7] = '-';
        digits(cachedDate, 8, date.getDayOfMonth(), 2);
        cachedDay = day;
      }
      putInt(out, n, 27);
      n += 4;
      System.arraycopy(cachedDate, 0, out, n, 10);
      long seconds = ofDay / 1_000_000L;
      out[n + 10] = 'T';
      digits(out, n + 11, (int) (seconds / 3600), 2);
      out[n + 13] = ':';
      digits(out, n + 14, (int) (seconds / 60 % 60), 2);
      out[n + 16] = ':';
      digits(out, n + 17, (int) (seconds % 60), 2);
      out[n + 19] = '.';
      digits(out, n + 20, (int) (ofDay % 1_000_000L), 6);
      out[n + 26] = 'Z';
      return n + 27;
    }

    private static void digits(byte[] out, int at, int value, int width) {
      for (int i = at + width - 1; i >= at; i--) {
        out[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
    }
  }
}
