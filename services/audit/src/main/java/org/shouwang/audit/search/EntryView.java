package org.shouwang.audit.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shouwang.audit.chain.AuditEntry;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.Texts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry as the search API shows it: every hashed field exactly (as the exports write them) and,
 * when the payload is JSON, the payload parsed for reading.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record EntryView(
    long sequence,
    String appendedAt,
    String occurredAt,
    String kind,
    String householdId,
    String actor,
    String sourceTopic,
    Integer sourcePartition,
    Long sourceOffset,
    String recordKey,
    String detail,
    String payloadEncoding,
    String payload,
    JsonNode payloadJson,
    String prevHash,
    String hash) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static EntryView of(AuditEntry e) {
    String text = e.payload() == null ? null : Texts.strictUtf8(e.payload());
    String encoding = e.payload() == null ? null : text != null ? "utf8" : "base64";
    String payload =
        text != null || e.payload() == null
            ? text
            : java.util.Base64.getEncoder().encodeToString(e.payload());
    JsonNode json = null;
    if (text != null) {
      try {
        json = JSON.readTree(text);
      } catch (RuntimeException notJson) {
        json = null;
      }
    }
    return new EntryView(
        e.sequence(),
        CanonicalEncoding.time(e.appendedAt()),
        CanonicalEncoding.time(e.occurredAt()),
        e.kind(),
        e.householdId(),
        e.actor(),
        e.sourceTopic(),
        e.sourcePartition(),
        e.sourceOffset(),
        e.recordKey(),
        e.detail(),
        encoding,
        payload,
        json,
        e.prevHash(),
        e.hash());
  }
}
