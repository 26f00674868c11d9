package org.shouwang.ingest.csvimport;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shouwang.events.ViolationCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a cell's text becomes the JSON value the contract expects, forgiving what spreadsheets and
 * clerks write: {@code 是}/{@code 否} and {@code TRUE}/{@code FALSE} for booleans, {@code 8,500.00}
 * or {@code ¥8500元} for money, lower-case codes or the Chinese name of a code ({@code 低保}), times
 * without an offset in the configured zone, {@code 2026/3} for a period.
 */
abstract sealed class CellType {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The JSON value of a non-blank cell. */
  abstract JsonNode convert(String cell) throws BadCell;

  /** A cell that cannot be converted; the message is the reason shown to the clerk. */
  static final class BadCell extends Exception {
    private final transient ViolationCode code;
    private final String chinese;

    BadCell(ViolationCode code, String message, String chinese) {
      super(message, null, false, false);
      this.code = code;
      this.chinese = chinese;
    }

    ViolationCode code() {
      return code;
    }

    /** The reason in Chinese, for the clerk's row report. */
    String chinese() {
      return chinese;
    }
  }

  static CellType text() {
    return Text.INSTANCE;
  }

  static CellType of(Class<?> javaType, ZoneId zone) {
    if (javaType == int.class || javaType == Integer.class) {
      return WholeNumber.INSTANCE;
    }
    if (javaType == BigDecimal.class) {
      return Money.INSTANCE;
    }
    if (javaType == boolean.class || javaType == Boolean.class) {
      return Bool.INSTANCE;
    }
    if (javaType.isEnum()) {
      return new Code(javaType);
    }
    if (javaType == OffsetDateTime.class) {
      return new Time(zone);
    }
    return Text.INSTANCE;
  }

  static final class Text extends CellType {
    static final Text INSTANCE = new Text();

    @Override
    JsonNode convert(String cell) {
      return JSON.stringNode(cell.strip());
    }
  }

  /** {@code 2026-03}, also {@code 2026/3}, {@code 2026.03} or {@code 2026年3月}; or a year. */
  static final class Period extends CellType {
    private static final Pattern DATE =
        Pattern.compile("(\\d{4}[-/]\\d{1,2})[-/]0?1(?:[ T]0?0:00(?::00)?)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");

    @Override
    JsonNode convert(String cell) {
      String text = cell.strip();
      Matcher date = DATE.matcher(text);
      if (date.matches()) {
        // a spreadsheet that took 2026-03 for a date: the first of the month
        text = date.group(1);
      }
      Matcher m = MONTH.matcher(text);
      if (m.matches()) {
        int month = Integer.parseInt(m.group(2));
        if (month >= 1 && month <= 12) {
          return JSON.stringNode(m.group(1) + "-" + (month < 10 ? "0" : "") + month);
        }
      }
      return JSON.stringNode(text.endsWith("年") ? text.substring(0, text.length() - 1) : text);
    }
  }

  static final class WholeNumber extends CellType {
    static final WholeNumber INSTANCE = new WholeNumber();

