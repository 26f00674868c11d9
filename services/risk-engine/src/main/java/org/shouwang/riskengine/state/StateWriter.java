package org.shouwang.riskengine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.shouwang.riskengine.rules.HouseholdState;

/** Writes a household state's parts: varints, fixed longs, strings and ids. */
final class StateWriter {

  private static final VarHandle LONG_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // a busy household's state is a few hundred bytes: one buffer, no growing
  private byte[] buf = new byte[512];
  private int pos;

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  void varint(int value) {
    varlong(value & 0xffffffffL);
  }

  void varlong(long value) {
    ensure(10);
    while ((value & ~0x7fL) != 0) {
      buf[pos++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  void signed(long value) {
    varlong((value << 1) ^ (value >> 63));
  }

  void fixed64(long value) {
    ensure(8);
    LONG_BIG_ENDIAN.set(buf, pos, value);
    pos += 8;
  }

  void bytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buf, pos, value.length);
    pos += value.length;
  }

  /** Strings as UTF-8 with length + 1, so that 0 stands for null. */
  void string(String value) {
    if (value == null) {
      varint(0);
      return;
    }
    int length = value.length();
    if (length < 127) {
      // codes and ids are short and ASCII: written as they are read, without a byte[] for each
      ensure(length + 1);
      int start = pos;
      buf[pos++] = (byte) (length + 1);
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          pos = start;
          utf8(value);
          return;
        }
        buf[pos++] = (byte) c;
      }
      return;
    }
    utf8(value);
  }

  private void utf8(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    varint(utf8.length + 1);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, pos, utf8.length);
    pos += utf8.length;
  }

  /**
   * The entries of {@code payments}, and the block that now describes them. The leading run of
   * payments that {@code kept} holds in the same order is copied as bytes (after a payment is added
   * at the end or old ones dropped from the front, that is all but the new one); the rest is
   * encoded.
   */
  PaymentsBlock payments(List<HouseholdState.Payment> payments, PaymentsBlock kept) {
    int count = payments.size();
    int from = kept == null || count == 0 ? -1 : kept.indexOf(payments.get(0));
    int reused = 0;
    if (from >= 0) {
      HouseholdState.Payment[] held = kept.payments();
      while (reused < count
          && from + reused < held.length
          && held[from + reused] == payments.get(reused)) {
        reused++;
      }
    }
    if (from == 0 && reused == count && kept.payments().length == count) {
      bytes(kept.entries());
      return kept;
    }
    int start = pos;
    int[] ends = new int[count];
    if (reused > 0) {
      int byteFrom = from == 0 ? 0 : kept.ends()[from - 1];
      int byteTo = kept.ends()[from + reused - 1];
      ensure(byteTo - byteFrom);
      System.arraycopy(kept.entries(), byteFrom, buf, pos, byteTo - byteFrom);
      pos += byteTo - byteFrom;
      for (int i = 0; i < reused; i++) {
        ends[i] = kept.ends()[from + i] - byteFrom;
      }
    }
    for (int i = reused; i < count; i++) {
      HouseholdState.Payment p = payments.get(i);
      varint(p.programme.ordinal());
      varint(p.period);
      signed(p.cents);
      id(p.paymentId);
      ends[i] = pos - start;
    }
    return new PaymentsBlock(
        payments.toArray(new HouseholdState.Payment[0]), Arrays.copyOfRange(buf, start, pos), ends);
  }

  /** Ids: 0 for null, a lower-case UUID as 0xff and 16 bytes, anything else 0xfe and text. */
  void id(String value) {
    if (value == null) {
      varint(0);
      return;
    }
    if (value.length() == 36) {
      // parsed and checked in one pass; anything but a lower-case UUID is written as text
      ensure(17);
      int start = pos;
      buf[pos++] = (byte) 0xff;
      int current = 0;
      boolean high = true;
      for (int i = 0; i < 36; i++) {
        char c = value.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          if (c != '-') {
            break;
          }
          continue;
        }
        int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (nibble < 0) {
          break;
        }
        if (high) {
          current = nibble << 4;
        } else {
          buf[pos++] = (byte) (current | nibble);
        }
        high = !high;
      }
      if (pos == start + 17) {
        return;
      }
      pos = start;
    }
    ensure(1);
    buf[pos++] = (byte) 0xfe;
    string(value);
  }

  /** An id already encoded by this writer ({@code encoded}), or encoded now and returned. */
  byte[] id(String value, byte[] encoded) {
    if (encoded != null) {
      ensure(encoded.length);
      System.arraycopy(encoded, 0, buf, pos, encoded.length);
      pos += encoded.length;
      return encoded;
    }
    int start = pos;
    id(value);
    return Arrays.copyOfRange(buf, start, pos);
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, pos);
  }
}
