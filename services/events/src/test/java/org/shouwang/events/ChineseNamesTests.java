package org.shouwang.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every code people read has a Chinese name in its enum (pages, messages, legends show the name,
 * never the code), and the names of one code list tell its codes apart.
 */
class ChineseNamesTests {

  @Test
  void namesEveryCaseStateSeverityCaseActionEventTypeRuleAndRiskType() {
    assertNamed(CaseState.values(), CaseState::chineseName);
    assertNamed(Severity.values(), Severity::chineseName);
    assertNamed(CaseAction.values(), CaseAction::chineseName);
    assertNamed(EventType.values(), EventType::chineseName);
    assertNamed(Rule.values(), Rule::title);
    assertNamed(RiskType.values(), RiskType::chineseName);
  }

  @Test
  void namesTheCaseStatesAsCadresSayThem() {
    assertThat(CaseState.OPEN.chineseName()).isEqualTo("待签收");
    assertThat(Severity.CRITICAL.chineseName()).isEqualTo("紧急");
    assertThat(CaseAction.MEASURE_RECORDED.chineseName()).isEqualTo("录入帮扶措施");
  }

  private static <E extends Enum<E>> void assertNamed(E[] codes, Function<E, String> name) {
    List<String> names = Arrays.stream(codes).map(name).toList();
    assertThat(names)
        .as("names of %s", codes[0].getDeclaringClass().getSimpleName())
        .allSatisfy(n -> assertThat(n).containsPattern("\\p{IsHan}"))
        .doesNotHaveDuplicates();
  }
}
