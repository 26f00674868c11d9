package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.ingest.intake.RecordKind;

class ColumnNamesTests {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  void everyColumnOfTheLayoutHasAChineseTitle() {
    for (RecordKind kind : RecordKind.values()) {
      List<String> layout = new ArrayList<>(CsvLayout.recordColumns(kind, CHINA).keySet());
      if (kind == RecordKind.HOUSEHOLD_EVENT) {
        CsvLayout.dataFields(CHINA).keySet().forEach(f -> layout.add(CsvLayout.DATA_PREFIX + f));
      }
      assertThat(ColumnNames.keys(kind)).as(kind.tag()).containsExactlyInAnyOrderElementsOf(layout);
    }
  }

  @Test
  void readsTitlesWithARequiredMarkOrAUnitInBrackets() {
    assertThat(ColumnNames.normalize(" 户编号* ")).isEqualTo("户编号");
    assertThat(ColumnNames.normalize("人均纯收入（元）")).isEqualTo("人均纯收入");
    assertThat(ColumnNames.normalize("amount (yuan)")).isEqualTo("amount");
    assertThat(ColumnNames.byTitle(RecordKind.HOUSEHOLD_EVENT))
        .containsEntry("户编号", "householdId")
        .containsEntry("人均纯收入", "data.netIncomePerCapita")
        .containsEntry("事件类型", "type")
        .containsEntry("发生时间", "occurredAt");
    assertThat(ColumnNames.byTitle(RecordKind.SUBSIDY_PAYMENT)).containsEntry("金额", "amount");
  }

  @Test
  void mapsAChineseHeaderAndChineseValuesToTheContractsRecord() {
    CsvLayout layout =
        CsvLayout.of(
            RecordKind.HOUSEHOLD_EVENT,
            List.of("事件编号", "户编号*", "事件类型", "发生时间", "信息来源", "核定年度", "人均纯收入（元）"),
            CHINA);
    var candidate =
        layout.map(
            new CsvParser.Row(
                2,
                List.of("e-1", "430421-105-00123", "收入核定", "2026/3/2", "干部走访", "2026", "6,800元")));
    assertThat(candidate.conversionViolations()).isEmpty();
    assertThat(candidate.node().get("type").stringValue()).isEqualTo("INCOME_ASSESSED");
    assertThat(candidate.node().get("source").stringValue()).isEqualTo("CADRE_VISIT");
    assertThat(candidate.node().get("data").get("netIncomePerCapita").decimalValue())
        .isEqualByComparingTo("6800");
    assertThat(layout.written("data.netIncomePerCapita")).isEqualTo("人均纯收入（元）");
  }

  @Test
  void refusesTwoTitlesOfTheSameColumnNamingBoth() {
    try {
      CsvLayout.of(
          RecordKind.SUBSIDY_PAYMENT,
          List.of("发放编号", "户编号", "补助项目", "所属期", "金额", "发放金额", "发放时间"),
          CHINA);
      throw new AssertionError("accepted a repeated column");
    } catch (CsvLayout.BadHeader e) {
      assertThat(e.chinese()).contains("「金额」和「发放金额」");
    }
  }
}
