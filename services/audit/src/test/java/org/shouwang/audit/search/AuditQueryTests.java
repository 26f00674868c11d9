package org.shouwang.audit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTests {

  @Test
  void matchesAWholeKindExactly() {
    AuditQuery.Statement s = query("ALERT:MEDICAL_BURDEN").sql(10);

    assertThat(s.sql()).contains("kind = ?");
    assertThat(s.params()).contains("ALERT:MEDICAL_BURDEN");
  }

  @Test
  void matchesAFamilyByItsPrefixRange() {
    AuditQuery.Statement s = query("ALERT").sql(10);

    assertThat(s.sql()).contains("kind >= ? AND kind < ?");
    assertThat(s.params()).contains("ALERT:", "ALERT;");
  }

  @Test
  void matchesABareCodeInAnyFamily() {
    AuditQuery.Statement s = query("MEDICAL_EXPENSE").sql(10);

    assertThat(s.sql()).contains("kind LIKE ?");
    assertThat(s.params()).contains("%:MEDICAL\\_EXPENSE");
  }

  @Test
  void takesTypeAsTheContractsNameForKind() {
    AuditQuery q = AuditQuery.of(null, null, "CASE", null, null, null, null);

    assertThat(q.kind()).isEqualTo("CASE");
  }

  @Test
  void readsAnOffsetWhosePlusArrivedAsASpace() {
    AuditQuery q = AuditQuery.of(null, null, null, null, "2026-03-02T09:30:00 08:00", null, null);

    assertThat(q.from()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
  }

  @Test
  void namesTheParameterOfABadTime() {
    assertThatThrownBy(() -> AuditQuery.of(null, null, null, null, null, "yesterday", null))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("parameter 'to'")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void refusesKindAndTypeThatDisagree() {
    assertThatThrownBy(() -> AuditQuery.of(null, "ALERT", "CASE", null, null, null, null))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("'kind' and 'type'");
  }

  private static AuditQuery query(String kind) {
    return AuditQuery.of(null, kind, null, null, null, null, null);
  }
}
