package org.shouwang.audit.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test entries and chains. */
public final class Entries {

  public static final Instant T0 = Instant.parse("2026-03-02T01:30:00.123456Z");

  private Entries() {}

  public static NewEntry householdEvent(String household, long offset) {
    return new NewEntry(
        T0,
        "HOUSEHOLD_EVENT:MEDICAL_EXPENSE",
        household,
        "MEDICAL_INSURANCE",
        "household.events",
        0,
        offset,
        household,
        null,
        ("{\"householdId\":\"" + household + "\",\"n\":" + offset + "}")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** A chain of {@code n} entries from genesis. */
  public static List<AuditEntry> chain(int n) {
    List<AuditEntry> chain = new ArrayList<>();
    String prev = CanonicalEncoding.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEntry e = AuditEntry.chain(i, T0.plusSeconds(i), householdEvent("h-" + i, i), prev);
      chain.add(e);
      prev = e.hash();
    }
    return chain;
  }
}
