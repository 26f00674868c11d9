package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractReader;
import org.shouwang.events.EventData.MedicalExpense;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.SubsidyPayment;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import org.shouwang.ingest.intake.Candidate;
import org.shouwang.ingest.intake.RecordKind;

class CsvLayoutTests {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final List<String> EVENT_HEADER =
      List.of(
          "eventId",
          "householdId",
          "type",
          "occurredAt",
          "source",
          "department",
          "data.memberId",
          "data.outOfPocket",
          "data.inpatient",
          "data.grade");
  private static final List<String> PAYMENT_HEADER =
      List.of("paymentId", "householdId", "programme", "period", "amount", "paidAt", "payer");

  private final ContractReader reader = new ContractReader();

  private static Candidate row(RecordKind kind, List<String> header, String... cells) {
    return CsvLayout.of(kind, header, CHINA).map(new CsvParser.Row(7, List.of(cells)));
  }

  @Test
  void turnsAnEventRowIntoTheContractsJsonWithTypedDataFields() {
    Candidate candidate =
        row(
            RecordKind.HOUSEHOLD_EVENT,
            EVENT_HEADER,
            "e-1",
            "430421-105-00123",
            "MEDICAL_EXPENSE",
            "2026-03-02T09:30:00+08:00",
            "DEPARTMENT",
            "MEDICAL_INSURANCE",
            "m2",
            "8500.00",
            "true",
            "");

    assertThat(candidate.row()).isEqualTo(7);
    assertThat(candidate.conversionViolations()).isEmpty();
    HouseholdEvent event = reader.householdEvent(candidate.node()).orElseThrow();
    assertThat(event.dataAs(MedicalExpense.class))
        .isEqualTo(new MedicalExpense("m2", new BigDecimal("8500.00"), true));
  }

  @Test
  void readsWhatClerksWriteForMoneyBooleansCodesAndTimes() {
    Candidate candidate =
        row(
            RecordKind.HOUSEHOLD_EVENT,
            EVENT_HEADER,
            "e-2",
            "430421-105-00123",
            "medical_expense",
            "2026/3/2 9:30",
            "department",
            "医保局",
            "m2",
            "¥8,500.50元",
            "是",
            "");

    HouseholdEvent event = reader.householdEvent(candidate.node()).orElseThrow();
    assertThat(event.occurredAt()).hasToString("2026-03-02T09:30+08:00");
    assertThat(event.department()).hasToString("MEDICAL_INSURANCE");
    assertThat(event.dataAs(MedicalExpense.class).outOfPocket()).isEqualByComparingTo("8500.50");
    assertThat(event.dataAs(MedicalExpense.class).inpatient()).isTrue();
  }

  @Test
  void typesADataColumnByTheRowsEventType() {
    List<String> header =
        List.of("eventId", "householdId", "type", "occurredAt", "source", "data.grade");
    Candidate housing =
        row(
            RecordKind.HOUSEHOLD_EVENT,
            header,
            "e",
            "h-1",
            "HOUSING_ASSESSED",
            "2026-03-02",
            "SYSTEM",
            "c");
    Candidate disability =
        row(
            RecordKind.HOUSEHOLD_EVENT,
            header,
            "e",
            "h-1",
            "DISABILITY_CERTIFIED",
            "2026-03-02",
            "SYSTEM",
            "2");

    assertThat(housing.node().get("data").get("grade").stringValue()).isEqualTo("C");
    assertThat(disability.node().get("data").get("grade").isIntegralNumber()).isTrue();
  }

