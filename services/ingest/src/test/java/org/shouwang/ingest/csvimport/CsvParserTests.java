package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.ingest.csvimport.CsvParser.CsvSyntaxException;
import org.shouwang.ingest.csvimport.CsvParser.Row;

class CsvParserTests {

  @Test
  void splitsPlainCellsAtCommasAndRowsAtLineBreaks() {
    assertThat(CsvParser.parse("a,b,c\n1,2,3\n"))
        .containsExactly(new Row(1, List.of("a", "b", "c")), new Row(2, List.of("1", "2", "3")));
  }

  @Test
  void acceptsCrLfCrAndAMissingFinalLineBreak() {
    assertThat(CsvParser.parse("a,b\r\n1,2\r3,4"))
        .extracting(Row::cells)
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void keepsCommasLineBreaksAndDoubledQuotesInsideQuotedCells() {
    List<Row> rows = CsvParser.parse("name,note\n\"张三, 李四\",\"第一行\n第二行 \"\"引号\"\"\"\n");
    assertThat(rows.get(1).cells()).containsExactly("张三, 李四", "第一行\n第二行 \"引号\"");
  }

  @Test
  void numbersRowsAsASpreadsheetShowsThemEvenWithALineBreakInACell() {
    List<Row> rows = CsvParser.parse("h1,h2\n\"two\nlines\",x\nnext,y\n");
    assertThat(rows).extracting(Row::number).containsExactly(1, 2, 3);
    assertThat(rows.get(2).cells()).containsExactly("next", "y");
  }

  @Test
  void ignoresAByteOrderMark() {
    assertThat(CsvParser.parse("\uFEFFeventId,type\n1,X").get(0).cells())
        .containsExactly("eventId", "type");
  }

  @Test
  void keepsEmptyCellsAndBlankRowsSoNumberingStaysRight() {
    List<Row> rows = CsvParser.parse("a,b,c\n,,\n1,,3\n");
    assertThat(rows.get(1).blank()).isTrue();
    assertThat(rows.get(2).cells()).containsExactly("1", "", "3");
    assertThat(rows.get(2).number()).isEqualTo(3);
  }

  @Test
  void readsAnEmptyQuotedCell() {
    assertThat(CsvParser.parse("\"\",x").get(0).cells()).containsExactly("", "x");
  }

  @Test
  void refusesAnUnclosedQuoteNamingTheRowWhereItOpened() {
    assertThatThrownBy(() -> CsvParser.parse("a,b\n1,2\n\"open,3\n4,5\n"))
        .isInstanceOf(CsvSyntaxException.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("never closed");
  }

  @Test
  void refusesTextAfterAClosingQuote() {
    assertThatThrownBy(() -> CsvParser.parse("a\n\"x\"y\n"))
        .isInstanceOf(CsvSyntaxException.class)
        .hasMessageContaining("row 2");
  }

  @Test
  void refusesAStrayQuoteInsideAnUnquotedCell() {
    assertThatThrownBy(() -> CsvParser.parse("a,b\n12\"3,4\n"))
        .isInstanceOf(CsvSyntaxException.class)
        .hasMessageContaining("row 2");
  }

  @Test
  void readsNothingFromAnEmptyText() {
    assertThat(CsvParser.parse("")).isEmpty();
    assertThat(CsvParser.parse("\uFEFF")).isEmpty();
  }
}
