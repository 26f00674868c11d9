package org.shouwang.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.NewEntry;

class ExportFormatTests {

  /** Entries with everything an export must keep exactly. */
  private static List<AuditEntry> awkwardChain() {
    List<NewEntry> entries =
        List.of(
            new NewEntry(
                Instant.parse("2026-03-02T01:30:00Z"),
                "HOUSEHOLD_EVENT:MEDICAL_EXPENSE",
                "430421-105-00123",
                "MEDICAL_INSURANCE",
                "household.events",
                1,
                7L,
                "430421-105-00123",
                null,
                "{\"a\": \"quote \\\" comma , newline \\n 中文\",\n \"b\":1}"
                    .getBytes(StandardCharsets.UTF_8)),
            new NewEntry(
                null,
                "DEAD_LETTER:household.events",
                null,
                "",
                "household.events.dlt",
                0,
                0L,
                "",
                "{\"reasonCode\":\"MALFORMED_JSON\"}",
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 10, 13, 44, 34}),
            new NewEntry(
                Instant.parse("2026-03-02T01:31:00.5Z"),
                "AUDIT_READ:SEARCH",
                null,
                "auditor",
                null,
                null,
                null,
                null,
                "line one\r\nline two, \"quoted\"",
                null));
    List<AuditEntry> chain = new ArrayList<>();
    String prev = CanonicalEncoding.GENESIS;
    long seq = 0;
    for (NewEntry e : entries) {
      AuditEntry a = AuditEntry.chain(++seq, Instant.parse("2026-03-02T02:00:00Z"), e, prev);
      chain.add(a);
      prev = a.hash();
    }
    return chain;
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void writesEveryHashedFieldSoTheEntriesReadBackIdentical(ExportFormat format) throws IOException {
    List<AuditEntry> chain = awkwardChain();
    StringWriter out = new StringWriter();
    format.writeHeader(out);
    for (AuditEntry e : chain) {
      format.write(e, out);
    }

    List<AuditEntry> back = new ArrayList<>();
    try (ExportReader reader = new ExportReader(new StringReader(out.toString()))) {
      assertThat(reader.format()).isEqualTo(format);
      reader.forEachRemaining(back::add);
    }

    assertThat(back).hasSize(chain.size());
    for (int i = 0; i < chain.size(); i++) {
      assertThat(back.get(i)).usingRecursiveComparison().isEqualTo(chain.get(i));
      assertThat(CanonicalEncoding.hash(back.get(i))).isEqualTo(chain.get(i).hash());
    }
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void writesInvalidUtf8PayloadsAsBase64(ExportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(awkwardChain().get(1), out);

    assertThat(out.toString()).contains("base64").contains("//4ACg0sIg==");
  }
}
