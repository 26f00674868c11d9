package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reader's answers for the documents where reading JSON is tricky, written out by hand: what
 * follows a document, empty bodies and other roots, fields given twice, numbers in every spelling,
 * JSON null, the words for each kind of value, and trees built by code rather than parsed.
 */
class ContractReaderEdgeCaseTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);

  private static final String TRAILING =
      "not valid JSON: Trailing token (`JsonToken.%s`) found after value (bound as"
          + " `tools.jackson.databind.JsonNode`): not allowed as per"
          + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";

  private static final String UNRECOGNIZED =
      "not valid JSON: Unrecognized token '%s': was expecting (JSON String, Number, Array, Object"
          + " or token 'null', 'true' or 'false')";

  private final ContractReader reader = new ContractReader(CLOCK);

  private Validated<SubsidyPayment> payment(String json) {
    return reader.readSubsidyPayment(json.getBytes(StandardCharsets.UTF_8));
  }

  private Validated<HouseholdEvent> event(String json) {
    return reader.readHouseholdEvent(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String paymentWithAmount(String amount) {
    return Samples.payment().replace("720.00", amount);
  }

  private static String incomeInYear(String year) {
    return Samples.event(
        EventType.INCOME_ASSESSED, "{\"year\":" + year + ",\"netIncomePerCapita\":7450.00}");
  }

  private static void assertOnlyViolation(Validated<?> result, String field, String reason) {
    assertThat(result.violations())
        .extracting(Violation::field, Violation::reason)
        .containsExactly(tuple(field, reason));
  }

  private static void assertMalformed(Validated<?> result, String reason) {
    assertThat(result.violations())
        .containsExactly(new Violation("", ViolationCode.MALFORMED_JSON, reason));
  }

  // --- after the document -------------------------------------------------------------------

  static Stream<Arguments> tails() {
    return Stream.of(
        Arguments.of(" \r\n\t ", null),
        Arguments.of(" x", UNRECOGNIZED.formatted("x")),
        Arguments.of(" nul", UNRECOGNIZED.formatted("nul")),
        Arguments.of(" {}", TRAILING.formatted("START_OBJECT")),
        Arguments.of("{}", TRAILING.formatted("START_OBJECT")),
        // only the first token after the document is read: an unclosed one is not noticed
        Arguments.of(" {", TRAILING.formatted("START_OBJECT")),
        Arguments.of(" [", TRAILING.formatted("START_ARRAY")),
        Arguments.of(" 1", TRAILING.formatted("VALUE_NUMBER_INT")),
        Arguments.of(" -1.5", TRAILING.formatted("VALUE_NUMBER_FLOAT")),
        Arguments.of(" \"s\"", TRAILING.formatted("VALUE_STRING")),
        Arguments.of(" null", TRAILING.formatted("VALUE_NULL")),
        Arguments.of(" true", TRAILING.formatted("VALUE_TRUE")),
        Arguments.of(" false", TRAILING.formatted("VALUE_FALSE")),
        Arguments.of(
            " 1x",
            "not valid JSON: Unexpected character ('x' (code 120)): Expected space separating"
                + " root-level values"),
        Arguments.of("}", "not valid JSON: Unexpected close marker '}': no open Object to close"),
        Arguments.of("]", "not valid JSON: Unexpected close marker ']': no open Array to close"),
        Arguments.of(",", "not valid JSON: Unexpected character (',' (code 44)): expected a value"),
        Arguments.of(
            "\u0000",
            "not valid JSON: Illegal character ((CTRL-CHAR, code 0)): only regular white space"
                + " (\\r, \\n, \\t) is allowed between tokens"));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("tails")
  void judgesWhatFollowsTheDocumentAsJacksonsTreeDid(String tail, String reason) {
    Validated<SubsidyPayment> result = payment(Samples.payment() + tail);

    if (reason == null) {
      assertThat(result.violations()).isEmpty();
    } else {
      assertMalformed(result, reason);
    }
  }

  @Test
  void readsTheWholeTailOfANonObjectBeforeSayingItIsNotAnObject() {
    assertMalformed(payment("[] x"), UNRECOGNIZED.formatted("x"));
    assertMalformed(payment("null {}"), TRAILING.formatted("START_OBJECT"));
    assertOnlyViolation(
        payment("[]\n"), "", "must be a JSON object (a subsidy payment), not a list");
  }

  // --- roots ----------------------------------------------------------------------------------

  @Test
  void saysAnEmptyBodyIsEmpty() {
    for (String body : List.of("", " ", " \n\t\r ")) {
      assertMalformed(event(body), "the body is empty");
    }
  }

  static Stream<Arguments> nonObjectRoots() {
    return Stream.of(
        Arguments.of("[]", "a list"),
        Arguments.of("[1,{\"a\":[]}]", "a list"),
        Arguments.of("[" + Samples.payment() + "]", "a list"),
        Arguments.of("\"s\"", "a text"),
        Arguments.of("\"\"", "a text"),
        Arguments.of("-0", "a number"),
        Arguments.of("1.5", "a number"),
        Arguments.of("99999999999999999999999", "a number"),
        Arguments.of("true", "true/false"),
        Arguments.of("false", "true/false"),
        Arguments.of("null", "null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonObjectRoots")
  void namesTheKindOfARootThatIsNotAnObject(String json, String kind) {
    assertThat(event(json).violations())
        .containsExactly(
            new Violation(
                "",
                ViolationCode.NOT_AN_OBJECT,
                "must be a JSON object (a household event), not " + kind));
    assertThat(payment(json).violations())
        .containsExactly(
            new Violation(
                "",
                ViolationCode.NOT_AN_OBJECT,
                "must be a JSON object (a subsidy payment), not " + kind));
  }

  @Test
  void findsMalformedJsonInsideARootThatIsNotAnObject() {
    assertMalformed(
        event("[1,"), "not valid JSON: Unexpected end-of-input within/between Array entries");
    assertMalformed(
        event("[1,]"), "not valid JSON: Unexpected character (']' (code 93)): expected a value");
    assertMalformed(
        event("[{\"a\":}]"),
        "not valid JSON: Unexpected character ('}' (code 125)): expected a value");
    assertMalformed(event("[tru]"), UNRECOGNIZED.formatted("tru"));
  }

  @Test
  void reportsMalformedJsonWithJacksonsWords() {
    assertMalformed(
        event("{\"eventId\": "),
        "not valid JSON: Unexpected end-of-input within/between Object entries");
    assertMalformed(
        event("{\"a\":01}"), "not valid JSON: Invalid numeric value: Leading zeroes not allowed");
    assertMalformed(
        event("{\"a\":NaN}"),
        "not valid JSON: Non-standard token 'NaN': enable"
            + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
    assertMalformed(
        event("{\"a\":\"\\q\"}"), "not valid JSON: Unrecognized character escape 'q' (code 113)");
    // malformed content in a field the contract does not name counts as much as anywhere else
    assertMalformed(
        payment(Samples.payment().replace("{", "{\"note\":[1,],")),
        "not valid JSON: Unexpected character (']' (code 93)): expected a value");
    assertMalformed(
        payment(
            Samples.payment().replace("{", "{\"note\":" + "[".repeat(501) + "]".repeat(501) + ",")),
        "not valid JSON: Document nesting depth (501) exceeds the maximum allowed (500, from"
            + " `StreamReadConstraints.getMaxNestingDepth()`)");
  }

  // --- fields given twice ---------------------------------------------------------------------

  @Test
  void takesTheLastOfAFieldGivenTwice() {
    String sample = Samples.payment();
    String end = sample.substring(0, sample.lastIndexOf('}'));

    assertThat(payment(sample.replace("{", "{\"amount\":1.005,")).orElseThrow().amount())
        .isEqualTo(new BigDecimal("720.00"));
    assertOnlyViolation(
        payment(end + ",\"amount\":1.005}"),
        "amount",
        "1.005 has more than 2 decimals (yuan and fen only)");
    assertOnlyViolation(payment(end + ",\"amount\":null}"), "amount", "is required");
    assertThat(payment(end + ",\"payer\":null}").orElseThrow().payer()).isNull();
    assertThat(payment(end + ",\"payer\":\" x \",\"payer\":\"y\"}").orElseThrow().payer())
        .isEqualTo("y");
    assertOnlyViolation(
        payment(end + ",\"householdId\":\"a b\"}"),
        "householdId",
        "'a b' is not 1–64 characters of letters, digits and '-'");
  }

  @Test
  void takesTheLastOfADataFieldAndOfDataGivenTwice() {
    String housing = Samples.event(EventType.HOUSING_ASSESSED, "{\"grade\":\"C\",\"grade\":\"A\"}");
    String end = housing.substring(0, housing.lastIndexOf('}'));

    assertThat(event(housing).orElseThrow().data())
        .isEqualTo(new EventData.HousingAssessed(HousingGrade.A));
    assertThat(event(end + ",\"data\":{\"grade\":\"B\"}}").orElseThrow().data())
        .isEqualTo(new EventData.HousingAssessed(HousingGrade.B));
    assertOnlyViolation(event(end + ",\"data\":{}}"), "data.grade", "is required");
    assertOnlyViolation(event(end + ",\"data\":null}"), "data", "is required");
    assertOnlyViolation(
        event(end + ",\"department\":null}"),
        "department",
        "is required when the source is DEPARTMENT; name the reporting department");
  }

  // --- numbers --------------------------------------------------------------------------------

  static Stream<Arguments> validAmounts() {
    return Stream.of(
        Arguments.of("720.00", "720.00"),
        Arguments.of("720.0", "720.0"),
        Arguments.of("720", "720"),
        Arguments.of("1.10", "1.10"),
        Arguments.of("0.01", "0.01"),
        Arguments.of("1e-2", "0.01"),
        Arguments.of("1e2", "1E+2"),
        Arguments.of("1E+2", "1E+2"),
        Arguments.of("7.2E2", "7.2E+2"),
        Arguments.of("1.5e1", "15"),
        Arguments.of("99999999999999999999999", "99999999999999999999999"),
        Arguments.of("9223372036854775808", "9223372036854775808"),
        Arguments.of("1e400", "1E+400"));
  }

  /** Amounts keep the scale they were written with; no trailing zero is added or dropped. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("validAmounts")
  void keepsAnAmountAsWritten(String amount, String expected) {
    BigDecimal read = payment(paymentWithAmount(amount)).orElseThrow().amount();

    assertThat(read).isEqualTo(new BigDecimal(expected));
    assertThat(read.scale()).isEqualTo(new BigDecimal(expected).scale());
  }

  static Stream<Arguments> invalidAmounts() {
    return Stream.of(
        Arguments.of("1.005", List.of("1.005 has more than 2 decimals (yuan and fen only)")),
        Arguments.of(
            "-720.005",
            List.of(
                "-720.005 has more than 2 decimals (yuan and fen only)",
                "is -720.005; it must be > 0")),
        Arguments.of("1.0050", List.of("1.0050 has more than 2 decimals (yuan and fen only)")),
        Arguments.of("5e-3", List.of("0.005 has more than 2 decimals (yuan and fen only)")),
        Arguments.of("0", List.of("is 0; it must be > 0")),
        Arguments.of("-0", List.of("is 0; it must be > 0")),
        Arguments.of("-0.0", List.of("is 0.0; it must be > 0")),
        Arguments.of("0e5", List.of("is 0; it must be > 0")),
        Arguments.of("-1e2", List.of("is -100; it must be > 0")),
        Arguments.of("\"720\"", List.of("must be a number of yuan, not a text")),
        Arguments.of("true", List.of("must be a number of yuan, not true/false")),
        Arguments.of("[720]", List.of("must be a number of yuan, not a list")),
        Arguments.of("{}", List.of("must be a number of yuan, not an object")),
        Arguments.of("null", List.of("is required")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidAmounts")
  void explainsAWrongAmount(String amount, List<String> reasons) {
    assertThat(payment(paymentWithAmount(amount)).violations())
        .allSatisfy(v -> assertThat(v.field()).isEqualTo("amount"))
        .extracting(Violation::reason)
        .containsExactlyElementsOf(reasons);
  }

  static Stream<Arguments> validYears() {
    return Stream.of(
        Arguments.of("2026"),
        Arguments.of("2026.0"),
        Arguments.of("2026.000"),
        Arguments.of("2.026e3"),
        Arguments.of("2026e0"),
        Arguments.of("20260e-1"),
        Arguments.of("202600E-2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validYears")
  void readsAWholeNumberInAnySpelling(String year) {
    EventData data = event(incomeInYear(year)).orElseThrow().data();

    assertThat(data).isEqualTo(new EventData.IncomeAssessed(2026, new BigDecimal("7450.00")));
  }

  static Stream<Arguments> invalidYears() {
    return Stream.of(
        Arguments.of("2026.5", "must be a whole number, not 2026.5"),
        Arguments.of("2026.50", "must be a whole number, not 2026.50"),
        Arguments.of("20265e-1", "must be a whole number, not 2026.5"),
        Arguments.of("1e-400", "must be a whole number, not 0." + "0".repeat(399) + "1"),
        Arguments.of("1999", "is 1999; it must be between 2000 and 2100"),
        Arguments.of("-0", "is 0; it must be between 2000 and 2100"),
        Arguments.of("-0.0", "is 0.0; it must be between 2000 and 2100"),
        Arguments.of("0e5", "is 0; it must be between 2000 and 2100"),
        Arguments.of("-2026.00", "is -2026.00; it must be between 2000 and 2100"),
        Arguments.of("2.2e3", "is 2200; it must be between 2000 and 2100"),
        Arguments.of("2147483648", "is 2147483648; it must be between 2000 and 2100"),
        Arguments.of(
            "99999999999999999999999",
            "is 99999999999999999999999; it must be between 2000 and 2100"),
        Arguments.of("1e30", "is 1" + "0".repeat(30) + "; it must be between 2000 and 2100"),
        Arguments.of("\"2026\"", "must be a whole number, not a text"),
        Arguments.of("false", "must be a whole number, not true/false"),
        Arguments.of("[]", "must be a whole number, not a list"),
        Arguments.of("{\"y\":2026}", "must be a whole number, not an object"),
        Arguments.of("null", "is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidYears")
  void explainsAYearThatIsNotAWholeNumberInRange(String year, String reason) {
    assertOnlyViolation(event(incomeInYear(year)), "data.year", reason);
  }

  /**
   * An exponent beyond {@link BigDecimal}'s range: Jackson throws a raw {@link
   * NumberFormatException} wherever the number is (the tree-based reader let it escape, which
   * stopped the risk engine); it is malformed JSON, with Jackson's words.
   */
  @Test
  void reportsANumberBeyondBigDecimalsRangeAnywhereInTheDocumentAsMalformed() {
    String message =
        "not valid JSON: Value \"1e99999999999\" cannot be deserialized as `java.math.BigDecimal`,"
            + " reason:  value exceeds limits";
    for (String json :
        List.of(
            paymentWithAmount("1e99999999999"),
            Samples.payment().replace("{", "{\"note\":1e99999999999,"),
            Samples.payment().replace("{", "{\"note\":[{\"a\":1e99999999999}],"),
            "[1e99999999999]")) {
      assertThat(payment(json).violations())
          .as(json)
          .containsExactly(new Violation("", ViolationCode.MALFORMED_JSON, message));
    }
  }

  // --- null and the kinds of values -----------------------------------------------------------

  @Test
  void treatsJsonNullAsAbsent() {
    assertThat(payment(Samples.payment().replace("\"衡阳县民政局\"", "null")).orElseThrow().payer())
        .isNull();
    assertOnlyViolation(
        payment(Samples.payment().replace("\"c2d7-0001\"", "null")), "paymentId", "is required");
    assertOnlyViolation(
        event(Samples.event(EventType.HOUSING_ASSESSED, "null")), "data", "is required");
    assertOnlyViolation(
        event(Samples.event(EventType.HOUSING_ASSESSED, "{\"grade\":null}")),
        "data.grade",
        "is required");
    assertThat(
            event(
                    Samples.event(
                        EventType.WATER_ASSESSED, "{\"safe\":true,\"interruptionDays\":null}"))
                .orElseThrow()
                .data())
        .isEqualTo(new EventData.WaterAssessed(true, null));
    // an optional department given as null is absent too, so a department source misses it
    assertOnlyViolation(
        event(Samples.event(EventType.HOUSING_ASSESSED).replace("\"MEDICAL_INSURANCE\"", "null")),
        "department",
        "is required when the source is DEPARTMENT; name the reporting department");
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("7", "a number"),
        Arguments.of("-7.5e1", "a number"),
        Arguments.of("true", "true/false"),
        Arguments.of("false", "true/false"),
        Arguments.of("[]", "a list"),
        Arguments.of("[\"衡阳县民政局\"]", "a list"),
        Arguments.of("{}", "an object"),
        Arguments.of("{\"name\":\"衡阳县民政局\"}", "an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void namesTheKindOfAValueOfTheWrongKind(String value, String kind) {
    assertOnlyViolation(
        payment(Samples.payment().replace("\"衡阳县民政局\"", value)),
        "payer",
        "must be a text, not " + kind);
  }

  @Test
  void namesTheKindForEveryKindOfField() {
    assertOnlyViolation(
        event(Samples.event(EventType.HOUSING_ASSESSED, "\"C\"")),
        "data",
        "must be a JSON object, not a text");
    assertOnlyViolation(
        event(Samples.event(EventType.HOUSING_ASSESSED, "[{\"grade\":\"C\"}]")),
        "data",
        "must be a JSON object, not a list");
    assertOnlyViolation(
        event(
            Samples.event(
                EventType.MEDICAL_INSURANCE_CHANGED, "{\"memberId\":\"m2\",\"insured\":{}}")),
        "data.insured",
        "must be true or false, not an object");
    assertOnlyViolation(
        event(
            Samples.event(
                EventType.MEDICAL_INSURANCE_CHANGED, "{\"memberId\":\"m2\",\"insured\":\"no\"}")),
        "data.insured",
        "must be true or false, not a text");
    assertOnlyViolation(
        event(Samples.event(EventType.HOUSING_ASSESSED).replace("\"HOUSING_ASSESSED\"", "12")),
        "type",
        "must be a text, not a number");
  }

  // --- text -----------------------------------------------------------------------------------

  @Test
  void stripsTextAndDecodesEscapes() {
    SubsidyPayment payment =
        payment(
                Samples.payment()
                    .replace("c2d7-0001", "\\u0063 2d7-0001")
                    .replace("衡阳县民政局", "\u3000\\t衡阳县\\u6c11\\u653f局 😀\\n"))
            .orElseThrow();

    assertThat(payment.paymentId()).isEqualTo("c 2d7-0001");
    assertThat(payment.payer()).isEqualTo("衡阳县民政局 😀");
    assertThat(payment(Samples.payment().replace("\"payer\"", "\"pay\\u0065r\"")).orElseThrow())
        .isEqualTo(payment(Samples.payment()).orElseThrow());
  }

  // --- trees built by code --------------------------------------------------------------------

  private static ObjectNode paymentTree() {
    return (ObjectNode) ContractJson.mapper().readTree(Samples.payment());
  }

  @Test
  void readsNumbersOfEveryNodeTypeInATree() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<JsonNode> amounts =
        List.of(
            nodes.numberNode(4.0),
            nodes.numberNode(4.5f),
            nodes.numberNode((short) 3),
            nodes.numberNode(7),
            nodes.numberNode(7L),
            nodes.numberNode(BigInteger.TEN),
            nodes.numberNode(new BigDecimal("720.10")));
    List<BigDecimal> expected =
        List.of(
            new BigDecimal("4.0"),
            new BigDecimal("4.5"),
            new BigDecimal("3"),
            new BigDecimal("7"),
            new BigDecimal("7"),
            new BigDecimal("10"),
            new BigDecimal("720.10"));
    for (int i = 0; i < amounts.size(); i++) {
      ObjectNode tree = paymentTree();
      tree.set("amount", amounts.get(i));

      assertThat(reader.subsidyPayment(tree).orElseThrow().amount()).isEqualTo(expected.get(i));
    }
  }

  @Test
  void readsNodesThatJsonCannotSpellAsNullInATree() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    for (JsonNode odd :
        List.of(
            nodes.binaryNode(new byte[] {1}),
            nodes.pojoNode("x"),
            nodes.pojoNode(null),
            nodes.missingNode())) {
      ObjectNode tree = paymentTree();
      tree.set("payer", odd);
      assertOnlyViolation(reader.subsidyPayment(tree), "payer", "must be a text, not null");
      tree = paymentTree();
      tree.set("amount", odd);
      assertOnlyViolation(
          reader.subsidyPayment(tree), "amount", "must be a number of yuan, not null");
      assertOnlyViolation(
          reader.subsidyPayment(odd), "", "must be a JSON object (a subsidy payment), not null");
    }
    assertOnlyViolation(
        reader.householdEvent(null), "", "must be a JSON object (a household event), not nothing");
    assertOnlyViolation(
        reader.householdEvent(nodes.nullNode()),
        "",
        "must be a JSON object (a household event), not null");
  }

  /** A not-a-number double fails only where it is read as a number, as it did before. */
  @Test
  void readsANotANumberDoubleOnlyWhereANumberIsWanted() {
    ObjectNode tree = paymentTree();
    tree.put("payer", Double.NaN);
    assertOnlyViolation(reader.subsidyPayment(tree), "payer", "must be a text, not a number");
    tree.put("note", Double.NaN);
    tree.put("amount", Double.NaN);

    assertThatThrownBy(() -> reader.subsidyPayment(tree))
        .isInstanceOf(tools.jackson.databind.exc.JsonNodeException.class)
        .hasMessageContaining("cannot convert value NaN to `java.math.BigDecimal`");
  }
}
