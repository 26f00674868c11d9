package org.shouwang.audit.chain;

import java.util.Optional;

/** The closed set of entry kinds' first part ({@code FAMILY:CODE}); metrics are tagged with it. */
public enum KindFamily {
  HOUSEHOLD_EVENT,
  SUBSIDY_PAYMENT,
  ALERT,
  CASE,
  DEAD_LETTER,
  AUDIT_READ;

  private static final KindFamily[] FAMILIES = values();

  /** The kind {@code FAMILY:code}. */
  public String kind(String code) {
    return name() + ":" + code;
  }

  /** The family of a stored kind, if it names one. */
  public static Optional<KindFamily> of(String kind) {
    if (kind == null) {
      return Optional.empty();
    }
    int colon = kind.indexOf(':');
    int length = colon < 0 ? kind.length() : colon;
    for (KindFamily f : FAMILIES) {
      if (f.name().length() == length && kind.startsWith(f.name())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
