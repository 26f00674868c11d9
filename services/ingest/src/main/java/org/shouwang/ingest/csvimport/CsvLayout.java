package org.shouwang.ingest.csvimport;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Department;
import org.shouwang.events.EventType;
import org.shouwang.events.Programme;
import org.shouwang.events.Source;
import org.shouwang.events.Violation;
import org.shouwang.events.ViolationCode;
import org.shouwang.ingest.csvimport.CellType.BadCell;
import org.shouwang.ingest.intake.Candidate;
import org.shouwang.ingest.intake.RecordKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns of a CSV file of one kind and how a row becomes the contract's JSON. Household events
 * have flat columns ({@code eventId}, {@code householdId}, {@code type}, {@code occurredAt}, {@code
 * source}, {@code department}) and one column per data field ({@code data.outOfPocket}); a row
 * fills the data columns of its type and leaves the others empty. The JSON type of a data cell
 * follows the contract's record for the row's type, so the table stays in step with the contract.
 */
final class CsvLayout {

  static final String DATA_PREFIX = "data.";

  /**
   * A column the header names.
   *
   * @param written the header as the file writes it (for messages to the clerk)
   */
  private record Column(int position, String name, CellType type, boolean data, String written) {

    String key() {
      return data ? DATA_PREFIX + name : name;
    }
  }

  /** The header breaks the layout; the message says how, in English, and {@link #chinese()}. */
  static final class BadHeader extends RuntimeException {
    private final String chinese;

    BadHeader(String message, String chinese) {
      super(message);
      this.chinese = chinese;
    }

    String chinese() {
      return chinese;
    }
  }

  /**
   * A data row made into a record.
   *
   * @param candidate the record for the intake
   * @param chineseReasons the Chinese reason of each conversion violation, by field
   */
  record Mapped(CsvParser.Row row, Candidate candidate, Map<String, String> chineseReasons) {}

  private final RecordKind kind;
  private final List<Column> columns;
  private final int width;
  private final Map<String, Map<EventType, CellType>> dataTypes;

  private CsvLayout(
      RecordKind kind,
      List<Column> columns,
      int width,
      Map<String, Map<EventType, CellType>> dataTypes) {
    this.kind = kind;
    this.columns = columns;
    this.width = width;
    this.dataTypes = dataTypes;
  }

  /** The top-level columns of a kind, with their cell types, in the order the README lists them. */
  static Map<String, CellType> recordColumns(RecordKind kind, ZoneId zone) {
    Map<String, CellType> columns = new LinkedHashMap<>();
    if (kind == RecordKind.HOUSEHOLD_EVENT) {
      columns.put("eventId", CellType.text());
      columns.put("householdId", CellType.text());
      columns.put("type", CellType.of(EventType.class, zone));
      columns.put("occurredAt", CellType.of(OffsetDateTime.class, zone));
      columns.put("source", CellType.of(Source.class, zone));
      columns.put("department", CellType.of(Department.class, zone));
    } else {
      columns.put("paymentId", CellType.text());
      columns.put("householdId", CellType.text());
      columns.put("programme", CellType.of(Programme.class, zone));
      columns.put("period", new CellType.Period());
      columns.put("amount", CellType.of(BigDecimal.class, zone));
      columns.put("paidAt", CellType.of(OffsetDateTime.class, zone));
      columns.put("payer", CellType.text());
    }
    return columns;
  }

  /** Columns every file of a kind must have. */
  static List<String> requiredColumns(RecordKind kind) {
    return kind == RecordKind.HOUSEHOLD_EVENT
        ? List.of("eventId", "householdId", "type", "occurredAt", "source")
        : List.of("paymentId", "householdId", "programme", "period", "amount", "paidAt");
  }

  /** Every data field of every event type, with its cell type per event type. */
  static Map<String, Map<EventType, CellType>> dataFields(ZoneId zone) {
    Map<String, Map<EventType, CellType>> fields = new TreeMap<>();
    for (EventType type : EventType.values()) {
      for (RecordComponent component : type.dataType().getRecordComponents()) {
        fields
            .computeIfAbsent(component.getName(), f -> new EnumMap<>(EventType.class))
            .put(type, CellType.of(component.getType(), zone));
      }
    }
    return fields;
  }

