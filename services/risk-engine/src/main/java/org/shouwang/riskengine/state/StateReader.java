package org.shouwang.riskengine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads what {@link StateWriter} wrote, from the start of an encoded state. */
final class StateReader {

  private static final VarHandle LONG_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final byte[] buf;
  int pos;

  StateReader(byte[] buf) {
    this.buf = buf;
  }

  int varint() {
    return (int) varlong();
  }

  long varlong() {
    long result = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
    }
  }

  long signed() {
    long raw = varlong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  long fixed64() {
    long value = (long) LONG_BIG_ENDIAN.get(buf, pos);
    pos += 8;
    return value;
  }

  String string() {
    int length = varint();
    if (length == 0) {
      return null;
    }
    String value = new String(buf, pos, length - 1, StandardCharsets.UTF_8);
    pos += length - 1;
    return value;
  }

  String id() {
    byte marker = buf[pos++];
    if (marker == 0) {
      return null;
    }
    if (marker == (byte) 0xfe) {
      return string();
    }
    char[] chars = new char[36];
    int c = 0;
    for (int i = 0; i < 16; i++) {
      if (c == 8 || c == 13 || c == 18 || c == 23) {
        chars[c++] = '-';
      }
      int b = buf[pos++] & 0xff;
      chars[c++] = HEX[b >>> 4];
      chars[c++] = HEX[b & 0xf];
    }
    return new String(chars);
  }
}