    @Override
    JsonNode convert(String cell) throws BadCell {
      String text = cell.strip().replace(",", "");
      try {
        BigDecimal number = new BigDecimal(text);
        if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
          BigInteger whole = number.toBigIntegerExact();
          return whole.bitLength() < 63
              ? JSON.numberNode(whole.longValue())
              : JSON.numberNode(whole);
        }
        // the contract check explains why a fraction is wrong here
        return JSON.numberNode(number);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new BadCell(
            ViolationCode.WRONG_TYPE,
            "'" + abbreviate(cell) + "' is not a whole number (write digits, like 3)",
            "「" + abbreviate(cell) + "」不是整数，请填写数字，如 3");
      }
    }
  }

  static final class Money extends CellType {
    static final Money INSTANCE = new Money();

    @Override
    JsonNode convert(String cell) throws BadCell {
      String text = cell.strip().replace(",", "").replace("，", "").replace(" ", "");
      if (text.startsWith("¥") || text.startsWith("￥")) {
        text = text.substring(1);
      }
      if (text.endsWith("元")) {
        text = text.substring(0, text.length() - 1);
      }
      try {
        return JSON.numberNode(new BigDecimal(text));
      } catch (NumberFormatException e) {
        throw new BadCell(
            ViolationCode.WRONG_TYPE,
            "'" + abbreviate(cell) + "' is not an amount in yuan (write digits, like 8500.00)",
            "「" + abbreviate(cell) + "」不是金额，请填写以元为单位的数字，如 8500.00");
      }
    }
  }

  static final class Bool extends CellType {
    static final Bool INSTANCE = new Bool();

    @Override
    JsonNode convert(String cell) throws BadCell {
      switch (cell.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1", "是" -> {
          return JSON.booleanNode(true);
        }
        case "false", "no", "n", "0", "否" -> {
          return JSON.booleanNode(false);
        }
        default ->
            throw new BadCell(
                ViolationCode.WRONG_TYPE,
                "'" + abbreviate(cell) + "' is not yes or no (write 是/否 or true/false)",
                "「" + abbreviate(cell) + "」不是“是/否”，请填写 是 或 否");
      }
    }
  }

  /** An upper-case code; lower case and the Chinese name of the code are read as the code. */
  static final class Code extends CellType {
    private final Map<String, String> aliases = new LinkedHashMap<>();

    Code(Class<?> enumType) {
      Method chineseName = chineseNameMethod(enumType);
      for (Object constant : enumType.getEnumConstants()) {
        String code = ((Enum<?>) constant).name();
        aliases.put(code.toLowerCase(Locale.ROOT), code);
        if (chineseName != null) {
          try {
            aliases.put((String) chineseName.invoke(constant), code);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the Chinese name of " + code, e);
          }
        }
      }
      CodeNames.of(enumType).forEach(aliases::putIfAbsent);
    }

    /** The Chinese names and codes a cell of this type may hold, for a message. */
    String allowed() {
      LinkedHashSet<String> names = new LinkedHashSet<>();
      aliases.forEach(
          (alias, code) -> {
            if (!alias.equals(code.toLowerCase(Locale.ROOT))) {
              names.add(alias);
            }
          });
      return String.join("、", names.isEmpty() ? new TreeSet<>(aliases.values()) : names);
    }

    private static Method chineseNameMethod(Class<?> enumType) {
      try {
        Method method = enumType.getMethod("chineseName");
        return method.getReturnType() == String.class ? method : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    @Override
    JsonNode convert(String cell) {
      String text = cell.strip();
      String code = aliases.get(text.toLowerCase(Locale.ROOT));
      if (code == null) {
        code = aliases.get(text);
      }
      // an unknown code goes on as written: the contract check lists the allowed codes
      return JSON.stringNode(code != null ? code : text);
    }
  }

  /** ISO-8601 with an offset, or a local time ({@code 2026-03-02 09:30}) in the given zone. */
  static final class Time extends CellType {
    private static final DateTimeFormatter LOCAL =
        DateTimeFormatter.ofPattern("uuuu-M-d[ H:mm[:ss]]");

    private final ZoneId zone;

    Time(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    JsonNode convert(String cell) throws BadCell {
      String text = cell.strip();
      try {
        OffsetDateTime.parse(text);
        return JSON.stringNode(text);
      } catch (DateTimeParseException e) {
        // not ISO with an offset: try what a spreadsheet writes
      }
      try {
        TemporalAccessor parsed =
            LOCAL.parseBest(
                text.replace('/', '-').replace('T', ' '), LocalDateTime::from, LocalDate::from);
        LocalDateTime local =
            parsed instanceof LocalDateTime t ? t : ((LocalDate) parsed).atStartOfDay();
        return JSON.stringNode(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.atZone(zone).toOffsetDateTime()));
      } catch (DateTimeParseException e) {
        throw new BadCell(
            ViolationCode.BAD_FORMAT,
            "'"
                + abbreviate(cell)
                + "' is not a time; write 2026-03-02 09:30 ("
                + zone
                + ") or 2026-03-02T09:30:00+08:00",
            "「" + abbreviate(cell) + "」不是时间，请写作 2026-03-02 09:30 或 2026-03-02（北京时间）");
      }
    }
  }

  static String abbreviate(String text) {
    String t = text.strip();
    return t.length() <= 40 ? t : t.substring(0, 37) + "...";
  }
}
