package org.shouwang.audit.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.Locale;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.Texts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export formats. Both carry every hashed field exactly, so an export can be re-verified
 * offline ({@link ExportReader}, {@code OfflineVerifier}).
 *
 * <p>The payload is written as text when its bytes are valid UTF-8 ({@code payloadEncoding} {@code
 * utf8}) and as Base64 otherwise ({@code base64}); an absent payload has no encoding. Times are the
 * canonical encoding's ({@code 2026-03-02T01:30:00.000000Z}).
 *
 * <p>CSV (RFC 4180, header row, CRLF): every present value is quoted, an absent value is an empty
 * unquoted field, so absent and empty stay apart.
 */
public enum ExportFormat {
  JSONL("application/x-ndjson", "jsonl"),
  CSV("text/csv", "csv");

  /** The field names, in order: the JSON keys and the CSV header. */
  public static final String[] FIELDS = {
    "sequence",
    "appendedAt",
    "occurredAt",
    "kind",
    "householdId",
    "actor",
    "sourceTopic",
    "sourcePartition",
    "sourceOffset",
    "recordKey",
    "detail",
    "payloadEncoding",
    "payload",
    "prevHash",
    "hash"
  };

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The format named {@code csv} or {@code jsonl} (also {@code ndjson}, {@code json}). */
  public static ExportFormat of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "ndjson", "json" -> JSONL;
      default ->
          throw new IllegalArgumentException(
              "unknown export format '" + name + "': use csv or jsonl");
    };
  }

  /** Writes the header, if the format has one. */
  public void writeHeader(Writer out) throws IOException {
    if (this == CSV) {
      out.write(String.join(",", FIELDS));
      out.write("\r\n");
    }
  }

  /** Writes one entry as one record. */
  public void write(AuditEntry e, Writer out) throws IOException {
    String[] values = values(e);
    if (this == JSONL) {
      ObjectNode node = JSON.createObjectNode();
      for (int i = 0; i < FIELDS.length; i++) {
        if (values[i] == null) {
          node.putNull(FIELDS[i]);
        } else if (i == 0 || i == 7 || i == 8) {
          node.put(FIELDS[i], Long.parseLong(values[i]));
        } else {
          node.put(FIELDS[i], values[i]);
        }
      }
      out.write(JSON.writeValueAsString(node));
      out.write('\n');
    } else {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        if (values[i] != null) {
          out.write('"');
          out.write(values[i].replace("\"", "\"\""));
          out.write('"');
        }
      }
      out.write("\r\n");
    }
  }

  /** The entry's fields as text, in {@link #FIELDS} order; {@code null} for absent ones. */
  static String[] values(AuditEntry e) {
    String encoding = null;
    String payload = null;
    if (e.payload() != null) {
      payload = Texts.strictUtf8(e.payload());
      encoding = "utf8";
      if (payload == null) {
        payload = Base64.getEncoder().encodeToString(e.payload());
        encoding = "base64";
      }
    }
    return new String[] {
      Long.toString(e.sequence()),
      CanonicalEncoding.time(e.appendedAt()),
      CanonicalEncoding.time(e.occurredAt()),
      e.kind(),
      e.householdId(),
      e.actor(),
      e.sourceTopic(),
      e.sourcePartition() == null ? null : e.sourcePartition().toString(),
      e.sourceOffset() == null ? null : e.sourceOffset().toString(),
      e.recordKey(),
      e.detail(),
      encoding,
      payload,
      e.prevHash(),
      e.hash()
    };
  }
}
