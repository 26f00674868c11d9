package org.shouwang.ingest.csvimport;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma-separated cells, cells in double quotes may hold commas, line breaks
 * and doubled quotes ({@code ""}); lines end in CRLF, LF or CR; a leading byte-order mark is
 * ignored. Each record is numbered as a spreadsheet shows it (the first line is row 1; a quoted
 * line break does not start a new row).
 */
final class CsvParser {

  private static final char QUOTE = '"';
  private static final char COMMA = ',';

  /** One line of the file. */
  record Row(int number, List<String> cells) {

    /** Whether every cell is blank (an empty line, or {@code ,,,} left by a spreadsheet). */
    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /** The file breaks the CSV syntax; names the row where it happens. */
  static final class CsvSyntaxException extends RuntimeException {
    private final int row;

    CsvSyntaxException(int row, String message) {
      super("row " + row + ": " + message);
      this.row = row;
    }

    int row() {
      return row;
    }
  }

  private CsvParser() {}

  /** Every row of the text, blank ones included so that numbering stays as the file has it. */
  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    int length = text.length();
    int i = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    int rowNumber = 1;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    if (i >= length) {
      return rows;
    }
    while (true) {
      // at the start of a cell
      if (i < length && text.charAt(i) == QUOTE) {
        int openedAt = rowNumber;
        i++;
        while (true) {
          if (i >= length) {
            throw new CsvSyntaxException(
                openedAt, "a quoted cell is never closed (a \" is missing)");
          }
          char c = text.charAt(i);
          if (c == QUOTE) {
            if (i + 1 < length && text.charAt(i + 1) == QUOTE) {
              cell.append(QUOTE);
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            cell.append(c);
            i++;
          }
        }
        if (i < length && !isDelimiter(text.charAt(i))) {
          throw new CsvSyntaxException(
              rowNumber,
              "unexpected '"
                  + text.charAt(i)
                  + "' after a closing quote (a quote inside a quoted cell is written \"\")");
        }
      } else {
        while (i < length && !isDelimiter(text.charAt(i))) {
          char c = text.charAt(i);
          if (c == QUOTE) {
            throw new CsvSyntaxException(
                rowNumber,
                "a \" inside an unquoted cell; quote the whole cell and double the quote (\"\")");
          }
          cell.append(c);
          i++;
        }
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= length) {
        rows.add(new Row(rowNumber, List.copyOf(cells)));
        return rows;
      }
      char delimiter = text.charAt(i++);
      if (delimiter == COMMA) {
        continue;
      }
      // a line break: CRLF, LF or CR
      if (delimiter == '\r' && i < length && text.charAt(i) == '\n') {
        i++;
      }
      rows.add(new Row(rowNumber, List.copyOf(cells)));
      cells.clear();
      rowNumber++;
      if (i >= length) {
        return rows;
      }
    }
  }

  private static boolean isDelimiter(char c) {
    return c == COMMA || c == '\n' || c == '\r';
  }
}
