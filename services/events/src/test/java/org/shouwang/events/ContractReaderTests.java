package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContractReaderTests {

  /** The hand-written format checks say exactly what the contract's patterns say. */
  @Test
  void theFormatChecksAgreeWithTheirPatterns() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    String alphabet = "09aZz-_ 1:xé一";
    int householdIds = 0;
    int periods = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(5) == 0 ? random.nextInt(70) : random.nextInt(9);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      boolean householdId = ContractReader.HOUSEHOLD_ID.matcher(text).matches();
      assertThat(ContractReader.isHouseholdId(text))
          .as("householdId '%s'", text)
          .isEqualTo(householdId);
      householdIds += householdId ? 1 : 0;
    }
    for (int year = 0; year < 10_000; year += 997) {
      for (String suffix :
          new String[] {
            "", "-", "-0", "-00", "-01", "-09", "-10", "-12", "-13", "-19", "-20", "-1a", "-a1",
            "-001", "x01", "-1", "-99"
          }) {
        for (String text :
            new String[] {
              String.format("%04d", year) + suffix,
              String.valueOf(year) + suffix,
              "a" + String.format("%03d", year % 1000) + suffix
            }) {
          boolean period = ContractReader.PERIOD.matcher(text).matches();
          assertThat(ContractReader.isPeriod(text)).as("period '%s'", text).isEqualTo(period);
          periods += period ? 1 : 0;
        }
      }
    }
    // both sides of each check were seen
    assertThat(householdIds).isGreaterThan(1000);
    assertThat(periods).isGreaterThan(50);
  }

  /** 2026-03-02T01:30:00Z is 09:30 in Beijing, the samples' occurredAt. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);

  private final ContractReader reader = new ContractReader(CLOCK);

  private Validated<HouseholdEvent> event(String json) {
    return reader.readHouseholdEvent(json.getBytes(StandardCharsets.UTF_8));
  }

  private Validated<SubsidyPayment> payment(String json) {
    return reader.readSubsidyPayment(json.getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  class ValidEvents {

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void readsEveryEventTypeWithItsData(EventType type) {
      Validated<HouseholdEvent> result = event(Samples.event(type));

      assertThat(result.violations()).isEmpty();
      HouseholdEvent event = result.value();
      assertThat(event.type()).isEqualTo(type);
      assertThat(event.data()).isInstanceOf(type.dataType());
      assertThat(event.householdId()).isEqualTo(Samples.HOUSEHOLD);
      assertThat(event.department()).isEqualTo(Department.MEDICAL_INSURANCE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void writesWhatItReadsBackToTheSameRecord(EventType type) {
      HouseholdEvent event = event(Samples.event(type)).orElseThrow();

      byte[] json = ContractSerdes.toJson(event);

      assertThat(reader.readHouseholdEvent(json).orElseThrow()).isEqualTo(event);
    }

    @Test
    void keepsTheOffsetOfOccurredAt() {
      HouseholdEvent event = event(Samples.event(EventType.HOUSING_ASSESSED)).orElseThrow();

      assertThat(event.occurredAt()).isEqualTo(OffsetDateTime.parse(Samples.NOW));
      assertThat(new String(ContractSerdes.toJson(event), StandardCharsets.UTF_8))
          .contains("\"occurredAt\":\"2026-03-02T09:30:00+08:00\"");
    }

    @Test
    void keepsMoneyExactAndPlain() {
      HouseholdEvent event = event(Samples.event(EventType.MEDICAL_EXPENSE)).orElseThrow();

      EventData.MedicalExpense data = event.dataAs(EventData.MedicalExpense.class);
      assertThat(data.outOfPocket()).isEqualByComparingTo(new BigDecimal("8500.00"));
      assertThat(new String(ContractSerdes.toJson(event), StandardCharsets.UTF_8))
          .contains("\"outOfPocket\":8500.00");
    }

    @Test
    void leavesOptionalFieldsAbsent() {
      String json =
          Samples.event(EventType.WATER_ASSESSED, "{\"safe\":false}")
              .replace(
                  "\"source\":\"DEPARTMENT\",\"department\":\"MEDICAL_INSURANCE\"",
                  "\"source\":\"CADRE_VISIT\"");

      HouseholdEvent event = event(json).orElseThrow();

      assertThat(event.department()).isNull();
      assertThat(event.dataAs(EventData.WaterAssessed.class).interruptionDays()).isNull();
      assertThat(new String(ContractSerdes.toJson(event), StandardCharsets.UTF_8))
          .doesNotContain("department")
          .doesNotContain("interruptionDays");
    }

    @Test
    void acceptsATimeWithinTheClockSkewTolerance() {
      String json =
          Samples.event(EventType.HOUSING_ASSESSED)
              .replace(Samples.NOW, "2026-03-02T09:34:59+08:00");

      assertThat(event(json).isValid()).isTrue();
    }

    @Test
    void ignoresFieldsTheContractDoesNotName() {
      String json = Samples.event(EventType.HOUSING_ASSESSED, "{\"grade\":\"A\",\"note\":\"新房\"}");

      assertThat(event(json).isValid()).isTrue();
    }

    @Test
    void readsAPayment() {
      SubsidyPayment payment = payment(Samples.payment()).orElseThrow();

      assertThat(payment.programme()).isEqualTo(Programme.MINIMUM_LIVING_ALLOWANCE);
      assertThat(payment.amount()).isEqualByComparingTo("720.00");
      assertThat(payment.payer()).isEqualTo("衡阳县民政局");
      assertThat(payment.monthlyPeriod()).isTrue();
      assertThat(reader.readSubsidyPayment(ContractSerdes.toJson(payment)).orElseThrow())
          .isEqualTo(payment);
    }

    @Test
    void readsAYearlyPeriod() {
      SubsidyPayment payment =
          payment(Samples.payment().replace("2026-03\"", "2026\"")).orElseThrow();

      assertThat(payment.period()).isEqualTo("2026");
      assertThat(payment.monthlyPeriod()).isFalse();
    }
  }

  @Nested
  class InvalidEvents {

    @Test
    void rejectsMalformedJson() {
      Validated<HouseholdEvent> result = event("{\"eventId\": ");

      assertThat(result.isValid()).isFalse();
      assertThat(result.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.code()).isEqualTo(ViolationCode.MALFORMED_JSON);
                assertThat(v.field()).isEmpty();
              });
    }

    @Test
    void rejectsAnEmptyBody() {
      assertThat(event("").violations())
          .extracting(Violation::code)
          .containsExactly(ViolationCode.MALFORMED_JSON);
    }

    @Test
    void rejectsSomethingThatIsNotAnObject() {
      assertThat(event("[1,2]").violations())
          .extracting(Violation::code)
          .containsExactly(ViolationCode.NOT_AN_OBJECT);
    }

    @Test
    void listsEveryMissingTopLevelFieldAtOnce() {
      Validated<HouseholdEvent> result = event("{}");

      assertThat(result.violations())
          .extracting(Violation::field, Violation::code)
          .containsExactlyInAnyOrder(
              tuple("eventId", ViolationCode.REQUIRED),
              tuple("householdId", ViolationCode.REQUIRED),
              tuple("type", ViolationCode.REQUIRED),
              tuple("occurredAt", ViolationCode.REQUIRED),
              tuple("source", ViolationCode.REQUIRED),
              tuple("data", ViolationCode.REQUIRED));
    }

    @Test
    void namesAnUnknownTypeAndTheAllowedOnesAreNotListedWhenThereAreMany() {
      Validated<HouseholdEvent> result =
          event(
              Samples.event(EventType.HOUSING_ASSESSED).replace("HOUSING_ASSESSED", "HOUSE_SOLD"));

      assertThat(result.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("type");
                assertThat(v.code()).isEqualTo(ViolationCode.UNKNOWN_CODE);
                assertThat(v.reason()).contains("HOUSE_SOLD");
              });
    }

    @Test
    void explainsThatCodesAreUpperCase() {
      Validated<HouseholdEvent> result =
          event(Samples.event(EventType.HOUSING_ASSESSED, "{\"grade\":\"c\"}"));

      assertThat(result.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("data.grade");
                assertThat(v.reason()).contains("upper-case").contains("A, B, C, D");
              });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shouwang.events.ContractReaderTests#badHouseholdIds")
    void rejectsABadHouseholdId(String description, String householdId) {
      String json =
          Samples.event(EventType.HOUSING_ASSESSED)
              .replace("\"" + Samples.HOUSEHOLD + "\"", householdId);

      assertThat(event(json).violations())
          .extracting(Violation::field)
          .containsExactly("householdId");
    }

    @Test
    void rejectsAnOccurredAtMoreThanFiveMinutesAhead() {
      String json =
          Samples.event(EventType.HOUSING_ASSESSED)
              .replace(Samples.NOW, "2026-03-02T09:35:01+08:00");

      assertThat(event(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple("occurredAt", ViolationCode.IN_FUTURE));
    }

    @Test
    void rejectsATimeWithoutOffset() {
      String json =
          Samples.event(EventType.HOUSING_ASSESSED).replace(Samples.NOW, "2026-03-02T09:30:00");

      assertThat(event(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple("occurredAt", ViolationCode.BAD_FORMAT));
    }

    @Test
    void requiresTheDepartmentWhenTheSourceIsADepartment() {
      String json =
          Samples.event(EventType.HOUSING_ASSESSED)
              .replace(",\"department\":\"MEDICAL_INSURANCE\"", "");

      assertThat(event(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple("department", ViolationCode.REQUIRED));
    }

    @Test
    void rejectsAnUnknownDepartmentAndSource() {
      String json =
          Samples.event(EventType.HOUSING_ASSESSED)
              .replace("\"MEDICAL_INSURANCE\"", "\"TAX\"")
              .replace("\"DEPARTMENT\"", "\"RUMOUR\"");

      assertThat(event(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactlyInAnyOrder(
              tuple("department", ViolationCode.UNKNOWN_CODE),
              tuple("source", ViolationCode.UNKNOWN_CODE));
    }

    @Test
    void rejectsDataThatIsNotAnObject() {
      assertThat(event(Samples.event(EventType.HOUSING_ASSESSED, "\"C\"")).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple("data", ViolationCode.WRONG_TYPE));
    }

    @Test
    void listsTopLevelAndDataViolationsTogether() {
      String json =
          Samples.event(EventType.MEDICAL_EXPENSE, "{\"outOfPocket\":-5,\"inpatient\":\"yes\"}")
              .replace("5b0e3f0c-7a55-4f0a-9f7e-3c1f1c0d9a01", " ");

      assertThat(event(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactlyInAnyOrder(
              tuple("eventId", ViolationCode.REQUIRED),
              tuple("data.memberId", ViolationCode.REQUIRED),
              tuple("data.outOfPocket", ViolationCode.OUT_OF_RANGE),
              tuple("data.inpatient", ViolationCode.WRONG_TYPE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("org.shouwang.events.ContractReaderTests#badData")
    void rejectsBadData(EventType type, String data, String field, ViolationCode code) {
      assertThat(event(Samples.event(type, data)).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple(field, code));
    }

    @ParameterizedTest(name = "{0} without data.{1}")
    @MethodSource("org.shouwang.events.ContractReaderTests#requiredDataFields")
    void requiresEveryRequiredDataField(EventType type, String field) {
      String data =
          Samples.DATA.get(type).replaceAll("\"" + field + "\"\\s*:", "\"_" + field + "\":");

      assertThat(event(Samples.event(type, data)).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple("data." + field, ViolationCode.REQUIRED));
    }
  }

  @Nested
  class InvalidPayments {

    @Test
    void listsEveryViolationOfAPayment() {
      String json =
          """
          {"paymentId":"p1","householdId":"430421 105","programme":"LOW_BAO","period":"2026-13",
           "amount":0,"paidAt":"yesterday","payer":7}""";

      assertThat(payment(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactlyInAnyOrder(
              tuple("householdId", ViolationCode.BAD_FORMAT),
              tuple("programme", ViolationCode.UNKNOWN_CODE),
              tuple("period", ViolationCode.BAD_FORMAT),
              tuple("amount", ViolationCode.OUT_OF_RANGE),
              tuple("paidAt", ViolationCode.BAD_FORMAT),
              tuple("payer", ViolationCode.WRONG_TYPE));
    }

    @Test
    void rejectsANegativeAmountWithTooManyDecimals() {
      String json = Samples.payment().replace("720.00", "-720.005");

      assertThat(payment(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactlyInAnyOrder(
              tuple("amount", ViolationCode.TOO_MANY_DECIMALS),
              tuple("amount", ViolationCode.OUT_OF_RANGE));
    }

    @Test
    void rejectsAPaymentInTheFuture() {
      String json = Samples.payment().replace("2026-03-02T09:00:00+08:00", "2027-01-01T00:00:00Z");

      assertThat(payment(json).violations())
          .extracting(Violation::field, Violation::code)
          .containsExactly(tuple("paidAt", ViolationCode.IN_FUTURE));
    }

    @Test
    void requiresEveryFieldButThePayer() {
      assertThat(payment("{\"payer\":\"衡阳县民政局\"}").violations())
          .extracting(Violation::field)
          .containsExactlyInAnyOrder(
              "paymentId", "householdId", "programme", "period", "amount", "paidAt");
    }
  }

  @Test
  void readsAnAlertItWrote() {
    Alert alert =
        new Alert(
            "a-1",
            Samples.HOUSEHOLD,
            Rule.MEDICAL_BURDEN,
            1,
            null,
            Severity.HIGH,
            null,
            OffsetDateTime.parse(Samples.NOW),
            java.util.List.of("e-1"),
            "近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元",
            "430421105",
            "430421105201",
            "c-0042");

    Alert read = reader.readAlert(ContractSerdes.toJson(alert)).orElseThrow();

    assertThat(read).isEqualTo(alert);
    assertThat(read.audience()).isEqualTo(Audience.CADRE);
    assertThat(read.riskType()).isEqualTo(RiskType.ILLNESS);
  }

  @Test
  void refusesAnAlertWhoseAudienceContradictsItsRule() {
    String json =
        new String(
                ContractSerdes.toJson(
                    new Alert(
                        "a-2",
                        "h",
                        Rule.DUPLICATE_PAYMENT,
                        1,
                        null,
                        Severity.HIGH,
                        null,
                        OffsetDateTime.parse(Samples.NOW),
                        null,
                        "重复发放",
                        null,
                        null,
                        null)),
                StandardCharsets.UTF_8)
            .replace("\"AUDITOR\"", "\"CADRE\"");

    assertThat(reader.readAlert(json.getBytes(StandardCharsets.UTF_8)).isValid()).isFalse();
  }

  static Stream<Arguments> badHouseholdIds() {
    return Stream.of(
        Arguments.of("empty", "\"\""),
        Arguments.of("a space", "\"430421 105\""),
        Arguments.of("Chinese", "\"衡阳-1\""),
        Arguments.of("65 characters", "\"" + "1".repeat(65) + "\""),
        Arguments.of("a number", "430421"));
  }

  static Stream<Arguments> badData() {
    return Stream.of(
        Arguments.of(
            EventType.HOUSEHOLD_REGISTERED,
            Samples.DATA
                .get(EventType.HOUSEHOLD_REGISTERED)
                .replace("\"members\":4", "\"members\":0"),
            "data.members",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.HOUSEHOLD_REGISTERED,
            Samples.DATA
                .get(EventType.HOUSEHOLD_REGISTERED)
                .replace("\"labourers\":2", "\"labourers\":5"),
            "data.labourers",
            ViolationCode.INCONSISTENT),
        Arguments.of(
            EventType.HOUSEHOLD_REGISTERED,
            Samples.DATA.get(EventType.HOUSEHOLD_REGISTERED).replace("UNSTABLE_LIFTED", "POOR"),
            "data.monitoringCategory",
            ViolationCode.UNKNOWN_CODE),
        Arguments.of(
            EventType.HOUSEHOLD_STATUS_CHANGED,
            "{\"status\":\"GONE\"}",
            "data.status",
            ViolationCode.UNKNOWN_CODE),
        Arguments.of(
            EventType.MEMBERS_CHANGED,
            "{\"members\":2,\"labourers\":-1,\"reason\":\"BIRTH\"}",
            "data.labourers",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.MEMBERS_CHANGED,
            "{\"members\":2.5,\"labourers\":1,\"reason\":\"BIRTH\"}",
            "data.members",
            ViolationCode.WRONG_TYPE),
        Arguments.of(
            EventType.CADRE_ASSIGNED, "{\"cadreId\":42}", "data.cadreId", ViolationCode.WRONG_TYPE),
        Arguments.of(
            EventType.MONITORING_STATUS_CHANGED,
            "{\"status\":\"MONITORED\",\"category\":\"MARGINAL\",\"eliminationType\":\"NATURAL\"}",
            "data.eliminationType",
            ViolationCode.INCONSISTENT),
        Arguments.of(
            EventType.ASSISTANCE_RECORDED,
            "{\"measure\":\"CASH\"}",
            "data.measure",
            ViolationCode.UNKNOWN_CODE),
        Arguments.of(
            EventType.INCOME_ASSESSED,
            "{\"year\":1999,\"netIncomePerCapita\":7000}",
            "data.year",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.INCOME_ASSESSED,
            "{\"year\":2026,\"netIncomePerCapita\":\"7000\"}",
            "data.netIncomePerCapita",
            ViolationCode.WRONG_TYPE),
        Arguments.of(
            EventType.MEDICAL_EXPENSE,
            "{\"memberId\":\"m2\",\"outOfPocket\":8500.123,\"inpatient\":true}",
            "data.outOfPocket",
            ViolationCode.TOO_MANY_DECIMALS),
        Arguments.of(
            EventType.SCHOOLING_COST,
            "{\"memberId\":\"m3\",\"selfPaid\":-1}",
            "data.selfPaid",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.SCHOOL_ENROLMENT_CHANGED,
            "{\"memberId\":\"m4\",\"age\":-3,\"enrolled\":false}",
            "data.age",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.DISABILITY_CERTIFIED,
            "{\"memberId\":\"m1\",\"grade\":5}",
            "data.grade",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.EMPLOYMENT_CHANGED,
            "{\"memberId\":\"m1\",\"employed\":false,\"kind\":\"FARMING\"}",
            "data.kind",
            ViolationCode.UNKNOWN_CODE),
        Arguments.of(
            EventType.HOUSING_ASSESSED,
            "{\"grade\":\"E\"}",
            "data.grade",
            ViolationCode.UNKNOWN_CODE),
        Arguments.of(
            EventType.WATER_ASSESSED,
            "{\"safe\":true,\"interruptionDays\":400}",
            "data.interruptionDays",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.MEDICAL_INSURANCE_CHANGED,
            "{\"memberId\":\"m2\",\"insured\":0}",
            "data.insured",
            ViolationCode.WRONG_TYPE),
        Arguments.of(
            EventType.DISASTER_REPORTED,
            "{\"kind\":\"FLOOD\",\"loss\":-100}",
            "data.loss",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.ACCIDENT_REPORTED,
            "{\"memberId\":\"m1\",\"loss\":100,\"labourLost\":null}",
            "data.labourLost",
            ViolationCode.REQUIRED),
        Arguments.of(
            EventType.BUSINESS_FAILED,
            "{\"loss\":1.001}",
            "data.loss",
            ViolationCode.TOO_MANY_DECIMALS),
        Arguments.of(
            EventType.ENTITLEMENT_CHANGED,
            "{\"programme\":\"MINIMUM_LIVING_ALLOWANCE\",\"granted\":true}",
            "data.monthlyAmount",
            ViolationCode.REQUIRED),
        Arguments.of(
            EventType.LOAN_STATUS_CHANGED,
            "{\"loanId\":\"L1\",\"principal\":50000,\"status\":\"OVERDUE\",\"daysOverdue\":0}",
            "data.daysOverdue",
            ViolationCode.INCONSISTENT),
        Arguments.of(
            EventType.LOAN_STATUS_CHANGED,
            "{\"loanId\":\"L1\",\"principal\":0,\"status\":\"CURRENT\",\"daysOverdue\":0}",
            "data.principal",
            ViolationCode.OUT_OF_RANGE),
        Arguments.of(
            EventType.SCHOOL_ENROLMENT_CHANGED,
            "{\"memberId\":\"m4\",\"age\":16,\"enrolled\":true,\"reason\":\"EDUCATION_COMPLETED\"}",
            "data.reason",
            ViolationCode.INCONSISTENT),
        Arguments.of(
            EventType.IDENTIFICATION_STEP,
            "{\"step\":\"COUNTY_DECISION\",\"admitted\":true}",
            "data.category",
            ViolationCode.REQUIRED),
        Arguments.of(
            EventType.IDENTIFICATION_STEP,
            "{\"step\":\"COUNTY_DECISION\",\"admitted\":false}",
            "data.reason",
            ViolationCode.REQUIRED),
        Arguments.of(
            EventType.IDENTIFICATION_STEP,
            "{\"step\":\"VILLAGE_REVIEW\",\"admitted\":true}",
            "data.admitted",
            ViolationCode.INCONSISTENT),
        Arguments.of(
            EventType.IDENTIFICATION_STEP,
            "{\"step\":\"PUBLICITY\"}",
            "data.step",
            ViolationCode.UNKNOWN_CODE),
        Arguments.of(
            EventType.ELIMINATION_STEP,
            "{\"step\":\"HOME_VISIT\"}",
            "data.step",
            ViolationCode.INCONSISTENT),
        Arguments.of(
            EventType.ELIMINATION_STEP,
            "{\"step\":\"COUNTY_DECISION\",\"approved\":false,\"eliminationType\":\"NATURAL\",\"reason\":\"收入不稳定\"}",
            "data.eliminationType",
            ViolationCode.INCONSISTENT));
  }

  @Test
  void readsAnEliminationDecisionGivenAsAdmittedAndDefaultsItsTypeToAssisted() {
    HouseholdEvent event =
        event(
                Samples.event(
                    EventType.ELIMINATION_STEP, "{\"step\":\"COUNTY_DECISION\",\"admitted\":true}"))
            .value();

    assertThat(event.data())
        .isEqualTo(
            new EventData.EliminationStep(
                ProcedureStep.COUNTY_DECISION, true, EliminationType.ASSISTED, null));
  }

  @Test
  void readsTheSourceCadreWithoutADepartment() {
    String json =
        Samples.event(EventType.SELF_DECLARED, "{}")
            .replace(
                "\"source\":\"DEPARTMENT\",\"department\":\"MEDICAL_INSURANCE\"",
                "\"source\":\"CADRE\"");

    HouseholdEvent event = event(json).value();

    assertThat(event.source()).isEqualTo(Source.CADRE);
    assertThat(event.data()).isEqualTo(new EventData.SelfDeclared(null, null));
  }

  static Stream<Arguments> requiredDataFields() {
    return Stream.of(
            "HOUSEHOLD_REGISTERED: townshipCode townshipName villageCode villageName members labourers formerlyPoor cadreId",
            "HOUSEHOLD_STATUS_CHANGED: status",
            "MEMBERS_CHANGED: members labourers reason",
            "CADRE_ASSIGNED: cadreId",
            "MONITORING_STATUS_CHANGED: status category",
            "ASSISTANCE_RECORDED: measure",
            "INCOME_ASSESSED: year netIncomePerCapita",
            "MEDICAL_EXPENSE: memberId outOfPocket inpatient",
            "SCHOOLING_COST: memberId selfPaid",
            "SCHOOL_ENROLMENT_CHANGED: memberId age enrolled",
            "DISABILITY_CERTIFIED: memberId grade",
            "EMPLOYMENT_CHANGED: memberId employed kind",
            "HOUSING_ASSESSED: grade",
            "WATER_ASSESSED: safe",
            "MEDICAL_INSURANCE_CHANGED: memberId insured",
            "DISASTER_REPORTED: kind loss",
            "ACCIDENT_REPORTED: memberId loss labourLost",
            "BUSINESS_FAILED: loss",
            "ENTITLEMENT_CHANGED: programme granted monthlyAmount",
            "LOAN_STATUS_CHANGED: loanId principal status daysOverdue",
            "IDENTIFICATION_STEP: step admitted category",
            "ELIMINATION_STEP: step approved")
        .flatMap(
            line -> {
              String[] parts = line.split(":\\s*");
              EventType type = EventType.valueOf(parts[0]);
              return Stream.of(parts[1].split(" ")).map(field -> Arguments.of(type, field));
            });
  }
}
