package org.shouwang.riskengine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.shouwang.events.HouseholdStatus;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.MonitoringStatus;
import org.shouwang.events.Programme;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;
import org.shouwang.riskengine.rules.HouseholdState;

/**
 * A hand-written binary encoding of {@link HouseholdState}: varints, enum ordinals and ids in 16
 * bytes when they are UUIDs. A typical household takes a few hundred bytes where JSON would take
 * kilobytes, and encoding costs no reflection. The first byte is a format version, so a later
 * layout can still read this one. Enum ordinals are stored: new codes may only be appended.
 */
public final class StateCodec {

  static final int VERSION = 1;

  private static final RiskType[] RISK_TYPES = RiskType.values();
  private static final Rule[] RULES = Rule.values();
  private static final Programme[] PROGRAMMES = Programme.values();
  private static final HouseholdStatus[] STATUSES = HouseholdStatus.values();
  private static final MonitoringCategory[] CATEGORIES = MonitoringCategory.values();
  private static final MonitoringStatus[] MONITORING = MonitoringStatus.values();

  private StateCodec() {}

  public static byte[] encode(HouseholdState s) {
    Writer w = new Writer();
    w.varint(VERSION);
    int flags =
        (s.registered ? 1 : 0)
            | (s.formerlyPoor ? 2 : 0)
            | (s.measureSinceMonitored ? 4 : 0)
            | (s.incomeCents != HouseholdState.UNKNOWN ? 8 : 0)
            | (s.previousIncomeCents != HouseholdState.UNKNOWN ? 16 : 0)
            | (s.unregisteredPaidAtMillis != 0 ? 32 : 0);
    w.varint(flags);
    w.string(s.townshipCode);
    w.string(s.villageCode);
    w.string(s.cadreId);
    w.varint(s.status.ordinal());
    w.varint(s.members);
    w.varint(s.labourers);
    w.varint(s.category == null ? 0 : s.category.ordinal() + 1);
    w.varint(s.monitoring == null ? 0 : s.monitoring.ordinal() + 1);
    if (s.monitoring != null) {
      w.signed(s.monitoredSinceMillis / 1000);
      w.id(s.monitoringEventId);
    }
    if (s.incomeCents != HouseholdState.UNKNOWN) {
      w.varint(s.incomeYear);
      w.signed(s.incomeCents);
    }
    if (s.previousIncomeCents != HouseholdState.UNKNOWN) {
      w.varint(s.previousIncomeYear);
      w.signed(s.previousIncomeCents);
    }
    w.varint(s.medical.size());
    for (long[] m : s.medical) {
      w.varint((int) m[0]);
      w.signed(m[1]);
    }
    w.varint(s.schoolYear);
    if (s.schoolYear != 0) {
      w.signed(s.schoolCents);
    }
    w.varint(s.employed.size());
    for (String member : s.employed) {
      w.string(member);
    }
    w.varint(s.entitlements.size());
    for (HouseholdState.Entitlement e : s.entitlements) {
      w.varint(e.programme.ordinal());
      w.signed(e.monthlyCents);
      w.varint(e.firstDueMonth);
      w.varint(e.paidThrough);
      e.encodedId = w.id(e.eventId, e.encodedId);
    }
    w.varint(s.payments.size());
    // most of a busy household's bytes: only payments not written before are encoded
    s.paymentsBlock = w.payments(s.payments, s.paymentsBlock);
    w.varint(s.conditions.size());
    for (HouseholdState.Condition c : s.conditions) {
      w.varint(c.rule.ordinal());
      w.string(c.key);
      w.varint(c.riskType.ordinal());
      w.varint(c.sinceDay);
      w.varint(c.value);
    }
    w.varint(s.recentIds.length);
    if (s.recentIds.length > 0) {
      w.varint(s.recentNext);
      for (long id : s.recentIds) {
        w.fixed64(id);
      }
    }
    w.signed(s.scheduledDeadline);
    if (s.unregisteredPaidAtMillis != 0) {
      // appended under a new flag: states written before it decode unchanged
      w.signed(s.unregisteredPaidAtMillis);
      w.id(s.unregisteredPaymentId);
    }
    return w.toBytes();
  }

