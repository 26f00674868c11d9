package org.shouwang.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shouwang.alerting.publishing.HouseholdEventOutbox;
import org.shouwang.events.AssistanceMeasure;
import org.shouwang.events.ContractReader;
import org.shouwang.events.EventData;
import org.shouwang.events.EventType;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.ProcedureStep;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;
import org.shouwang.events.Source;
import org.shouwang.events.Topics;
import org.shouwang.events.Validated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cadre's case work becomes household events (ADR 0005), on the real broker and database: a
 * confirmed verification is one {@code IDENTIFICATION_STEP HOME_VISIT}, each measure one {@code
 * ASSISTANCE_RECORDED}, every one valid under the contract, written with the change through the
 * outbox so a rolled-back change publishes nothing.
 */
class CadreWorkEventsIntegrationTests extends AlertingFlowIntegrationTestSupport {

  private static final String CADRE = "cadre-0001";

  @Autowired HouseholdEventOutbox householdOutbox;
  @Autowired TransactionTemplate tx;

  @Test
  void aConfirmedVerificationIsOneHomeVisitEvenWhenTheRequestIsRetried() {
    String household = TestAlerts.household();
    UUID caseId = acknowledgedCase(household);

    String verify = "{\"confirmed\":true,\"reason\":\"入户核实属实\"}";
    assertThat(post(caseId, "verify", CADRE, verify)).hasStatusOk();
    // the client did not see the answer and sends the same request again
    assertThat(post(caseId, "verify", CADRE, verify)).hasStatus(HttpStatus.CONFLICT);
    assertThat(
            post(
                caseId,
                "measures",
                CADRE,
                "{\"kind\":\"HEALTH\",\"description\":\"申请医疗救助\",\"amount\":3000.50}"))
        .hasStatusOk();

    try (TestAlerts.TopicReader reader = householdEvents()) {
      // the measure was recorded after the retry; once its event is there, so is any repeat
      List<HouseholdEvent> events = awaitEvents(reader, household, EventType.ASSISTANCE_RECORDED);
      List<HouseholdEvent> visits =
          events.stream().filter(e -> e.type() == EventType.IDENTIFICATION_STEP).toList();
      assertThat(visits).hasSize(1);
      HouseholdEvent visit = visits.get(0);
      assertThat(visit.dataAs(EventData.IdentificationStep.class).step())
          .isEqualTo(ProcedureStep.HOME_VISIT);
      assertThat(visit.source()).isEqualTo(Source.CADRE);
      assertThat(visit.department()).isNull();
      // derived from the case: name-based (version 3), and the same whenever the case is verified
      assertThat(UUID.fromString(visit.eventId()).version()).isEqualTo(3);
      assertThat(visit.eventId())
          .isEqualTo(
              UUID.nameUUIDFromBytes(
                      ("shouwang:case:" + caseId + ":IDENTIFICATION_STEP:HOME_VISIT")
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  .toString());
      assertThat(events.indexOf(visit))
          .as("the home visit comes before the measure, as the work happened")
          .isLessThan(
              events.indexOf(
                  events.stream()
                      .filter(e -> e.type() == EventType.ASSISTANCE_RECORDED)
                      .findFirst()
                      .orElseThrow()));

      // the outbox keeps one row per event id: the same home visit appended again changes nothing
      Boolean appendedAgain =
          tx.execute(
              status ->
                  householdOutbox.append(
                      HouseholdEvent.of(
                          visit.eventId(),
                          household,
                          OffsetDateTime.now(),
                          Source.CADRE,
                          null,
                          visit.data())));
      assertThat(appendedAgain).isFalse();
      assertThat(
              jdbc.sql("select count(*) from case_event_outbox where event_id = ?")
                  .param(visit.eventId())
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
  }

  @Test
  void eachMeasureIsOneAssistanceRecordedWithItsMeasureAndAmount() {
    String household = TestAlerts.household();
    UUID caseId = acknowledgedCase(household);
    assertThat(post(caseId, "verify", CADRE, "{\"confirmed\":true,\"reason\":\"属实\"}"))
        .hasStatusOk();
    assertThat(
            post(
                caseId,
                "measures",
                CADRE,
                "{\"kind\":\"EMPLOYMENT\",\"description\":\"介绍到县城扶贫车间务工\",\"amount\":1200}"))
        .hasStatusOk();
    assertThat(
            post(
                caseId,
                "measures",
                CADRE,
                "{\"kind\":\"PUBLIC_WELFARE_JOB\",\"description\":\"安排护林员公益岗位\"}"))
        .hasStatusOk();

    try (TestAlerts.TopicReader reader = householdEvents()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(assistance(eventsOf(reader, household)))
                      .extracting(EventData.AssistanceRecorded::measure)
                      .containsExactly(
                          AssistanceMeasure.EMPLOYMENT, AssistanceMeasure.PUBLIC_WELFARE_JOB));
      List<HouseholdEvent> measures =
          eventsOf(reader, household).stream()
              .filter(e -> e.type() == EventType.ASSISTANCE_RECORDED)
              .toList();
      assertThat(measures).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.CADRE));
      assertThat(measures).extracting(HouseholdEvent::eventId).doesNotHaveDuplicates();
      assertThat(assistance(measures))
          .extracting(
              a -> a.amount() == null ? null : a.amount().stripTrailingZeros().toPlainString())
          .containsExactly("1200", null);
      assertThat(mvc.get().uri("/actuator/prometheus"))
          .bodyText()
          .contains("shouwang_household_events_published_total");
    }
  }

