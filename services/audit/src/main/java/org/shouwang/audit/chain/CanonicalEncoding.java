package org.shouwang.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical encoding of an entry and its SHA-256 hash (specification version 1, written out in
 * the module README so that anyone can re-implement it).
 *
 * <p>The encoding is the concatenation of 14 fields, each written as a 4-byte big-endian signed
 * length followed by that many bytes; an absent value is the length -1 and no bytes. Text is UTF-8;
 * numbers are decimal ASCII; times are UTC with exactly six fractional digits ({@code
 * 2026-03-02T01:30:00.000000Z}); the payload is its raw bytes. Field order: the version tag {@code
 * shouwang-audit-v1}, sequence, appendedAt, occurredAt, kind, householdId, actor, sourceTopic,
 * sourcePartition, sourceOffset, recordKey, detail, payload, prevHash. The hash is the lower-case
 * hex SHA-256 of those bytes.
 */
public final class CanonicalEncoding {

  /** The first field of every encoding; a new encoding gets a new tag. */
  public static final String VERSION = "shouwang-audit-v1";

  /** The previous hash of entry 1. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final byte[] VERSION_BYTES = VERSION.getBytes(StandardCharsets.UTF_8);

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(CanonicalEncoding::newDigest);

  private CanonicalEncoding() {}

  /** A time as the encoding writes it: UTC, microseconds, six fractional digits. */
  public static String time(Instant instant) {
    if (instant == null) {
      return null;
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1 || t.getYear() > 9999) {
      return TIME.format(instant);
    }
    // by hand: this runs twice per entry on every append and every verification
    char[] out = new char[27];
    digits(out, 0, t.getYear(), 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
    out[19] = '.';
    digits(out, 20, instant.getNano() / 1000, 6);
    out[26] = 'Z';
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The hash of the entry's fields and its {@code prevHash} (its own {@code hash} is ignored). */
  public static String hash(AuditEntry e) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    Sink sink = new Sink(digest);
    write(e, sink);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The canonical encoding itself, for tests and for anyone re-implementing it. */
  public static byte[] encode(AuditEntry e) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    write(e, new Sink(out));
    return out.toByteArray();
  }

  private static void write(AuditEntry e, Sink sink) {
    sink.field(VERSION_BYTES);
    sink.text(Long.toString(e.sequence()));
    sink.text(time(e.appendedAt()));
    sink.text(time(e.occurredAt()));
    sink.text(e.kind());
    sink.text(e.householdId());
    sink.text(e.actor());
    sink.text(e.sourceTopic());
    sink.text(e.sourcePartition() == null ? null : e.sourcePartition().toString());
    sink.text(e.sourceOffset() == null ? null : e.sourceOffset().toString());
    sink.text(e.recordKey());
    sink.text(e.detail());
    sink.field(e.payload());
    sink.text(e.prevHash());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Writes length-prefixed fields into a digest or a buffer. */
  private static final class Sink {
    private final MessageDigest digest;
    private final java.io.ByteArrayOutputStream out;
    private final byte[] length = new byte[4];

    Sink(MessageDigest digest) {
      this.digest = digest;
      this.out = null;
    }

    Sink(java.io.ByteArrayOutputStream out) {
      this.digest = null;
      this.out = out;
    }

    void text(String value) {
      field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    void field(byte[] value) {
      int n = value == null ? -1 : value.length;
      length[0] = (byte) (n >>> 24);
      length[1] = (byte) (n >>> 16);
      length[2] = (byte) (n >>> 8);
      length[3] = (byte) n;
      put(length);
      if (value != null) {
        put(value);
      }
    }

    private void put(byte[] bytes) {
      if (digest != null) {
        digest.update(bytes);
      } else {
        out.write(bytes, 0, bytes.length);
      }
    }
  }
}