  public static HouseholdState decode(byte[] bytes) {
    Reader r = new Reader(bytes);
    int version = r.varint();
    if (version != VERSION) {
      throw new IllegalStateException("unknown household state version " + version);
    }
    HouseholdState s = new HouseholdState();
    int flags = r.varint();
    s.registered = (flags & 1) != 0;
    s.formerlyPoor = (flags & 2) != 0;
    s.measureSinceMonitored = (flags & 4) != 0;
    s.townshipCode = r.string();
    s.villageCode = r.string();
    s.cadreId = r.string();
    s.status = STATUSES[r.varint()];
    s.members = r.varint();
    s.labourers = r.varint();
    int category = r.varint();
    s.category = category == 0 ? null : CATEGORIES[category - 1];
    int monitoring = r.varint();
    s.monitoring = monitoring == 0 ? null : MONITORING[monitoring - 1];
    if (s.monitoring != null) {
      s.monitoredSinceMillis = r.signed() * 1000;
      s.monitoringEventId = r.id();
    }
    if ((flags & 8) != 0) {
      s.incomeYear = r.varint();
      s.incomeCents = r.signed();
    }
    if ((flags & 16) != 0) {
      s.previousIncomeYear = r.varint();
      s.previousIncomeCents = r.signed();
    }
    int medical = r.varint();
    for (int i = 0; i < medical; i++) {
      s.medical.add(new long[] {r.varint(), r.signed()});
    }
    s.schoolYear = r.varint();
    if (s.schoolYear != 0) {
      s.schoolCents = r.signed();
    }
    int employed = r.varint();
    for (int i = 0; i < employed; i++) {
      s.employed.add(r.string());
    }
    int entitlements = r.varint();
    for (int i = 0; i < entitlements; i++) {
      HouseholdState.Entitlement e = new HouseholdState.Entitlement();
      e.programme = PROGRAMMES[r.varint()];
      e.monthlyCents = r.signed();
      e.firstDueMonth = r.varint();
      e.paidThrough = r.varint();
      e.eventId = r.id();
      s.entitlements.add(e);
    }
    int payments = r.varint();
    int entriesStart = r.pos;
    int[] ends = new int[payments];
    for (int i = 0; i < payments; i++) {
      HouseholdState.Payment p = new HouseholdState.Payment();
      p.programme = PROGRAMMES[r.varint()];
      p.period = r.varint();
      p.cents = r.signed();
      p.paymentId = r.id();
      s.payments.add(p);
      ends[i] = r.pos - entriesStart;
    }
    s.paymentsBlock =
        new HouseholdState.PaymentsBlock(
            s.payments.toArray(new HouseholdState.Payment[0]),
            Arrays.copyOfRange(bytes, entriesStart, r.pos),
            ends);
    int conditions = r.varint();
    for (int i = 0; i < conditions; i++) {
      HouseholdState.Condition c = new HouseholdState.Condition();
      c.rule = RULES[r.varint()];
      c.key = r.string();
      c.riskType = RISK_TYPES[r.varint()];
      c.sinceDay = r.varint();
      c.value = r.varint();
      s.conditions.add(c);
    }
    int recent = r.varint();
    if (recent > 0) {
      s.recentNext = r.varint();
      s.recentIds = new long[recent];
      for (int i = 0; i < recent; i++) {
        s.recentIds[i] = r.fixed64();
      }
    }
    s.scheduledDeadline = r.signed();
    if ((flags & 32) != 0) {
      s.unregisteredPaidAtMillis = r.signed();
      s.unregisteredPaymentId = r.id();
    }
    return s;
  }

  private static final VarHandle LONG_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final class Writer {
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
     * payments that {@code kept} holds in the same order is copied as bytes (after a payment is
     * added at the end or old ones dropped from the front, that is all but the new one); the rest
     * is encoded.
     */
    HouseholdState.PaymentsBlock payments(
        List<HouseholdState.Payment> payments, HouseholdState.PaymentsBlock kept) {
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
      return new HouseholdState.PaymentsBlock(
          payments.toArray(new HouseholdState.Payment[0]),
          Arrays.copyOfRange(buf, start, pos),
          ends);
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

  private static final class Reader {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
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
}
