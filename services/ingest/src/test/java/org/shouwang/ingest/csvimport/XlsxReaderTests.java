package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderTests {

  @TempDir Path dir;

  private Path write(Workbook workbook) throws IOException {
    Path file = Files.createTempFile(dir, "book", ".xlsx");
    try (workbook;
        OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
    return file;
  }

  @Test
  void readsTheFirstSheetAsExcelShowsItWithDatesInIsoOrderAndNumbersInFull() throws IOException {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet("数据");
    workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("不读");
    CellStyle usDate = workbook.createCellStyle();
    usDate.setDataFormat((short) 14); // m/d/yy, Excel's built-in short date
    CellStyle money = workbook.createCellStyle();
    money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    Row header = sheet.createRow(0);
    header.createCell(0).setCellValue("户编号");
    header.createCell(1).setCellValue("发生时间");
    header.createCell(2).setCellValue("金额");
    header.createCell(4).setCellValue("是否住院");
    Row row = sheet.createRow(2);
    row.createCell(0).setCellValue(43042110500123d);
    row.createCell(1).setCellValue(LocalDate.of(2026, 3, 2));
    row.getCell(1).setCellStyle(usDate);
    row.createCell(2).setCellValue(8500.5);
    row.getCell(2).setCellStyle(money);
    row.createCell(4).setCellValue(false);
    Row formula = sheet.createRow(3);
    formula.createCell(2).setCellFormula("0.1+0.2");
    workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

    List<CsvParser.Row> rows = XlsxReader.read(write(workbook), 10);

    assertThat(rows).extracting(CsvParser.Row::number).containsExactly(1, 3, 4);
    assertThat(rows.get(0).cells()).containsExactly("户编号", "发生时间", "金额", "", "是否住院");
    assertThat(rows.get(1).cells())
        .containsExactly("43042110500123", "2026-03-02", "8,500.50", "", "FALSE");
    assertThat(rows.get(2).cells()).containsExactly("", "", "0.3");
  }

  @Test
  void keepsTheTimeOfADateTimeCell() throws IOException {
    XSSFWorkbook workbook = new XSSFWorkbook();
    Sheet sheet = workbook.createSheet();
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\" h:mm"));
    sheet.createRow(0).createCell(0).setCellValue("发生时间");
    sheet.createRow(1).createCell(0).setCellValue(LocalDateTime.of(2026, 3, 2, 9, 30));
    sheet.getRow(1).getCell(0).setCellStyle(style);

    assertThat(XlsxReader.read(write(workbook), 10).get(1).cells())
        .containsExactly("2026-03-02 09:30:00");
  }

  @Test
  void streamsALargeSheetAndStopsAtTheFirstRowPastTheLimit() throws IOException {
    // written with the streaming writer too: 12,000 data rows of 8 cells
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    Sheet sheet = workbook.createSheet();
    for (int r = 0; r <= 12_000; r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < 8; c++) {
        row.createCell(c).setCellValue(r == 0 ? "列" + c : "r" + r + "c" + c);
      }
    }
    Path file = write(workbook);
    workbook.dispose();

    assertThat(XlsxReader.read(file, 12_000)).hasSize(12_001);
    assertThatThrownBy(() -> XlsxReader.read(file, 10_000))
        .isInstanceOf(XlsxReader.TooManyRows.class);
  }

  @Test
  void refusesAFileThatIsNoWorkbook() throws IOException {
    Path file = dir.resolve("not.xlsx");
    Files.writeString(file, "户编号\n1\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> XlsxReader.read(file, 10))
        .isInstanceOf(XlsxReader.Unreadable.class)
        .satisfies(e -> assertThat(((XlsxReader.Unreadable) e).chinese()).contains(".xlsx"));
  }
}
