package org.shouwang.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shouwang.console.ConsoleProperties;
import org.shouwang.events.CaseAction;
import org.shouwang.events.CaseState;
import org.shouwang.events.EventType;
import org.shouwang.events.Severity;

class NamesTests {

  final Names names =
      new Names(new ConsoleProperties(null, null, null, null, 0, null, null, null, null));

  @Test
  void everyStateSeverityActionAndEventTypeHasAChineseName() {
    for (CaseState state : CaseState.values()) {
      assertThat(names.state(state)).as(state.name()).isNotBlank().doesNotContainPattern("[A-Z]");
    }
    for (Severity severity : Severity.values()) {
      assertThat(names.severity(severity)).as(severity.name()).isNotBlank();
    }
    for (CaseAction action : CaseAction.values()) {
      assertThat(names.action(action)).as(action.name()).isNotBlank();
    }
    for (EventType type : EventType.values()) {
      assertThat(names.kind("HOUSEHOLD_EVENT:" + type))
          .as(type.name())
          .startsWith("农户事件：")
          .doesNotContain(type.name());
    }
  }

  @Test
  void auditKindsReadAsFamilyAndCode() {
    assertThat(names.kind("ALERT:MEDICAL_BURDEN")).isEqualTo("预警：医疗支出负担重");
    assertThat(names.kind("CASE:ACKNOWLEDGED")).isEqualTo("案件：签收");
    assertThat(names.kind("SUBSIDY_PAYMENT:MINIMUM_LIVING_ALLOWANCE")).isEqualTo("补贴发放：低保");
    assertThat(names.kind("HOUSEHOLD_EVENT:UNKNOWN")).isEqualTo("农户事件：未知类型");
    assertThat(names.kind("DEAD_LETTER:household.events")).isEqualTo("无法处理的消息：household.events");
  }

  @Test
  void actorsThatAreCodesReadInChinese() {
    assertThat(names.actor("system")).isEqualTo("系统");
    assertThat(names.actor("CADRE_VISIT")).isEqualTo("干部走访");
    assertThat(names.actor("MEDICAL_INSURANCE")).isEqualTo("医保局");
    assertThat(names.actor("cadre-0001")).isEqualTo("cadre-0001");
  }

  @Test
  void timesAreShownInChinaTime() {
    assertThat(names.time(OffsetDateTime.parse("2026-03-01T16:30:00Z")))
        .isEqualTo("2026-03-02 00:30");
    assertThat(names.time("2026-03-01T16:30:00.123456Z")).isEqualTo("2026-03-02 00:30");
  }
}
