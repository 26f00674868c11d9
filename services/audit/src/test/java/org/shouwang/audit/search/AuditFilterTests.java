package org.shouwang.audit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterTests {

  @Test
  void matchesAWholeKindExactly() {
    AuditFilter.Statement s = query("ALERT:MEDICAL_BURDEN").sql(10);

    assertThat(s.sql()).contains("kind = ?");
    assertThat(s.params()).contains("ALERT:MEDICAL_BURDEN");
  }

  @Test
  void matchesAFamilyByItsPrefixRange() {
    AuditFilter.Statement s = query("ALERT").sql(10);

    assertThat(s.sql()).contains("kind >= ? AND kind < ?");
    assertThat(s.params()).contains("ALERT:", "ALERT;");
  }

  @Test
  void matchesABareCodeInAnyFamily() {
    AuditFilter.Statement s = query("MEDICAL_EXPENSE").sql(10);

    assertThat(s.sql()).contains("kind LIKE ?");
    assertThat(s.params()).contains("%:MEDICAL\\_EXPENSE");
  }

  @Test
  void takesTypeAsTheContractsNameForKind() {
    AuditFilter q = AuditFilter.of(null, null, "CASE", null, null, null, null);

    assertThat(q.kind()).isEqualTo("CASE");
  }

  @Test
  void readsAnOffsetWhosePlusArrivedAsASpace() {
    AuditFilter q = AuditFilter.of(null, null, null, null, "2026-03-02T09:30:00 08:00", null, null);

    assertThat(q.from()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
  }

  @Test
  void namesTheParameterOfABadTime() {
    assertThatThrownBy(() -> AuditFilter.of(null, null, null, null, null, "yesterday", null))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("parameter 'to'")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void refusesKindAndTypeThatDisagree() {
    assertThatThrownBy(() -> AuditFilter.of(null, "ALERT", "CASE", null, null, null, null))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("'kind' and 'type'");
  }

  private static AuditFilter query(String kind) {
    return AuditFilter.of(null, kind, null, null, null, null, null);
  }
}