  @Test
  void aDismissedCaseAndAnAuditFindingAreNoHomeVisit() {
    String dismissed = TestAlerts.household();
    UUID caseId = acknowledgedCase(dismissed);
    assertThat(post(caseId, "verify", CADRE, "{\"confirmed\":false,\"reason\":\"费用已由商业保险报销\"}"))
        .hasStatusOk();
    String audited = TestAlerts.household();
    alerts.send(TestAlerts.alert(audited, Rule.DUPLICATE_PAYMENT, Severity.HIGH, CADRE));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(audited) == 1);
    UUID finding = caseOf(audited);
    assertThat(post(finding, "acknowledge", "auditor", "{}")).hasStatusOk();
    assertThat(post(finding, "verify", "auditor", "{\"confirmed\":true,\"reason\":\"重复发放属实\"}"))
        .hasStatusOk();
    // a later home visit of a third household: once it is relayed, the two above would be too
    String visited = TestAlerts.household();
    UUID visitedCase = acknowledgedCase(visited);
    assertThat(post(visitedCase, "verify", CADRE, "{\"confirmed\":true,\"reason\":\"属实\"}"))
        .hasStatusOk();

    try (TestAlerts.TopicReader reader = householdEvents()) {
      awaitEvents(reader, visited, EventType.IDENTIFICATION_STEP);
      assertThat(eventsOf(reader, dismissed)).isEmpty();
      assertThat(eventsOf(reader, audited)).isEmpty();
    }
  }

  @Test
  void aRolledBackChangePublishesNothingAndABrokenEventIsRefused() {
    String household = TestAlerts.household();
    String eventId = UUID.randomUUID().toString();
    tx.executeWithoutResult(
        status -> {
          householdOutbox.append(
              HouseholdEvent.of(
                  eventId,
                  household,
                  OffsetDateTime.now(),
                  Source.CADRE,
                  null,
                  new EventData.AssistanceRecorded(AssistanceMeasure.HOUSING, null)));
          status.setRollbackOnly();
        });
    assertThat(
            jdbc.sql("select count(*) from case_event_outbox where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single())
        .isZero();

    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status ->
                        householdOutbox.append(
                            HouseholdEvent.of(
                                UUID.randomUUID().toString(),
                                "not a household id!",
                                OffsetDateTime.now(),
                                Source.CADRE,
                                null,
                                new EventData.AssistanceRecorded(
                                    AssistanceMeasure.HOUSING, null)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a household id!")
        .hasMessageContaining("householdId");

    // a later event of the same household is relayed; the rolled-back one never is
    String later = UUID.randomUUID().toString();
    tx.executeWithoutResult(
        status ->
            householdOutbox.append(
                HouseholdEvent.of(
                    later,
                    household,
                    OffsetDateTime.now(),
                    Source.CADRE,
                    null,
                    new EventData.AssistanceRecorded(AssistanceMeasure.WATER, null))));
    try (TestAlerts.TopicReader reader = householdEvents()) {
      awaitEvents(reader, household, EventType.ASSISTANCE_RECORDED);
      assertThat(eventsOf(reader, household))
          .extracting(HouseholdEvent::eventId)
          .containsExactly(later);
    }
  }

  private UUID acknowledgedCase(String household) {
    alerts.send(TestAlerts.alert(household, Rule.MEDICAL_BURDEN, Severity.HIGH, CADRE));
    await().atMost(Duration.ofSeconds(30)).until(() -> countCases(household) == 1);
    UUID caseId = caseOf(household);
    assertThat(post(caseId, "acknowledge", CADRE, "{\"note\":\"已电话联系户主\"}")).hasStatusOk();
    return caseId;
  }

  private TestAlerts.TopicReader householdEvents() {
    return new TestAlerts.TopicReader(topics.name(Topics.HOUSEHOLD_EVENTS));
  }

  /** Waits until the household has an event of the type, then returns all of its events. */
  private static List<HouseholdEvent> awaitEvents(
      TestAlerts.TopicReader reader, String household, EventType type) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(eventsOf(reader, household))
                    .extracting(HouseholdEvent::type)
                    .contains(type));
    return eventsOf(reader, household);
  }

  /** The household's events on the topic, each read (and so checked) by the contract's reader. */
  private static List<HouseholdEvent> eventsOf(TestAlerts.TopicReader reader, String household) {
    ContractReader contract = new ContractReader();
    return reader.records().stream()
        .filter(r -> household.equals(r.key()))
        .map(ConsumerRecord::value)
        .map(contract::readHouseholdEvent)
        .peek(v -> assertThat(v.violations()).as("contract violations").isEmpty())
        .map(Validated::value)
        .toList();
  }

  private static List<EventData.AssistanceRecorded> assistance(List<HouseholdEvent> events) {
    return events.stream()
        .filter(e -> e.type() == EventType.ASSISTANCE_RECORDED)
        .map(e -> e.dataAs(EventData.AssistanceRecorded.class))
        .toList();
  }
}
