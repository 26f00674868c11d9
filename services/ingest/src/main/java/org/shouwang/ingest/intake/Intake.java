package org.shouwang.ingest.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Department;
import org.shouwang.events.EventType;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.Programme;
import org.shouwang.events.Source;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.events.Validated;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import org.shouwang.ingest.intake.IntakeMetrics.Outcome;
import org.shouwang.ingest.intake.IntakeMetrics.RecordTags;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.platform.security.ShouwangUser;
import tools.jackson.databind.JsonNode;

/**
 * Takes a request's records into Kafka: checks each against the contract, drops ids accepted
 * recently, sends the valid ones keyed by household id, waits for Kafka's acknowledgement and
 * reports every record's outcome. An invalid record never holds back a valid one. Thread-safe.
 */
public final class Intake {

  private static final String NONE = "none";
  private static final String UNKNOWN = "unknown";

  private final ContractReader reader;
  private final ContractTopics topics;
  private final RecordPublisher publisher;
  private final IntakeMetrics metrics;
  private final Duration produceTimeout;
  private final Map<RecordKind, RecentIds> recentIds = new EnumMap<>(RecordKind.class);

  Intake(
      ContractReader reader,
      ContractTopics topics,
      RecordPublisher publisher,
      IntakeMetrics metrics,
      Duration produceTimeout,
      int recentIdCapacity) {
    this.reader = reader;
    this.topics = topics;
    this.publisher = publisher;
    this.metrics = metrics;
    this.produceTimeout = produceTimeout;
    for (RecordKind kind : RecordKind.values()) {
      RecentIds ids = new RecentIds(recentIdCapacity);
      recentIds.put(kind, ids);
      metrics.recentIds(kind, ids::size);
    }
  }

  /**
   * Fills the recent-id filter of a kind with ids already on its topic, oldest first (the start's
   * rebuild, before any request).
   */
  void remember(RecordKind kind, List<String> ids) {
    recentIds.get(kind).add(ids);
  }

  /** Whether an id of the kind is held by the recent-id filter. */
  boolean remembers(RecordKind kind, String id) {
    return recentIds.get(kind).contains(id);
  }

  /** Where a record was in its request: the JSON index or the CSV row. */
  private record Origin(Integer index, Integer row) {

    static Origin of(Candidate candidate) {
      return new Origin(candidate.index(), candidate.row());
    }

    @Override
    public String toString() {
      return row != null ? "row " + row : "index " + index;
    }
  }

  /** A record that passed the contract, on its way to Kafka. */
  private record Valid(int position, Origin origin, String id, int idHash, RecordTags tags) {}

  /**
   * Takes the given records in. Each valid record is handed to the producer as soon as it is
   * checked, so Kafka works while the rest of the request is checked; then the request waits for
   * Kafka's answer on every record sent.
   *
   * @param candidates the records in request order, all read already (a body that turns out
   *     malformed half-way must have been refused before anything was sent)
   * @param user the authenticated sender; a department system may only send for its department
   * @throws InterruptedException when the request thread is interrupted while waiting for Kafka
   */
  public IntakeReport ingest(
      RecordKind kind, Channel channel, List<Candidate> candidates, ShouwangUser user)
      throws InterruptedException {
    metrics.batch(kind, channel, candidates.size());
    Request request = new Request(kind, department(user), candidates.size());
    // per-record work lives in small methods: called thousands of times per request, they are
    // compiled long before a method called once per request would be
    for (Candidate candidate : candidates) {
      request.take(candidate);
    }
    request.settle();
    metrics.records(kind, channel, request.counts);
    metrics.violations(kind, request.violationCounts);
    return IntakeReport.of(kind, request.results);
  }

  /** One request's records on their way through the intake. Used by one thread. */
  private final class Request {
    private final RecordKind kind;
    private final Department sender;
    private final RecentIds recent;
    private final List<RecordResult> results;
    private final Map<RecordTags, Integer> counts = new HashMap<>();
    private final Map<ViolationCode, Integer> violationCounts = new EnumMap<>(ViolationCode.class);
    private final Map<String, Origin> firstInRequest;
    private final List<Valid> valid;
    private final int capacity;
    private RecordPublisher.Session session;
    private long start;