  @Test
  void namesTheFieldAndReasonOfACellThatIsNotANumber() {
    Candidate candidate =
        row(
            RecordKind.HOUSEHOLD_EVENT,
            EVENT_HEADER,
            "e-3",
            "430421-105-00123",
            "MEDICAL_EXPENSE",
            "2026-03-02 09:30",
            "DEPARTMENT",
            "MEDICAL_INSURANCE",
            "m2",
            "八千五",
            "maybe",
            "");

    assertThat(candidate.conversionViolations())
        .extracting(Violation::field, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("data.outOfPocket", ViolationCode.WRONG_TYPE),
            org.assertj.core.groups.Tuple.tuple("data.inpatient", ViolationCode.WRONG_TYPE));
    assertThat(candidate.conversionViolations().get(0).reason()).contains("八千五");
  }

  @Test
  void reportsATimeItCannotRead() {
    Candidate candidate =
        row(
            RecordKind.SUBSIDY_PAYMENT,
            PAYMENT_HEADER,
            "p",
            "h-1",
            "低保",
            "2026-03",
            "720",
            "三月十日",
            "");
    assertThat(candidate.conversionViolations())
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("paidAt"))
        .satisfies(v -> assertThat(v.code()).isEqualTo(ViolationCode.BAD_FORMAT));
  }

  @Test
  void readsAPaymentRowWithAChineseProgrammeNameAndASpreadsheetPeriod() {
    Candidate candidate =
        row(
            RecordKind.SUBSIDY_PAYMENT,
            PAYMENT_HEADER,
            "p-1",
            "430421-105-00123",
            "低保",
            "2026/3",
            "720.00",
            "2026-03-10 10:00",
            "衡阳县民政局");

    SubsidyPayment payment = reader.subsidyPayment(candidate.node()).orElseThrow();
    assertThat(payment.programme()).hasToString("MINIMUM_LIVING_ALLOWANCE");
    assertThat(payment.period()).isEqualTo("2026-03");
    assertThat(payment.payer()).isEqualTo("衡阳县民政局");
  }

  @Test
  void leavesEmptyCellsOutSoTheContractCallsThemRequired() {
    Candidate candidate =
        row(
            RecordKind.SUBSIDY_PAYMENT,
            PAYMENT_HEADER,
            "p-2",
            "",
            "低保",
            "2026-03",
            "720",
            "2026-03-10",
            "");
    assertThat(candidate.node().has("householdId")).isFalse();
    assertThat(reader.subsidyPayment(candidate.node()).violations())
        .extracting(Violation::field)
        .containsExactly("householdId");
  }

  @Test
  void reportsCellsBeyondTheHeader() {
    Candidate candidate =
        row(
            RecordKind.SUBSIDY_PAYMENT,
            PAYMENT_HEADER,
            "p",
            "h",
            "低保",
            "2026-03",
            "7",
            "20",
            "2026-03-10",
            "x",
            "y");
    assertThat(candidate.conversionViolations())
        .extracting(Violation::reason)
        .anySatisfy(r -> assertThat(r).contains("double quotes"));
  }

  @Test
  void refusesAHeaderWithoutARequiredColumn() {
    assertThatThrownBy(
            () ->
                CsvLayout.of(
                    RecordKind.SUBSIDY_PAYMENT, List.of("paymentId", "householdId"), CHINA))
        .isInstanceOf(CsvLayout.BadHeader.class)
        .hasMessageContaining("programme, period, amount, paidAt");
  }

  @Test
  void refusesAnUnknownOrMisspelledColumn() {
    List<String> header = new java.util.ArrayList<>(EVENT_HEADER);
    header.add("data.outOfPoket");
    assertThatThrownBy(() -> CsvLayout.of(RecordKind.HOUSEHOLD_EVENT, header, CHINA))
        .isInstanceOf(CsvLayout.BadHeader.class)
        .hasMessageContaining("data.outOfPoket");
  }

  @Test
  void refusesARepeatedColumn() {
    List<String> header = new java.util.ArrayList<>(PAYMENT_HEADER);
    header.add("Amount");
    assertThatThrownBy(() -> CsvLayout.of(RecordKind.SUBSIDY_PAYMENT, header, CHINA))
        .isInstanceOf(CsvLayout.BadHeader.class)
        .hasMessageContaining("twice");
  }
}
