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
    String family = colon < 0 ? kind : kind.substring(0, colon);
    for (KindFamily f : values()) {
      if (f.name().equals(family)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
