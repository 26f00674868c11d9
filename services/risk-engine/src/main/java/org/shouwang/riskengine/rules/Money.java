package org.shouwang.riskengine.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the rules keep it (fen, in a long) and as a cadre reads it (yuan). */
final class Money {

  private Money() {}

  /** Yuan as fen, rounded half up. */
  static long cents(BigDecimal yuan) {
    return yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Yuan as a cadre reads it: {@code 8,500} or {@code 8,500.50}. */
  static String yuan(long cents) {
    StringBuilder text = new StringBuilder(16);
    long abs = Math.abs(cents);
    String whole = Long.toString(abs / 100);
    if (cents < 0) {
      text.append('-');
    }
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        text.append(',');
      }
      text.append(whole.charAt(i));
    }
    long fen = abs % 100;
    if (fen != 0) {
      text.append(fen < 10 ? ".0" : ".").append(fen);
    }
    return text.toString();
  }

  /** A share as a percentage without trailing zeros: 0.30 as {@code 30}, 0.125 as {@code 12.5}. */
  static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
