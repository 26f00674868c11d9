package org.shouwang.ingest.csvimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shouwang.events.EventType;
import org.shouwang.events.Violation;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RecordResult;
import org.shouwang.ingest.intake.RecordStatus;
import org.shouwang.ingest.intake.RowError;

/**
 * The row report in Chinese: each violation of a rejected row (and each row Kafka did not store)
 * becomes one sentence with the row number, the column as the file's header writes it and why
 * ({@code 第3行「人均纯收入」：「六千」不是金额，请填写以元为单位的数字，如 8500.00}). The machine-readable {@code violations}
 * (field, code, English reason) stay as they are.
 */
final class RowMessages {

  private static final Pattern BETWEEN = Pattern.compile("must be between (\\S+) and (\\S+)");
  private static final Pattern AT_MOST = Pattern.compile("at most (\\d+) are allowed");
  private static final Pattern CREDENTIAL = Pattern.compile("\\((\\p{IsHan}+)\\) only");

  private RowMessages() {}

  /** The report with every rejected or failed row's problems in Chinese. */
  static IntakeReport of(
      RecordKind kind, CsvLayout layout, List<CsvLayout.Mapped> rows, IntakeReport report) {
    List<RecordResult> results = new ArrayList<>(report.results().size());
    for (int i = 0; i < report.results().size(); i++) {
      RecordResult result = report.results().get(i);
      CsvLayout.Mapped row = rows.get(i);
      if (result.status() == RecordStatus.REJECTED) {
        List<RowError> errors = new ArrayList<>();
        for (Violation violation : result.violations()) {
          errors.add(error(kind, layout, row, violation));
        }
        result = result.withErrors(errors);
      } else if (result.status() == RecordStatus.FAILED) {
        result =
            result.withErrors(
                List.of(
                    new RowError(
                        null,
                        "第"
                            + row.row().number()
                            + "行：数据未能写入（消息队列未确认），请重新导入该行；"
                            + "已写入的行重复导入不会重复记录")));
      }
      results.add(result);
    }
    return report.withResults(results);
  }

  private static RowError error(
      RecordKind kind, CsvLayout layout, CsvLayout.Mapped row, Violation violation) {
    String field = violation.field();
    String prefix = "第" + row.row().number() + "行";
    if (field.isEmpty()) {
      String reason = row.chineseReasons().getOrDefault("", "本行内容不符合要求");
      return new RowError(null, prefix + "：" + reason);
    }
    String written = layout.written(field);
    String column = written != null ? written : ColumnNames.title(kind, field);
    String reason = row.chineseReasons().get(field);
    if (reason == null) {
      reason = reason(kind, layout, row, violation, written != null);
    }
    return new RowError(column, prefix + "「" + column + "」：" + reason);
  }

  /** Why, in Chinese, for a violation the contract check found. */
  private static String reason(
      RecordKind kind, CsvLayout layout, CsvLayout.Mapped row, Violation v, boolean inFile) {
    String cell = inFile ? layout.cell(row.row(), v.field()) : "";
    String value = "「" + CellType.abbreviate(cell) + "」";
    EventType type = eventType(row);
    String typeName = type == null ? null : "「" + type.chineseName() + "」";
    return switch (v.code()) {
      case REQUIRED -> {
        if (v.field().equals("department")) {
          yield "信息来源为部门推送时必须填写报送部门";
        }
        String when =
            v.field().startsWith(CsvLayout.DATA_PREFIX) && typeName != null
                ? "事件类型为" + typeName + "时此项必填"
                : "此项必填";
        yield inFile ? "未填写，" + when : "文件中没有这一列，" + when;
      }
      case WRONG_TYPE -> value + "的类型不对";
      case UNKNOWN_CODE -> {
        CellType cellType = layout.cellType(v.field(), type);
        String allowed = cellType instanceof CellType.Code code ? "，可填：" + code.allowed() : "";
        yield value + "不是可用的取值" + allowed;
      }
      case BAD_FORMAT -> {
        if (v.field().equals("householdId")) {
          yield value + "格式不对：户编号只能由字母、数字和“-”组成，1–64位";
        }
        if (v.field().equals("period")) {
          yield value + "格式不对：按月发放写作 2026-03，按年发放写作 2026";
        }
        yield value + "格式不对";
      }
      case OUT_OF_RANGE -> value + outOfRange(v.reason());
      case TOO_MANY_DECIMALS -> value + "最多保留2位小数（元、角、分）";
      case IN_FUTURE -> value + "晚于当前时间，请检查日期";
      case INCONSISTENT -> inconsistent(v);
      default -> value + "不符合要求";
    };
  }

  private static String outOfRange(String reason) {
    Matcher between = BETWEEN.matcher(reason);
    if (between.find()) {
      return "超出范围，应在 " + between.group(1) + " 到 " + between.group(2) + " 之间";
    }
    Matcher atMost = AT_MOST.matcher(reason);
    if (atMost.find()) {
      return "太长，最多 " + atMost.group(1) + " 个字符";
    }
    if (reason.contains("> 0")) {
      return "必须大于 0";
    }
    if (reason.contains("negative")) {
      return "不能为负数";
    }
    return "超出允许范围";
  }

  private static String inconsistent(Violation v) {
    Matcher credential = CREDENTIAL.matcher(v.reason());
    if (v.reason().startsWith("this credential") && credential.find()) {
      return "本账号只能报送" + credential.group(1) + "的数据";
    }
    if (v.reason().contains("more than the household's")) {
      return "劳动力人数不能多于家庭人口数";
    }
    if (v.reason().contains("only applies when")) {
      return "与本行其他内容矛盾，此项在本行不应填写";
    }
    return "与本行其他内容矛盾";
  }

  private static EventType eventType(CsvLayout.Mapped row) {
    var node = row.candidate().node().get("type");
    return node != null && node.isString() ? CsvLayout.eventType(node.stringValue()) : null;
  }
}