    Request(RecordKind kind, Department sender, int expected) {
      this.kind = kind;
      this.sender = sender;
      this.recent = recentIds.get(kind);
      this.results = new ArrayList<>(expected);
      this.firstInRequest = new HashMap<>(expected * 2);
      this.valid = new ArrayList<>(expected);
      this.capacity = expected;
    }

    /** Checks one record and sends it when it is valid and new; answers the others at once. */
    void take(Candidate candidate) {
      int position = results.size();
      Checked checked = check(kind, candidate, sender);
      RecordTags tags = tags(kind, candidate.node(), checked, sender);
      if (!checked.violations().isEmpty()) {
        results.add(result(candidate, checked.id(), RecordStatus.REJECTED, checked.violations()));
        for (Violation v : checked.violations()) {
          violationCounts.merge(v.code(), 1, Integer::sum);
        }
        counts.merge(tags, 1, Integer::sum);
        return;
      }
      Origin origin = Origin.of(candidate);
      Origin earlier = firstInRequest.putIfAbsent(checked.id(), origin);
      int idHash = checked.id().hashCode();
      if (earlier != null || recent.contains(checked.id(), idHash)) {
        String reason =
            earlier != null
                ? "the same id appears earlier in this request (" + earlier + "); sent once"
                : "this id was accepted recently; not sent again";
        results.add(result(candidate, checked.id(), RecordStatus.DUPLICATE, reason));
        counts.merge(withOutcome(tags, Outcome.DUPLICATE), 1, Integer::sum);
        return;
      }
      // JSON goes on exactly as sent (it passed the same check consumers apply, and fields a
      // newer contract adds survive); a CSV row is written as the contract's JSON
      byte[] value =
          candidate.original() != null
              ? candidate.original()
              : ContractSerdes.toJson(checked.record());
      if (session == null) {
        session = publisher.session(topics.name(kind.topic()), capacity);
        start = System.nanoTime();
      }
      session.send(checked.householdId(), value);
      valid.add(new Valid(position, origin, checked.id(), idHash, tags));
      // filled in once Kafka answered
      results.add(null);
    }

    /** Waits for Kafka's answer on every record sent and fills in their results. */
    void settle() throws InterruptedException {
      if (session == null) {
        return;
      }
      String[] failures = session.await(produceTimeout);
      metrics.produced(kind, Duration.ofNanos(System.nanoTime() - start));
      List<String> acknowledged = new ArrayList<>(valid.size());
      int[] acknowledgedHashes = new int[valid.size()];
      for (int j = 0; j < valid.size(); j++) {
        Valid v = valid.get(j);
        if (failures[j] == null) {
          acknowledgedHashes[acknowledged.size()] = v.idHash();
          acknowledged.add(v.id());
          settle(v, RecordStatus.ACCEPTED, null);
        } else {
          settle(v, RecordStatus.FAILED, failures[j]);
        }
      }
      // only acknowledged ids: a failed record must be accepted when it is resent
      recent.add(acknowledged, acknowledgedHashes);
    }

    private void settle(Valid v, RecordStatus status, String reason) {
      results.set(v.position(), result(v.origin(), v.id(), status, reason));
      RecordTags tags =
          status == RecordStatus.ACCEPTED ? v.tags() : withOutcome(v.tags(), Outcome.FAILED);
      counts.merge(tags, 1, Integer::sum);
    }
  }

  /** The outcome of the contract check of one candidate. */
  private record Checked(
      Object record, String id, String householdId, List<Violation> violations) {}

