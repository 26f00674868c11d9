package org.shouwang.ingest.csvimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.shouwang.ingest.intake.RecordKind;

/**
 * The template workbook a county office fills in: sheet 1 ({@code 导入数据}) has the Chinese column
 * titles and one example row (its id begins with {@link #EXAMPLE_PREFIX}, so importing the template
 * unchanged imports nothing of it), every cell formatted as text so that ids and periods stay as
 * typed; sheet 2 ({@code 填写说明}) explains every column. Small, so written with the ordinary workbook
 * API; reading uses the streaming one.
 */
final class ImportTemplate {

  /** Rows whose id begins with this are the template's examples and are not imported. */
  static final String EXAMPLE_PREFIX = "示例";

  static final String DATA_SHEET = "导入数据";
  static final String HELP_SHEET = "填写说明";

  private static final Map<String, String> EVENT_EXAMPLE =
      Map.of(
          "eventId", EXAMPLE_PREFIX + "-0001",
          "householdId", "430421-105-00123",
          "type", "收入核定",
          "occurredAt", "2026-03-02 09:30",
          "source", "干部走访",
          "data.year", "2026",
          "data.netIncomePerCapita", "6800.00");

  private static final Map<String, String> PAYMENT_EXAMPLE =
      Map.of(
          "paymentId", EXAMPLE_PREFIX + "-0001",
          "householdId", "430421-105-00123",
          "programme", "低保",
          "period", "2026-03",
          "amount", "720.00",
          "paidAt", "2026-03-10 10:00",
          "payer", "衡阳县民政局");

  private ImportTemplate() {}

  /** The template of a kind as .xlsx bytes. */
  static byte[] of(RecordKind kind) {
    List<ColumnNames.Column> columns = ColumnNames.columns(kind);
    List<String> required = CsvLayout.requiredColumns(kind);
    Map<String, String> example =
        kind == RecordKind.HOUSEHOLD_EVENT ? EVENT_EXAMPLE : PAYMENT_EXAMPLE;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      CellStyle header = workbook.createCellStyle();
      header.cloneStyleFrom(text);
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle optionalHeader = workbook.createCellStyle();
      optionalHeader.cloneStyleFrom(header);
      optionalHeader.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());

      Sheet data = workbook.createSheet(DATA_SHEET);
      Row titles = data.createRow(0);
      Row exampleRow = data.createRow(1);
      for (int i = 0; i < columns.size(); i++) {
        ColumnNames.Column column = columns.get(i);
        Cell title = titles.createCell(i);
        title.setCellValue(column.title());
        title.setCellStyle(required.contains(column.key()) ? header : optionalHeader);
        Cell cell = exampleRow.createCell(i);
        cell.setCellStyle(text);
        String value = example.get(column.key());
        if (value != null) {
          cell.setCellValue(value);
        }
        data.setDefaultColumnStyle(i, text);
        data.setColumnWidth(i, Math.max(10, column.title().length() * 2 + 4) * 256);
      }
      data.createFreezePane(0, 1);

      Sheet help = workbook.createSheet(HELP_SHEET);
      String[] notes = {
        "第一个工作表“" + DATA_SHEET + "”是导入的数据：第1行为列名，从第2行起每行一条记录；列的顺序可以调整，不用的列可以删除。",
        "编号以“" + EXAMPLE_PREFIX + "”开头的行是示例，导入时跳过；可以保留，也可以删除。",
        kind == RecordKind.HOUSEHOLD_EVENT
            ? "黄色列为必填列；灰色列按事件类型填写，本行用不到的留空。是/否 列填“是”或“否”；金额以元为单位。"
            : "黄色列为必填列，灰色列选填。金额以元为单位。",
        "有错误的行不会导入，其余行照常导入；导入结果按行号和列名说明每个错误。",
      };
      int r = 0;
      for (String note : notes) {
        help.createRow(r++).createCell(0).setCellValue(note);
      }
      r++;
      Row helpTitles = help.createRow(r++);
      String[] heads = {"列名", "也可写作", "是否必填", "填写说明", "接口字段"};
      for (int i = 0; i < heads.length; i++) {
        Cell cell = helpTitles.createCell(i);
        cell.setCellValue(heads[i]);
        cell.setCellStyle(header);
      }
      for (ColumnNames.Column column : columns) {
        Row row = help.createRow(r++);
        row.createCell(0).setCellValue(column.title());
        row.createCell(1)
            .setCellValue(String.join("、", column.titles().subList(1, column.titles().size())));
        row.createCell(2)
            .setCellValue(
                required.contains(column.key())
                    ? "必填"
                    : kind == RecordKind.HOUSEHOLD_EVENT ? "按事件类型" : "选填");
        row.createCell(3).setCellValue(column.explanation());
        row.createCell(4).setCellValue(column.key());
      }
      int[] widths = {16, 24, 10, 90, 26};
      for (int i = 0; i < widths.length; i++) {
        help.setColumnWidth(i, widths[i] * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the import template", e);
    }
  }
}