  /**
   * The layout a header row describes.
   *
   * @throws BadHeader when a required column is missing, a column is unknown or repeated
   */
  static CsvLayout of(RecordKind kind, List<String> header, ZoneId zone) {
    return of(kind, header, zone, 1);
  }

  /**
   * The layout a header row describes, the header standing in the given row (below title rows).
   *
   * @throws BadHeader when a required column is missing, a column is unknown or repeated
   */
  static CsvLayout of(RecordKind kind, List<String> header, ZoneId zone, int headerRow) {
    Map<String, CellType> known = recordColumns(kind, zone);
    Map<String, String> byTitle = ColumnNames.byTitle(kind);
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    known.keySet().forEach(name -> byLowerCase.put(name.toLowerCase(Locale.ROOT), name));
    Map<String, Map<EventType, CellType>> dataTypes =
        kind == RecordKind.HOUSEHOLD_EVENT ? dataFields(zone) : Map.of();
    Map<String, String> dataByLowerCase = new LinkedHashMap<>();
    dataTypes.keySet().forEach(f -> dataByLowerCase.put(f.toLowerCase(Locale.ROOT), f));

    List<Column> columns = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String written = header.get(i).strip();
      if (written.isEmpty()) {
        continue;
      }
      String lower = written.toLowerCase(Locale.ROOT);
      String titled = byTitle.get(ColumnNames.normalize(written));
      if (titled != null) {
        // a Chinese title: the same as writing the contract's name
        lower = titled.toLowerCase(Locale.ROOT);
      }
      Column column;
      if (byLowerCase.containsKey(lower)) {
        String name = byLowerCase.get(lower);
        column = new Column(i, name, known.get(name), false, written);
      } else if (lower.startsWith(DATA_PREFIX)
          && dataByLowerCase.containsKey(lower.substring(DATA_PREFIX.length()))) {
        String field = dataByLowerCase.get(lower.substring(DATA_PREFIX.length()));
        column = new Column(i, field, null, true, written);
      } else {
        unknown.add(written);
        continue;
      }
      String key = column.key();
      for (Column earlier : columns) {
        if (earlier.key().equals(key)) {
          throw new BadHeader(
              "the header names the column '" + key + "' twice",
              "表头（第"
                  + headerRow
                  + "行）重复了同一列：「"
                  + earlier.written()
                  + "」和「"
                  + written
                  + "」都是"
                  + ColumnNames.title(kind, key)
                  + "（"
                  + key
                  + "）");
        }
      }
      seen.add(key);
      columns.add(column);
    }
    List<String> missing =
        requiredColumns(kind).stream().filter(name -> !seen.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new BadHeader(
          "the header (row "
              + headerRow
              + ") lacks the required column(s) "
              + String.join(", ", missing)
              + "; the columns are "
              + String.join(", ", known.keySet())
              + (kind == RecordKind.HOUSEHOLD_EVENT ? " and data.<field> per event type" : ""),
          "表头（第" + headerRow + "行）缺少必填列：" + titled(kind, missing) + "。可用的列名见导入模板的“填写说明”");
    }
    if (!unknown.isEmpty()) {
      throw new BadHeader(
          "the header (row "
              + headerRow
              + ") names unknown column(s) "
              + String.join(", ", unknown)
              + "; the columns are "
              + String.join(", ", known.keySet())
              + (kind == RecordKind.HOUSEHOLD_EVENT
                  ? " and data.<field> with a field of CONTRACT.md (data.outOfPocket, ...)"
                  : ""),
          "表头（第"
              + headerRow
              + "行）有无法识别的列：「"
              + String.join("」「", unknown)
              + "」。可用的列名："
              + titled(kind, requiredColumns(kind))
              + " 等，见导入模板的“填写说明”");
    }
    return new CsvLayout(kind, List.copyOf(columns), header.size(), dataTypes);
  }

  private static String titled(RecordKind kind, List<String> keys) {
    List<String> names = new ArrayList<>();
    for (String key : keys) {
      names.add(ColumnNames.title(kind, key) + "（" + key + "）");
    }
    return String.join("、", names);
  }

  /** The header of a column as the file writes it, or {@code null} when the file lacks it. */
  String written(String key) {
    for (Column column : columns) {
      if (column.key().equals(key)) {
        return column.written();
      }
    }
    return null;
  }

  /** The cell of a column in a row as the file writes it; empty when absent. */
  String cell(CsvParser.Row row, String key) {
    for (Column column : columns) {
      if (column.key().equals(key)) {
        return cell(row.cells(), column.position()).strip();
      }
    }
    return "";
  }

  /** The cell type of a column for a row of the given event type ({@code null}: any). */
  CellType cellType(String key, EventType type) {
    for (Column column : columns) {
      if (column.key().equals(key)) {
        if (!column.data()) {
          return column.type();
        }
        CellType cellType = type == null ? null : dataTypes.get(column.name()).get(type);
        return cellType == null ? CellType.text() : cellType;
      }
    }
    return null;
  }

  /** The record of a data row, with what could not be converted. */
  Candidate map(CsvParser.Row row) {
    return mapRow(row).candidate();
  }

  /** The record of a data row, with what could not be converted and why in Chinese. */
  Mapped mapRow(CsvParser.Row row) {
    Map<String, String> chinese = new HashMap<>();
    List<String> cells = row.cells();
    List<Violation> violations = new ArrayList<>();
    ObjectNode record = ContractJson.mapper().createObjectNode();
    ObjectNode data = kind == RecordKind.HOUSEHOLD_EVENT ? record.putObject("data") : null;
    if (cells.size() > width) {
      boolean extraFilled = cells.subList(width, cells.size()).stream().anyMatch(c -> !c.isBlank());
      if (extraFilled) {
        violations.add(
            new Violation(
                "",
                ViolationCode.BAD_FORMAT,
                "the row has "
                    + cells.size()
                    + " cells but the header only "
                    + width
                    + "; a comma inside a cell needs the cell in double quotes"));
        chinese.put(
            "", "本行有 " + cells.size() + " 个单元格，但表头只有 " + width + " 列；单元格内的逗号需要用英文双引号把整个单元格括起来");
      }
    }
    EventType type = null;
    for (Column column : columns) {
      if (column.data()) {
        continue;
      }
      String cell = cell(cells, column.position());
      if (cell.isBlank()) {
        continue;
      }
      try {
        JsonNode value = column.type().convert(cell);
        record.set(column.name(), value);
        if (column.name().equals("type")) {
          type = eventType(value.stringValue());
        }
      } catch (BadCell e) {
        violations.add(new Violation(column.name(), e.code(), e.getMessage()));
        chinese.put(column.name(), e.chinese());
      }
    }
    for (Column column : columns) {
      if (!column.data()) {
        continue;
      }
      String cell = cell(cells, column.position());
      if (cell.isBlank()) {
        continue;
      }
      Map<EventType, CellType> types = dataTypes.get(column.name());
      // a field that the row's type does not have goes on as text and is ignored by the contract
      CellType cellType = type == null ? null : types.get(type);
      try {
        data.set(column.name(), (cellType == null ? CellType.text() : cellType).convert(cell));
      } catch (BadCell e) {
        violations.add(new Violation(DATA_PREFIX + column.name(), e.code(), e.getMessage()));
        chinese.put(DATA_PREFIX + column.name(), e.chinese());
      }
    }
    return new Mapped(row, Candidate.csvRow(row.number(), record, violations), chinese);
  }

  private static String cell(List<String> cells, int position) {
    return position < cells.size() ? cells.get(position) : "";
  }

  static EventType eventType(String code) {
    for (EventType t : EventType.values()) {
      if (t.name().equals(code)) {
        return t;
      }
    }
    return null;
  }
}
