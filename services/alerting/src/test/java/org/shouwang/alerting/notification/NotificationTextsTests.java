package org.shouwang.alerting.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shouwang.events.Audience;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

class NotificationTextsTests {

  private static final UUID CASE = UUID.fromString("1a2b3c4d-0000-0000-0000-000000000000");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "430421-101-00123, 430421-101-***23",
    "430421-105-9, 430421-105-***",
    "HH1234567, HH1***67",
    "AB, ***",
  })
  void masksAllButTheEndOfAHouseholdId(String householdId, String masked) {
    assertThat(NotificationTexts.maskHousehold(householdId)).isEqualTo(masked);
  }

  @Test
  void tellsTheCadreWhatHappenedAndWhatToDoNext() {
    String text =
        NotificationTexts.alertItem(
            Audience.CADRE,
            "430421-101-00123",
            "430421101001",
            Rule.MEDICAL_BURDEN,
            Severity.HIGH,
            "近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元",
            Duration.ofHours(24),
            CASE);

    assertThat(text)
        .contains("430421-101-***23")
        .doesNotContain("00123")
        .contains("430421101001 村")
        .contains("医疗支出负担重")
        .contains("风险等级：高")
        .contains("8,500 元")
        .contains("请在24小时内入户核实并在系统中确认")
        .contains("1a2b3c4d");
  }

  @Test
  void asksTheAuditOfficeToCheckTheFunds() {
    String text =
        NotificationTexts.alertItem(
            Audience.AUDITOR,
            "430421-101-00123",
            null,
            Rule.DUPLICATE_PAYMENT,
            Severity.HIGH,
            "2026-03 低保重复发放 2 笔",
            Duration.ofDays(3),
            CASE);

    assertThat(text).contains("请在3天内核查该户补贴发放情况").contains("未登记");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "IDENTIFICATION_OVERDUE, CADRE, 请在3天内入户核实，尽快完成村级评议、公示、乡镇审核并报县级确认并在系统中确认",
    "SELF_DECLARATION_UNANSWERED, CADRE, 请在3天内入户核实农户的自主申报并在系统中确认",
    "RELAPSE_AFTER_ELIMINATION, CADRE, 请在3天内入户核实返贫风险，需要时重新识别纳入监测并在系统中确认",
    "PUBLICITY_TOO_SHORT, AUDITOR, 请在3天内核查该户识别纳入或风险消除的公示情况并在系统中确认",
    "PREMATURE_ELIMINATION, AUDITOR, 请在3天内核查该户风险消除是否符合条件并在系统中确认",
  })
  void asksForTheNextStepOfTheRulesAboutTheProcedure(Rule rule, Audience audience, String next) {
    String text =
        NotificationTexts.alertItem(
            audience,
            "430421-101-00123",
            "430421101001",
            rule,
            Severity.HIGH,
            "识别纳入程序已超过15天",
            Duration.ofDays(3),
            CASE);

    assertThat(text).contains(rule.title()).contains(next).doesNotContain("补贴发放");
  }

  @Test
  void groupsSeveralItemsIntoOneNumberedMessage() {
    String body = NotificationTexts.body(List.of("第一条", "第二条", "第三条"));

    assertThat(body).startsWith("您有3条待办事项：").contains("1. 第一条", "2. 第二条", "3. 第三条");
    assertThat(
            NotificationTexts.title(
                List.of(NotificationKind.ALERT, NotificationKind.ALERT, NotificationKind.ALERT)))
        .isEqualTo("守望预警：3条待办事项");
  }

  @Test
  void sendsASingleItemAsItIs() {
    assertThat(NotificationTexts.body(List.of("只有一条"))).isEqualTo("只有一条");
    assertThat(NotificationTexts.title(List.of(NotificationKind.ESCALATION))).isEqualTo("守望督办");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT24H, 24小时", "PT72H, 3天", "P15D, 15天", "PT36H, 36小时", "PT30M, 30分钟"})
  void saysDurationsAsPeopleDo(Duration duration, String said) {
    assertThat(NotificationTexts.duration(duration)).isEqualTo(said);
  }

  @Test
  void escalatesWithTheMissedDeadlineAndTheResponsibleCadre() {
    String text =
        NotificationTexts.escalationItem(
            "430421-101-00123",
            "430421101001",
            List.of(Rule.SCHOOL_DROPOUT),
            Severity.CRITICAL,
            false,
            OffsetDateTime.parse("2026-03-03T09:30:00+08:00"),
            "cadre-0001",
            CASE);

    assertThat(text)
        .startsWith("【督办】")
        .contains("2026-03-03 09:30")
        .contains("仍未确认")
        .contains("cadre-0001")
        .contains("义务教育阶段辍学");
  }

  @Test
  void linksToTheCaseInTheConsoleWithItsShortIdAsText() {
    String url = "http://localhost:8086/cases/" + CASE;

    assertThat(NotificationTexts.caseLinkLine(CASE, url)).isEqualTo("查看案件 1a2b3c4d：" + url);
    assertThat(NotificationTexts.caseLinkMarkdown(CASE, url))
        .isEqualTo("[查看案件 1a2b3c4d](http://localhost:8086/cases/" + CASE + ")");
  }

  @Test
  void buildsTheCaseUrlFromTheConsoleBaseUrlAndTheFullCaseId() {
    assertThat(new CaseLinks("http://localhost:8086").of(CASE))
        .isEqualTo("http://localhost:8086/cases/1a2b3c4d-0000-0000-0000-000000000000");
    assertThat(new CaseLinks("https://shouwang.example/console/").of(CASE))
        .isEqualTo("https://shouwang.example/console/cases/1a2b3c4d-0000-0000-0000-000000000000");
  }
}
