package org.shouwang.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DedupRebuildTests {

  private static String id(String json, String field) {
    return DedupRebuild.id(json.getBytes(StandardCharsets.UTF_8), field);
  }

  @Test
  void findsTheIdWhereverItStandsAtTheTopLevel() {
    assertThat(id("{\"eventId\":\"e-1\",\"householdId\":\"h\"}", "eventId")).isEqualTo("e-1");
    assertThat(
            id(
                "{\"data\":{\"eventId\":\"inner\",\"list\":[1,{\"a\":2}]},\"eventId\":\" e-2 \"}",
                "eventId"))
        .isEqualTo("e-2");
    assertThat(id("{\"paymentId\":\"p-1\"}", "paymentId")).isEqualTo("p-1");
  }

  @Test
  void ignoresValuesWithoutATextId() {
    assertThat(id("{\"householdId\":\"h\"}", "eventId")).isNull();
    assertThat(id("{\"eventId\":42}", "eventId")).isNull();
    assertThat(id("[\"eventId\"]", "eventId")).isNull();
    assertThat(id("{\"eventId\":", "eventId")).isNull();
    assertThat(id("not json", "eventId")).isNull();
    assertThat(DedupRebuild.id(null, "eventId")).isNull();
  }
}
