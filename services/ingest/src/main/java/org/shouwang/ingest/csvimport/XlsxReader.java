package org.shouwang.ingest.csvimport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first worksheet of an .xlsx workbook with POI's event API ({@link XSSFReader} and a SAX
 * handler): the sheet's XML streams from the zip file and only the rows themselves are kept, so a
 * workbook of 50,000 rows needs no object per cell of a DOM workbook. Rows come out as the CSV
 * parser's rows, numbered as Excel shows them, so the same layout, aliases and report apply.
 *
 * <p>Cells are taken as Excel displays them, except dates (written {@code 2026-03-02 09:30:00} or
 * {@code 2026-03-02}, whatever the cell's date format, so {@code m/d/yy} cannot be misread) and
 * plain numbers (written in full, never {@code 4.3E+13}).
 */
final class XlsxReader {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final Pattern RAW_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /** The workbook cannot be read; the message says so in Chinese and English. */
  static final class Unreadable extends RuntimeException {
    private final String chinese;

    Unreadable(String message, String chinese, Throwable cause) {
      super(message, cause);
      this.chinese = chinese;
    }

    String chinese() {
      return chinese;
    }
  }

  /** More data rows than allowed: reading stopped there. */
  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  private XlsxReader() {}

  /**
   * The rows of the first worksheet, blank rows left out (Excel does not write them; numbering
   * follows the sheet).
   *
   * @param maxRows reading stops with {@link TooManyRows} at the first data row past this
   */
  static List<CsvParser.Row> read(Path file, int maxRows) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        return List.of();
      }
      Rows rows = new Rows(maxRows);
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(), strings, rows, new SpreadsheetFormatter(), false));
        xml.parse(new InputSource(sheet));
      }
      return rows.rows;
    } catch (TooManyRows e) {
      throw e;
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException e) {
      throw new Unreadable(
          "The file is not a readable .xlsx workbook ("
              + e.getClass().getSimpleName()
              + "). Save it from Excel or WPS as \"Excel workbook (*.xlsx)\"",
          "文件不是可读取的 .xlsx 工作簿，请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”",
          e);
    }
  }

  /** Collects the rows; stops the parse once there are more data rows than allowed. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final int maxRows;
    private final List<CsvParser.Row> rows = new ArrayList<>();
    private List<String> cells;
    private int dataRows;

    Rows(int maxRows) {
      this.maxRows = maxRows;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      String value = formattedValue == null ? "" : formattedValue;
      if (RAW_NUMBER.matcher(value).matches() && (value.contains("E") || value.endsWith(".0"))) {
        value = new BigDecimal(value).stripTrailingZeros().toPlainString();
      }
      if (cells.size() == column) {
        cells.add(value);
      } else {
        cells.set(column, value);
      }
    }

    @Override
    public void endRow(int rowNum) {
      CsvParser.Row row = new CsvParser.Row(rowNum + 1, List.copyOf(cells));
      if (row.blank()) {
        return;
      }
      // the first row read is the header
      if (!rows.isEmpty() && ++dataRows > maxRows) {
        throw new TooManyRows();
      }
      rows.add(row);
    }
  }

  /** Excel's display, but dates in ISO order and plain numbers in full. */
  private static final class SpreadsheetFormatter extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
        return time.toLocalTime().toSecondOfDay() == 0 ? DATE.format(time) : DATE_TIME.format(time);
      }
      if (formatString == null || formatString.equalsIgnoreCase("General") || formatIndex == 0) {
        // 15 significant digits, as Excel keeps them: 0.1 + 0.2 is 0.3 here too
        return new BigDecimal(value, new MathContext(15)).stripTrailingZeros().toPlainString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }
}
