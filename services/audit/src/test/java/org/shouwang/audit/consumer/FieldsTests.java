package org.shouwang.audit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming read agrees with the tree it replaces on every kind of input. */
class FieldsTests {

  private static final String[] DOCUMENTS = {
    "{\"householdId\":\"h-1\",\"type\":\"MEDICAL_EXPENSE\",\"occurredAt\":\"2026-03-02T09:30:00+08:00\"}",
    "{\"householdId\":\"h-1\",\"householdId\":\"h-2\"}",
    "{\"householdId\":\"h-1\",\"householdId\":2}",
    "{\"householdId\":2,\"householdId\":\"h-3\"}",
    "{\"householdId\":null,\"type\":true,\"rule\":false,\"actor\":1.5,\"payer\":{\"a\":\"b\"}}",
    "{\"data\":{\"householdId\":\"nested\",\"list\":[1,\"two\",{\"three\":3}]},\"householdId\":\"top\"}",
    "{\"evidence\":[\"e1\",\"e2\"],\"amount\":720.00,\"big\":123456789012345678901234567890}",
    "{\"message\":\"近12个月合规自付医疗费用 \\u0038,500 元\\n\\t\\\"quoted\\\"\"}",
    "{}",
    "[]",
    "[{\"householdId\":\"h\"}]",
    "\"text\"",
    "42",
    "null",
    "   ",
    "{\"householdId\":\"h\"} trailing",
    "{\"householdId\":\"h\"}{}",
    "{\"householdId\":\"h\"",
    "{\"householdId\":\"h\",}",
    "{\"householdId\":'h'}",
    "{\"householdId\":\"bad escape \\x\"}",
    "{\"n\":01}",
    "{\"n\":NaN}",
    "not json at all",
    "{\"n\":" + "9".repeat(1500) + "}",
    "{\"deep\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
  };

  @Test
  void readsWhatTheTreeReads() {
    List<byte[]> inputs = new ArrayList<>();
    for (String d : DOCUMENTS) {
      inputs.add(d.getBytes(StandardCharsets.UTF_8));
    }
    inputs.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
    inputs.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'});
    inputs.add(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'});
    inputs.add(new byte[] {0, 1, 2, 3});
    for (byte[] input : inputs) {
      assertThat(Fields.read(input))
          .as(new String(input, StandardCharsets.UTF_8))
          .isEqualTo(Fields.fromTree(RecordClassifier.parse(input)));
    }
  }

  @Test
  void keepsTheLastTextOfARepeatedField() {
    Fields fields =
        Fields.read(
            "{\"householdId\":\"h-1\",\"householdId\":\"h-2\",\"actor\":\"a\",\"actor\":{}}"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(fields.get("householdId")).isEqualTo("h-2");
    assertThat(fields.get("actor")).isNull();
  }
}
