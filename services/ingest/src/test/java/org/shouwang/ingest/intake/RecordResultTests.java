package org.shouwang.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import tools.jackson.databind.json.JsonMapper;

class RecordResultTests {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void writesAnAcceptedJsonRecordWithIndexIdAndStatusOnly() {
    assertThat(
            MAPPER.writeValueAsString(
                new RecordResult(7, null, "e-1", RecordStatus.ACCEPTED, List.of(), null)))
        .isEqualTo("{\"index\":7,\"id\":\"e-1\",\"status\":\"ACCEPTED\"}");
  }

  @Test
  void writesACsvRowWithoutAnIdAndItsViolations() {
    Violation violation =
        new Violation("data.outOfPocket", ViolationCode.OUT_OF_RANGE, "is -5; \"negative\"");
    assertThat(
            MAPPER.writeValueAsString(
                new RecordResult(null, 3, null, RecordStatus.REJECTED, List.of(violation), null)))
        .isEqualTo(
            "{\"row\":3,\"status\":\"REJECTED\",\"violations\":[{\"field\":\"data.outOfPocket\","
                + "\"code\":\"OUT_OF_RANGE\",\"reason\":\"is -5; \\\"negative\\\"\"}]}");
  }

  @Test
  void writesTheReasonOfADuplicateOrAFailure() {
    assertThat(
            MAPPER.writeValueAsString(
                new RecordResult(0, null, "衡阳-1", RecordStatus.DUPLICATE, null, "sent once")))
        .isEqualTo(
            "{\"index\":0,\"id\":\"衡阳-1\",\"status\":\"DUPLICATE\",\"reason\":\"sent once\"}");
  }

  @Test
  void writesAReportWithEveryResultInOrder() {
    IntakeReport report =
        IntakeReport.of(
            RecordKind.HOUSEHOLD_EVENT,
            List.of(
                new RecordResult(0, null, "a", RecordStatus.ACCEPTED, List.of(), null),
                new RecordResult(1, null, "b", RecordStatus.FAILED, List.of(), "resend")));
    assertThat(MAPPER.writeValueAsString(report))
        .isEqualTo(
            "{\"kind\":\"household-event\",\"received\":2,\"accepted\":1,\"duplicates\":0,"
                + "\"rejected\":0,\"failed\":1,\"results\":[{\"index\":0,\"id\":\"a\","
                + "\"status\":\"ACCEPTED\"},{\"index\":1,\"id\":\"b\",\"status\":\"FAILED\","
                + "\"reason\":\"resend\"}]}");
  }
}
