package org.shouwang.events;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.shouwang.events.RecordChecker.Sign;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads contract records from JSON and explains every violation: each one with the path of the
 * field and a reason a person understands. Thread-safe.
 */
public final class ContractReader {

  /** How far in the future an {@code occurredAt} or {@code paidAt} may lie (clock skew). */
  public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  /** Household ids: 1–64 characters of {@code [A-Za-z0-9-]}. */
  public static final Pattern HOUSEHOLD_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** Periods: a year, or a year and month ({@code 2026}, {@code 2026-03}). */
  static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");

  private final Clock clock;

  /** A reader that judges "in the future" by the system clock. */
  public ContractReader() {
    this(Clock.systemUTC());
  }

  public ContractReader(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reads one household event from JSON bytes. */
  public Validated<HouseholdEvent> readHouseholdEvent(byte[] json) {
    return read(json, "a household event", this::householdEvent);
  }

  /** Reads one subsidy payment from JSON bytes. */
  public Validated<SubsidyPayment> readSubsidyPayment(byte[] json) {
    return read(json, "a subsidy payment", this::subsidyPayment);
  }

  /**
   * Reads a document's fields straight from a streaming parser, without a tree, and checks them.
   * Answers as reading the document into a Jackson tree with {@link ContractJson#mapper()} and
   * checking that would: the whole document is read first, whatever its root, and a token after it
   * fails as {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS} makes {@code readTree} fail.
   */
  private static <T> Validated<T> read(
      byte[] json, String what, Function<JsonFields, Validated<T>> check) {
    Object root;
    try (JsonParser parser = ContractJson.mapper().createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return malformed("the body is empty");
      }
      root = JsonFields.read(parser, first);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        return malformed(
            "not valid JSON: Trailing token (`JsonToken."
                + trailing.name()
                + "`) found after value (bound as `"
                + JsonNode.class.getName()
                + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
      }
    } catch (JacksonException e) {
      return malformed("not valid JSON: " + e.getOriginalMessage());
    } catch (NumberFormatException e) {
      // an exponent beyond BigDecimal's range ("1e99999999999"); Jackson throws this one raw
      return malformed("not valid JSON: " + e.getMessage());
    }
    return root instanceof JsonFields fields
        ? check.apply(fields)
        : notAnObject(RecordChecker.kind(root), what);
  }

  private static <T> Validated<T> malformed(String reason) {
    return Validated.invalid(List.of(new Violation("", ViolationCode.MALFORMED_JSON, reason)));
  }

  /** Reads one alert from JSON bytes; alerts are written by the engine, so checks are brief. */
  public Validated<Alert> readAlert(byte[] json) {
    return bind(json, Alert.class, "alert");
  }

  /** Reads one case event from JSON bytes; written by alerting, so checks are brief. */
  public Validated<CaseEvent> readCaseEvent(byte[] json) {
    return bind(json, CaseEvent.class, "case event");
  }

  private static <T> Validated<T> bind(byte[] json, Class<T> type, String what) {
    try {
      return Validated.valid(ContractJson.mapper().readValue(json, type));
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
      return Validated.invalid(
          List.of(
              new Violation(
                  "", ViolationCode.MALFORMED_JSON, "not a valid " + what + ": " + reason)));
    }
  }

  /** Checks a parsed household event and builds it when every field is right. */
  public Validated<HouseholdEvent> householdEvent(JsonNode node) {
    return node != null && node.isObject()
        ? householdEvent(JsonFields.of(node))
        : notAnObject(node, "a household event");
  }

  private Validated<HouseholdEvent> householdEvent(JsonFields fields) {
    List<Violation> violations = new ArrayList<>();
    RecordChecker c = new RecordChecker(fields, "", violations);
    String eventId = c.id("eventId");
    String householdId = householdId(c);
    EventType type = c.code("type", EventType.class, true);
    OffsetDateTime occurredAt = notInFuture(c, "occurredAt");
    Source source = c.code("source", Source.class, true);
    Department department = c.code("department", Department.class, false);
    if (source == Source.DEPARTMENT && department == null && c.present("department") == null) {
      c.violation(
          "department",
          ViolationCode.REQUIRED,
          "is required when the source is DEPARTMENT; name the reporting department");
    }
    JsonFields dataFields = c.object("data");
    EventData data =
        type == null || dataFields == null
            ? null
            : EventDataReader.read(type, new RecordChecker(dataFields, "data", violations));
    if (!violations.isEmpty()) {
      return Validated.invalid(violations);
    }
    return Validated.valid(
        new HouseholdEvent(eventId, householdId, type, occurredAt, source, department, data));
  }

  /** Checks a parsed subsidy payment and builds it when every field is right. */
  public Validated<SubsidyPayment> subsidyPayment(JsonNode node) {
    return node != null && node.isObject()
        ? subsidyPayment(JsonFields.of(node))
        : notAnObject(node, "a subsidy payment");
  }

  private Validated<SubsidyPayment> subsidyPayment(JsonFields fields) {
    List<Violation> violations = new ArrayList<>();
    RecordChecker c = new RecordChecker(fields, "", violations);
    String paymentId = c.id("paymentId");
    String householdId = householdId(c);
    Programme programme = c.code("programme", Programme.class, true);
    String period =
        c.matching(
            "period",
            ContractReader::isPeriod,
            7,
            "a period like 2026-03 (monthly) or 2026 (yearly)");
    var amount = c.money("amount", true, Sign.POSITIVE);
    OffsetDateTime paidAt = notInFuture(c, "paidAt");
    String payer = c.text("payer", false, RecordChecker.MAX_TEXT_LENGTH);
    if (!violations.isEmpty()) {
      return Validated.invalid(violations);
    }
    return Validated.valid(
        new SubsidyPayment(paymentId, householdId, programme, period, amount, paidAt, payer));
  }

  private static <T> Validated<T> notAnObject(JsonNode node, String what) {
    return notAnObject(node == null ? "nothing" : RecordChecker.kind(JsonFields.value(node)), what);
  }

  private static <T> Validated<T> notAnObject(String kind, String what) {
    return Validated.invalid(
        List.of(
            new Violation(
                "",
                ViolationCode.NOT_AN_OBJECT,
                "must be a JSON object (" + what + "), not " + kind)));
  }

  private static String householdId(RecordChecker c) {
    return c.matching(
        "householdId",
        ContractReader::isHouseholdId,
        64,
        "1–64 characters of letters, digits and '-'");
  }

  /** Whether {@link #HOUSEHOLD_ID} matches, without a regex (read for every record). */
  static boolean isHouseholdId(String s) {
    int length = s.length();
    if (length < 1 || length > 64) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #PERIOD} matches, without a regex (read for every payment). */
  static boolean isPeriod(String s) {
    int length = s.length();
    if (length != 4 && length != 7) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    if (length == 4) {
      return true;
    }
    char tens = s.charAt(5);
    char ones = s.charAt(6);
    return s.charAt(4) == '-'
        && isDigit(ones)
        && ((tens == '0' && ones != '0') || (tens == '1' && ones <= '2'));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private OffsetDateTime notInFuture(RecordChecker c, String field) {
    OffsetDateTime time = c.time(field, true);
    if (time != null && time.toInstant().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
      c.violation(
          field,
          ViolationCode.IN_FUTURE,
          time + " is more than " + FUTURE_TOLERANCE.toMinutes() + " minutes in the future");
      return null;
    }
    return time;
  }
}
