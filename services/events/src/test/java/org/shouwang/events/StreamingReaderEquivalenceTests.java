package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reading JSON bytes gives exactly what reading the Jackson tree of the same bytes gives: the same
 * record, the same violations in the same order with the same words, the same exception. The corpus
 * is every sample with systematic mutations; every document is read both as an event and as a
 * payment.
 */
class StreamingReaderEquivalenceTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);

  private static final String PLACEHOLDER = "@@value@@";

  /**
   * The outcomes of every family of the corpus as the tree-based reader gave them before the
   * streaming reader replaced it (SHA-256 of the rendered outcomes, in corpus order). A change here
   * means a change of observable behaviour; the other tests of this class say where. Only a new
   * corpus or new Jackson messages justify new digests, and only once the bytes and the tree agree.
   * One change was made on purpose: "fields", "roots" and "unknown fields" hold an exponent beyond
   * BigDecimal's range, which threw and is now malformed JSON. The contract then grew (issue 16:
   * SELF_DECLARED, IDENTIFICATION_STEP, ELIMINATION_STEP, the source CADRE, a school-leaving
   * reason): new samples and longer lists of allowed codes in the reasons, so six digests were
   * taken again once the bytes and the tree agreed on the grown corpus.
   */
  private static final Map<String, String> PINNED = new LinkedHashMap<>();

  static {
    PINNED.put("samples", "fc1023c0f43e695207e6f5d33796d94409c388afbb882302be28de25ce6a7179");
    PINNED.put("fields", "0fc3594023d5a7ff476470cdb5fcefc948a9bc4a0914bde77702c3f61c36f6f8");
    PINNED.put("duplicates", "b3a9c4e2e671d00de451dc737d6b4500087109964c5e20011af0dc0a1b4edd46");
    PINNED.put(
        "unknown fields", "4a03d1f7e687ab51744c454a69031dc1da1d831e7903751f78c137da5892b8b3");
    PINNED.put(
        "layout and text", "688dc9f30eca7100cadc99c0ddfc6b4017c6e7078e201dcca177750f95d14933");
    PINNED.put("truncated", "c45d596c24bd3ec9959deca2a51b09e58d8bcfb95ad8a3c2554e36abe42c3249");
    PINNED.put("trailing", "10fd29509d4e77eb85503c3dbf1cd36f56c90e652c28b6b26e664cf44e88d981");
    PINNED.put("roots", "cfbf43cff897b40186f26598da70cbf9d716f2751523658844aa3ae7d808a985");
    PINNED.put("bytes", "e8402822efd7df6cbefbed06053bf2405e0dda58629173f7cd8e3977c62c3dc6");
  }

  private final ContractReader reader = new ContractReader(CLOCK);

  /** What reading one document gave: a record, violations, or an exception. */
  record Outcome(Object value, List<Violation> violations, String thrown) {

    static Outcome of(Supplier<Validated<?>> read) {
      try {
        Validated<?> result = read.get();
        return new Outcome(result.value(), result.violations(), null);
      } catch (RuntimeException e) {
        return new Outcome(null, List.of(), e.getClass().getName() + ": " + e.getMessage());
      }
    }

    String render() {
      if (thrown != null) {
        return "throws " + thrown;
      }
      if (value != null) {
        return "valid " + value;
      }
      return "invalid "
          + violations.stream()
              .map(v -> v.field() + "|" + v.code() + "|" + v.reason())
              .collect(Collectors.joining(" ; "));
    }
  }

  @Test
  void readingBytesGivesWhatReadingTheirTreeGives() {
    List<String> differences = new ArrayList<>();
    int cases = 0;
    for (Map.Entry<String, List<byte[]>> family : corpus().entrySet()) {
      for (byte[] json : family.getValue()) {
        cases++;
        for (boolean event : new boolean[] {true, false}) {
          Outcome streamed = streamed(json, event);
          Outcome tree = viaTree(json, event);
          if (!streamed.equals(tree)) {
            differences.add(
                family.getKey()
                    + (event ? " as event " : " as payment ")
                    + show(json)
                    + "\n  bytes: "
                    + streamed.render()
                    + "\n  tree:  "
                    + tree.render());
          }
        }
      }
    }
    assertThat(cases).isGreaterThan(20_000);
    assertThat(differences)
        .as("%d differences, the first: %s", differences.size(), first(differences))
        .isEmpty();
  }

  @Test
  void everyFamilyReadsAsItDidBeforeTheStreamingReader() {
    Map<String, String> digests = new LinkedHashMap<>();
    corpus().forEach((family, documents) -> digests.put(family, digest(documents)));

    assertThat(digests).isEqualTo(PINNED);
  }

  /** The corpus reaches every kind of outcome, so the comparisons above compare something. */
  @Test
  void theCorpusReachesEveryOutcome() {
    Set<ViolationCode> codes = EnumSet.noneOf(ViolationCode.class);
    Set<String> reasons = new HashSet<>();
    int valid = 0;
    int thrown = 0;
    for (List<byte[]> documents : corpus().values()) {
      for (byte[] json : documents) {
        for (boolean event : new boolean[] {true, false}) {
          Outcome outcome = streamed(json, event);
          valid += outcome.value() != null ? 1 : 0;
          thrown += outcome.thrown() != null ? 1 : 0;
          outcome.violations().forEach(v -> codes.add(v.code()));
          outcome.violations().forEach(v -> reasons.add(v.reason()));
        }
      }
    }
    assertThat(valid).isGreaterThan(2_000);
    assertThat(thrown).as("nothing escapes the reader").isZero();
    assertThat(codes).isEqualTo(EnumSet.complementOf(EnumSet.of(ViolationCode.TOO_LARGE)));
    assertThat(reasons)
        .anyMatch(r -> r.endsWith("not a text"))
        .anyMatch(r -> r.endsWith("not a number"))
        .anyMatch(r -> r.endsWith("not true/false"))
        .anyMatch(r -> r.endsWith("not a list"))
        .anyMatch(r -> r.endsWith("not an object"))
        .anyMatch(r -> r.endsWith("not null"));
  }

  private Outcome streamed(byte[] json, boolean event) {
    return Outcome.of(
        () -> event ? reader.readHouseholdEvent(json) : reader.readSubsidyPayment(json));
  }

  /** Reads through a Jackson tree, as the reader did before it read the bytes itself. */
  private Outcome viaTree(byte[] json, boolean event) {
    return Outcome.of(
        () -> {
          JsonNode tree;
          try {
            tree = ContractJson.mapper().readTree(json);
          } catch (JacksonException e) {
            return malformed("not valid JSON: " + e.getOriginalMessage());
          } catch (NumberFormatException e) {
            // the one change: it escaped the tree-based reader, and stopped the risk engine
            return malformed("not valid JSON: " + e.getMessage());
          }
          if (tree == null || tree.isMissingNode()) {
            return malformed("the body is empty");
          }
          return event ? reader.householdEvent(tree) : reader.subsidyPayment(tree);
        });
  }

  private static Validated<?> malformed(String reason) {
    return Validated.invalid(List.of(new Violation("", ViolationCode.MALFORMED_JSON, reason)));
  }

  private String digest(List<byte[]> documents) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] json : documents) {
        for (boolean event : new boolean[] {true, false}) {
          sha.update(streamed(json, event).render().getBytes(StandardCharsets.UTF_8));
          sha.update((byte) '\n');
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String first(List<String> differences) {
    return differences.isEmpty() ? "none" : differences.get(0);
  }

  private static String show(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8);
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  // --- the corpus ---------------------------------------------------------------------------

  /** The documents of every family, in a fixed order. */
  static Map<String, List<byte[]>> corpus() {
    Map<String, List<byte[]>> corpus = new LinkedHashMap<>();
    corpus.put("samples", texts(bases()));
    corpus.put("fields", texts(fieldMutations()));
    corpus.put("duplicates", texts(duplicates()));
    corpus.put("unknown fields", texts(unknownFields()));
    corpus.put("layout and text", texts(layoutAndText()));
    corpus.put("truncated", truncated());
    corpus.put("trailing", texts(trailing()));
    corpus.put("roots", texts(roots()));
    corpus.put("bytes", bytes());
    return corpus;
  }

  private static List<byte[]> texts(List<String> texts) {
    return texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Every valid sample, and a few valid variants of them. */
  static List<String> bases() {
    List<String> bases = new ArrayList<>();
    for (EventType type : EventType.values()) {
      bases.add(Samples.event(type));
    }
    bases.add(
        Samples.event(EventType.WATER_ASSESSED, "{\"safe\":false}")
            .replace(
                "\"source\":\"DEPARTMENT\",\"department\":\"MEDICAL_INSURANCE\"",
                "\"source\":\"CADRE_VISIT\""));
    bases.add(
        Samples.event(
            EventType.ENTITLEMENT_CHANGED,
            "{\"programme\":\"MINIMUM_LIVING_ALLOWANCE\",\"granted\":false}"));
    bases.add(Samples.payment());
    bases.add(Samples.payment().replace("2026-03\"", "2026\""));
    return bases;
  }

  /** Literal JSON values of every kind, put in place of a field's value. */
  static List<String> literals() {
    List<String> literals =
        new ArrayList<>(
            List.of(
                "null",
                "true",
                "false",
                "[]",
                "[1,\"a\",{\"b\":null},[]]",
                "{}",
                "{\"x\":1}",
                "\"\"",
                "\"   \"",
                "\" c-0042 \"",
                "\"\\t\\n c \\r\"",
                "\"\u3000c\u3000\"",
                "\"c\"",
                "\"x\"",
                "\"yes\"",
                "\"7000\"",
                "\"2026\"",
                "\"2026-03\"",
                "\"2026-13\"",
                "\"2026-3\"",
                "\"430421 105\"",
                "\"衡阳-1\"",
                "\"\\u0041bc\"",
                "\"😀\"",
                "\"\\ud83d\\ude00\"",
                "\"\\ud800\"",
                "\"" + "1".repeat(64) + "\"",
                "\"" + "1".repeat(65) + "\"",
                "\"" + "a".repeat(128) + "\"",
                "\"" + "a".repeat(129) + "\"",
                "\"" + "b".repeat(256) + "\"",
                "\"" + "b".repeat(257) + "\"",
                "\"" + "户".repeat(41) + "\"",
                "\"2026-03-02T09:30:00+08:00\"",
                "\"2026-03-02T09:35:00+08:00\"",
                "\"2026-03-02T09:35:01+08:00\"",
                "\"2026-03-02T01:30:00Z\"",
                "\"2027-01-01T00:00:00Z\"",
                "\"2026-03-02T09:30:00\"",
                "\"2026-03-02\"",
                "\"yesterday\"",
                "0",
                "-0",
                "1",
                "-1",
                "2",
                "4",
                "5",
                "45",
                "99",
                "100",
                "400",
                "1999",
                "2026",
                "2101",
                "36600",
                "36601",
                "2147483647",
                "2147483648",
                "-2147483649",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999999",
                "-99999999999999999999999",
                "0.0",
                "-0.0",
                "0.00",
                "0.01",
                "0.001",
                "2.0",
                "2.00",
                "2.5",
                "-2.0",
                "720.00",
                "720.0",
                "720.005",
                "-720.005",
                "1.005",
                "1.10",
                "1e2",
                "1E+2",
                "1e-2",
                "1.5e1",
                "15e-1",
                "2.026e3",
                "7.2E2",
                "0e5",
                "1e400",
                "1e-400",
                "123456789012345678901234567890.5",
                "1e99999999999"));
    for (Class<? extends Enum<?>> type :
        List.of(
            EventType.class,
            Source.class,
            Department.class,
            HouseholdStatus.class,
            MemberChangeReason.class,
            MonitoringStatus.class,
            MonitoringCategory.class,
            EliminationType.class,
            AssistanceMeasure.class,
            EmploymentKind.class,
            HousingGrade.class,
            DisasterKind.class,
            LoanStatus.class,
            Programme.class)) {
      for (Enum<?> constant : type.getEnumConstants()) {
        literals.add("\"" + constant.name() + "\"");
      }
    }
    literals.add("\"medical_insurance\"");
    literals.add("\"Overdue\"");
    return literals;
  }

  /** Every field of every base, top-level and in {@code data}: removed, and set to each literal. */
  static List<String> fieldMutations() {
    List<String> documents = new ArrayList<>();
    List<String> literals = literals();
    for (String base : bases()) {
      ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(base);
      for (String path : fieldPaths(root)) {
        ObjectNode removed = root.deepCopy();
        owner(removed, path).remove(name(path));
        documents.add(removed.toString());
        ObjectNode marked = root.deepCopy();
        owner(marked, path).set(name(path), StringNode.valueOf(PLACEHOLDER));
        String template = ContractJson.mapper().writeValueAsString(marked);
        for (String literal : literals) {
          documents.add(template.replace("\"" + PLACEHOLDER + "\"", literal));
        }
      }
    }
    return documents;
  }

  private static List<String> fieldPaths(ObjectNode root) {
    List<String> paths = new ArrayList<>(root.propertyNames());
    if (root.get("data") instanceof ObjectNode data) {
      data.propertyNames().forEach(name -> paths.add("data." + name));
    }
    return paths;
  }

  private static ObjectNode owner(ObjectNode root, String path) {
    return path.startsWith("data.") ? (ObjectNode) root.get("data") : root;
  }

  private static String name(String path) {
    return path.startsWith("data.") ? path.substring(5) : path;
  }

  /** A field given twice: the other value first and then the sample's, and the other way. */
  static List<String> duplicates() {
    List<String> values =
        List.of(
            "null",
            "\"bad id\"",
            "\"2026\"",
            "\"FLOOD\"",
            "\"CADRE_VISIT\"",
            "\"HOUSING_ASSESSED\"",
            "7",
            "2.5",
            "1.005",
            "true",
            "[]",
            "{}",
            "{\"grade\":\"A\"}");
    List<String> documents = new ArrayList<>();
    for (String base : bases()) {
      ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(base);
      String data =
          root.has("data") ? ContractJson.mapper().writeValueAsString(root.get("data")) : null;
      for (String path : fieldPaths(root)) {
        for (String value : values) {
          if (path.startsWith("data.")) {
            String field = name(path);
            documents.add(replaceData(base, data, first(data, field, value)));
            documents.add(replaceData(base, data, last(data, field, value)));
          } else {
            documents.add(first(base, path, value));
            documents.add(last(base, path, value));
          }
        }
      }
      // the same field three times, and a duplicate of an object's field inside a duplicate object
      documents.add(last(last(base, "householdId", "\"x y\""), "householdId", "\"h-1\""));
      if (data != null) {
        documents.add(last(base, "data", "{}"));
        documents.add(last(base, "data", data));
        documents.add(first(base, "data", "{\"x\":1}"));
      }
    }
    return documents;
  }

  private static String replaceData(String base, String data, String newData) {
    ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(base);
    root.set("data", StringNode.valueOf(PLACEHOLDER));
    return ContractJson.mapper()
        .writeValueAsString(root)
        .replace("\"" + PLACEHOLDER + "\"", newData);
  }

  private static String first(String object, String field, String value) {
    return "{\"" + field + "\":" + value + "," + object.substring(object.indexOf('{') + 1);
  }

  private static String last(String object, String field, String value) {
    int end = object.lastIndexOf('}');
    return object.substring(0, end) + ",\"" + field + "\":" + value + object.substring(end);
  }

  /** Fields the contract does not name, of every shape, at the start and end of each object. */
  static List<String> unknownFields() {
    List<String> values =
        List.of(
            "null",
            "\"note\"",
            "1.005",
            "-0",
            "[]",
            "{}",
            "[[[[1]]]]",
            "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}",
            "[1e2,-0,99999999999999999999999,\"x\",true,null,{\"eventId\":7}]",
            "{\"householdId\":\"x y\",\"data\":[]}",
            "\"" + "很长".repeat(5_000) + "\"",
            "[\"\\ud800\",\"\\u0000\"]",
            "[".repeat(400) + "]".repeat(400),
            "[".repeat(1_100) + "]".repeat(1_100),
            "{\"a\":".repeat(600) + "1" + "}".repeat(600),
            "[1e99999999999]",
            "{\"a\":1e99999999999}",
            "[1,]",
            "{\"a\" 1}",
            "[tru]");
    List<String> names = List.of("zzz", "", "数据", "\\u0064ata2", "Data", "eventid");
    List<String> documents = new ArrayList<>();
    for (String base : bases()) {
      ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(base);
      String data =
          root.has("data") ? ContractJson.mapper().writeValueAsString(root.get("data")) : null;
      for (String value : values) {
        documents.add(first(base, "zzz", value));
        documents.add(last(base, "zzz", value));
        if (data != null) {
          documents.add(replaceData(base, data, first(data, "zzz", value)));
          documents.add(replaceData(base, data, last(data, "zzz", value)));
        }
      }
      for (String name : names) {
        documents.add(last(base, name, "\"x\""));
      }
      // names written with escapes are the same names
      documents.add(base.replace("\"householdId\"", "\"household\\u0049d\""));
      documents.add(base.replace("\"data\"", "\"\\u0064ata\""));
      documents.add(base.replace("\"amount\"", "\"\\u0061mount\""));
    }
    return documents;
  }

  /** White space, pretty printing, escapes and text beyond ASCII. */
  static List<String> layoutAndText() {
    List<String> documents = new ArrayList<>();
    for (String base : bases()) {
      JsonNode tree = ContractJson.mapper().readTree(base);
      documents.add(ContractJson.mapper().writeValueAsString(tree));
      documents.add(
          ContractJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
      documents.add(" \t\r\n" + base + "\r\n\t ");
      documents.add(base.replace("\n", "\r\n\t"));
      documents.add(base.replace("\",\"", "\" ,\t\"").replace("\":\"", "\"\n:\r\""));
      documents.add(base.replace("\n", "\u000b"));
      documents.add(base.replace("\n", "\u00a0"));
      documents.add(base.replace("衡阳县民政局", "\\u8861\\u9633\\u53bf\\u6c11\\u653f\\u5c40"));
      documents.add(base.replace("衡阳县民政局", "\u3000衡阳县民政局 😀\\n"));
      documents.add(base.replace("c-0042", "c-00\\u0034\\u0032"));
      documents.add(base.replace("c-0042", "c\\/0042"));
      documents.add(base.replace("西渡镇", "\\\"西渡镇\\\""));
      documents.add(base.replace("MEDICAL_INSURANCE", "MEDICAL\\u005fINSURANCE"));
      documents.add(base.replace(Samples.HOUSEHOLD, Samples.HOUSEHOLD + "\\u0000"));
      documents.add(base.replace(Samples.HOUSEHOLD, Samples.HOUSEHOLD + "\t"));
      documents.add(base.replace(Samples.HOUSEHOLD, Samples.HOUSEHOLD + "\\t"));
      documents.add(base.replace(Samples.HOUSEHOLD, "\\ud83d" + Samples.HOUSEHOLD));
      documents.add(base.replace(Samples.HOUSEHOLD, "\\x41"));
      documents.add(base.replace(Samples.HOUSEHOLD, "\\u12"));
    }
    return documents;
  }

  /** Every proper prefix of every base: malformed at every byte. */
  static List<byte[]> truncated() {
    List<byte[]> documents = new ArrayList<>();
    for (String base : bases()) {
      byte[] json = base.getBytes(StandardCharsets.UTF_8);
      for (int length = 0; length < json.length; length++) {
        documents.add(Arrays.copyOf(json, length));
      }
    }
    return documents;
  }

  /** Whatever may follow a complete document. */
  static List<String> trailing() {
    List<String> tails =
        List.of(
            "",
            " ",
            "\n",
            " \r\n\t ",
            " x",
            "x",
            " {}",
            "{}",
            " []",
            " [",
            " {",
            " 1",
            " -1.5",
            " \"s\"",
            " null",
            " true",
            " false",
            "}",
            "]",
            ",",
            ":",
            " /* comment */",
            " // comment",
            " #",
            "\u0000",
            " \u00a0",
            "\uFEFF",
            " {} {}",
            " nul",
            " 1x");
    List<String> documents = new ArrayList<>();
    for (String base : List.of(Samples.event(EventType.HOUSING_ASSESSED), Samples.payment())) {
      for (String tail : tails) {
        documents.add(base + tail);
      }
    }
    for (String root : List.of("{}", "[]", "[1]", "1", "1.5", "\"s\"", "null", "true")) {
      for (String tail : tails) {
        documents.add(root + tail);
      }
    }
    return documents;
  }

  /** Documents whose root is not an object, empty ones and broken ones. */
  static List<String> roots() {
    return List.of(
        "",
        " ",
        " \n\t\r ",
        "\uFEFF",
        "\uFEFF{}",
        "\uFEFF" + Samples.payment(),
        "{}",
        "[]",
        "[1,2]",
        "[{}]",
        "[" + Samples.payment() + "]",
        "1",
        "-0",
        "1.5",
        "1e2",
        "99999999999999999999999",
        "\"s\"",
        "\"\"",
        "true",
        "false",
        "null",
        "nul",
        "[",
        "[1,",
        "[1,]",
        "[{\"a\":}]",
        "[1e99999999999]",
        "{",
        "}",
        "]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{,}",
        "{'a':1}",
        "{a:1}",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":.5}",
        "{\"a\":+1}",
        "{\"a\":NaN}",
        "{\"a\":Infinity}",
        "{\"a\":-}",
        "{\"a\":\"unterminated}",
        "{\"a\":\"tab\tinside\"}",
        "{\"a\":\"\\q\"}",
        "{\"a\":tru}",
        "{\"a\":nulll}",
        "{\"a\":[}",
        "{\"a\":{]}",
        "{\"a\":1}}",
        "[1]]",
        "/* c */ {}",
        "\u0000");
  }

  /** Byte-level damage and other encodings. */
  static List<byte[]> bytes() {
    List<byte[]> documents = new ArrayList<>();
    for (String base : List.of(Samples.event(EventType.HOUSEHOLD_REGISTERED), Samples.payment())) {
      byte[] json = base.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < json.length; i++) {
        byte[] damaged = json.clone();
        damaged[i] = (byte) 0xFF;
        documents.add(damaged);
        byte[] control = json.clone();
        control[i] = (byte) 0x01;
        documents.add(control);
      }
      documents.add(base.getBytes(StandardCharsets.UTF_16BE));
      documents.add(base.getBytes(StandardCharsets.UTF_16LE));
      documents.add(base.getBytes(StandardCharsets.UTF_16));
      documents.add(base.getBytes(Charset.forName("UTF-32BE")));
      documents.add(base.getBytes(StandardCharsets.ISO_8859_1));
    }
    // an overlong encoding and a lone continuation byte inside a string
    documents.add(
        new byte[] {
          '{', '"', 'p', 'a', 'y', 'e', 'r', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'
        });
    documents.add(new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0x80, '"', '}'});
    return documents;
  }
}
