package org.shouwang.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.ingest.intake.Candidate;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class BatchControllerTests {

  private static List<Candidate> candidates(String body, int max) {
    return BatchController.candidates(body.getBytes(StandardCharsets.UTF_8), max);
  }

  private static String original(Candidate candidate) {
    return new String(candidate.original(), StandardCharsets.UTF_8);
  }

  @Test
  void keepsEachRecordOfAnArrayExactlyAsSent() {
    List<Candidate> candidates =
        candidates("[ {\"a\": 1,  \"b\": \"衡阳\"} ,\n{\"c\":[1,{\"d\":2}]} ]", 10);

    assertThat(candidates).extracting(Candidate::index).containsExactly(0, 1);
    assertThat(original(candidates.get(0))).isEqualTo("{\"a\": 1,  \"b\": \"衡阳\"}");
    assertThat(original(candidates.get(1))).isEqualTo("{\"c\":[1,{\"d\":2}]}");
    assertThat(candidates.get(0).node().get("b").stringValue()).isEqualTo("衡阳");
  }

  @Test
  void readsASingleObjectAsABatchOfOne() {
    List<Candidate> candidates = candidates(" {\"a\":1} ", 10);
    assertThat(candidates)
        .singleElement()
        .satisfies(c -> assertThat(original(c)).isEqualTo("{\"a\":1}"));
  }

  @Test
  void passesAnElementThatIsNotAnObjectOnForTheContractToRefuse() {
    List<Candidate> candidates = candidates("[42, {\"a\":1}]", 10);
    assertThat(candidates.get(0).original()).isNull();
    assertThat(candidates.get(0).node().isNumber()).isTrue();
  }

  @Test
  void stopsAtTheFirstRecordBeyondTheLimit() {
    assertThatThrownBy(() -> candidates("[{},{},{}, this is not even read", 2))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
  }

  @Test
  void refusesTrailingContentAnEmptyArrayAndAScalar() {
    for (String body :
        List.of("{\"a\":1} {\"b\":2}", "{\"a\":1} 5", "[]", "\"text\"", "", "[{\"a\":1}")) {
      assertThatThrownBy(() -> candidates(body, 10))
          .as(body)
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
  }

  @Test
  void parsesElementsOnlyAsTheyAreDrawnAndRefusesTheBodyWhereItBreaks() {
    byte[] body = "[{\"a\":1},{\"b\":2},{\"c\":".getBytes(StandardCharsets.UTF_8);
    try (BatchController.Elements elements = new BatchController.Elements(body, 10)) {
      java.util.Iterator<Candidate> drawing = elements.iterator();

      assertThat(original(drawing.next())).isEqualTo("{\"a\":1}");
      assertThat(original(drawing.next())).isEqualTo("{\"b\":2}");
      assertThatThrownBy(drawing::hasNext)
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(e.getBody().getDetail()).contains("not valid JSON");
              });
    }
  }

  @Test
  void refusesANumberBeyondTheRangeOfDecimalsAsMalformed() {
    for (String body :
        List.of("[{\"loss\":1e99999999999}]", "{\"note\":[1e99999999999]}", "[1e99999999999]")) {
      assertThatThrownBy(() -> candidates(body, 10))
          .as(body)
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(e.getBody().getDetail())
                    .startsWith("The body is not valid JSON: ")
                    .contains("1e99999999999");
                assertThat(e.getBody().getProperties()).containsEntry("code", "MALFORMED_JSON");
              });
    }
  }

  @Test
  void refusesAnEmptyBodyOrArrayBeforeAnyElementIsDrawn() {
    for (String body : List.of("", "[ ]", "7")) {
      assertThatThrownBy(
              () -> new BatchController.Elements(body.getBytes(StandardCharsets.UTF_8), 10))
          .as(body)
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
  }
}
