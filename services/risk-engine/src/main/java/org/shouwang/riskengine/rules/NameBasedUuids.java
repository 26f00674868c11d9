package org.shouwang.riskengine.rules;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@link UUID#nameUUIDFromBytes(byte[])} (version 3, MD5) without looking the digest up for every
 * id: alert ids are derived from what fired them, so a replay yields the same ids, and the JDK's
 * per-call {@code MessageDigest.getInstance} was a fifth of the cost of raising an alert.
 */
final class NameBasedUuids {

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(NameBasedUuids::newMd5);

  private NameBasedUuids() {}

  /** The same UUID as {@code UUID.nameUUIDFromBytes(name)}. */
  static UUID of(byte[] name) {
    MessageDigest md5 = MD5.get();
    byte[] hash = md5.digest(name); // digest() also resets it for the next id
    hash[6] &= 0x0f; // version 3
    hash[6] |= 0x30;
    hash[8] &= 0x3f; // IETF variant
    hash[8] |= (byte) 0x80;
    ByteBuffer bytes = ByteBuffer.wrap(hash);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}