  private Checked check(RecordKind kind, Candidate candidate, Department sender) {
    JsonNode node = candidate.node();
    List<Violation> absurd = NumberGuard.check(node);
    if (!absurd.isEmpty()) {
      return new Checked(null, textOrNull(node, kind.idField()), null, absurd);
    }
    Validated<?> validated =
        kind == RecordKind.HOUSEHOLD_EVENT
            ? reader.householdEvent(node)
            : reader.subsidyPayment(node);
    String id = textOrNull(node, kind.idField());
    List<Violation> violations = merge(candidate.conversionViolations(), validated.violations());
    if (violations.isEmpty() && validated.value() instanceof HouseholdEvent event) {
      if (sender != null && event.source() == Source.DEPARTMENT && event.department() != sender) {
        violations =
            List.of(
                new Violation(
                    "department",
                    ViolationCode.INCONSISTENT,
                    "this credential sends for "
                        + sender
                        + " ("
                        + sender.chineseName()
                        + ") only, not for "
                        + event.department()));
      } else {
        return new Checked(event, event.eventId(), event.householdId(), List.of());
      }
    }
    if (violations.isEmpty() && validated.value() instanceof SubsidyPayment payment) {
      return new Checked(payment, payment.paymentId(), payment.householdId(), List.of());
    }
    return new Checked(null, id, null, violations);
  }

  /** Conversion problems first; the contract's findings on the same fields would repeat them. */
  private static List<Violation> merge(List<Violation> conversion, List<Violation> contract) {
    if (conversion.isEmpty()) {
      return contract;
    }
    Set<String> fields = new HashSet<>();
    conversion.forEach(v -> fields.add(v.field()));
    List<Violation> merged = new ArrayList<>(conversion);
    contract.stream().filter(v -> !fields.contains(v.field())).forEach(merged::add);
    return merged;
  }

  private static RecordTags tags(
      RecordKind kind, JsonNode node, Checked checked, Department sender) {
    Outcome outcome = checked.violations().isEmpty() ? Outcome.ACCEPTED : Outcome.REJECTED;
    String reason =
        checked.violations().isEmpty() ? NONE : checked.violations().get(0).code().name();
    if (checked.record() instanceof HouseholdEvent event) {
      return new RecordTags(
          outcome,
          event.type().name(),
          event.source().name(),
          event.department() == null ? NONE : event.department().name(),
          reason);
    }
    if (checked.record() instanceof SubsidyPayment payment) {
      return new RecordTags(
          outcome, payment.programme().name(), NONE, sender == null ? NONE : sender.name(), reason);
    }
    // rejected: tag with whatever codes of the record are readable
    if (kind == RecordKind.HOUSEHOLD_EVENT) {
      return new RecordTags(
          outcome,
          code(node, "type", EventType.class, UNKNOWN),
          code(node, "source", Source.class, UNKNOWN),
          code(node, "department", Department.class, NONE),
          reason);
    }
    return new RecordTags(
        outcome,
        code(node, "programme", Programme.class, UNKNOWN),
        NONE,
        sender == null ? NONE : sender.name(),
        reason);
  }

  private static RecordTags withOutcome(RecordTags tags, Outcome outcome) {
    return new RecordTags(outcome, tags.type(), tags.source(), tags.department(), tags.reason());
  }

  private static <E extends Enum<E>> String code(
      JsonNode node, String field, Class<E> type, String otherwise) {
    String text = textOrNull(node, field);
    if (text == null) {
      return otherwise;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return text;
      }
    }
    return UNKNOWN;
  }

  private static String textOrNull(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank()
        ? value.stringValue().strip()
        : null;
  }

  private static Department department(ShouwangUser user) {
    if (user == null || user.department() == null) {
      return null;
    }
    for (Department d : Department.values()) {
      if (d.name().equals(user.department())) {
        return d;
      }
    }
    return null;
  }

  private static RecordResult result(
      Candidate candidate, String id, RecordStatus status, List<Violation> violations) {
    return new RecordResult(candidate.index(), candidate.row(), id, status, violations, null);
  }

  private static RecordResult result(
      Candidate candidate, String id, RecordStatus status, String reason) {
    return new RecordResult(candidate.index(), candidate.row(), id, status, List.of(), reason);
  }

  private static RecordResult result(Origin origin, String id, RecordStatus status, String reason) {
    return new RecordResult(origin.index(), origin.row(), id, status, List.of(), reason);
  }
}
