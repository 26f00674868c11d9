package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractJson;
import org.shouwang.events.Topics;
import org.shouwang.ingest.IngestIntegrationTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Files as a county office holds them, over HTTP into the shared broker: Chinese column titles and
 * values, GB18030 without a charset, multipart uploads, .xlsx workbooks made with POI, the template
 * workbook downloaded, filled in and imported again; bad rows reported in Chinese by row and by the
 * column as the file writes it, while the good rows land.
 */
class CountyFilesIntegrationTests extends IngestIntegrationTestSupport {

  private static final String EVENTS = "/api/v1/imports/household-events";
  private static final String PAYMENTS = "/api/v1/imports/subsidy-payments";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Charset GB18030 = Charset.forName("GB18030");

  private MvcTestResult multipart(String path, String filename, String type, byte[] content) {
    return mvc.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, basic("ingest"))
        .multipart()
        .file(new MockMultipartFile("file", filename, type, content))
        .exchange();
  }

  private MvcTestResult body(String path, String contentType, byte[] content) {
    return mvc.post()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, basic("ingest"))
        .contentType(MediaType.parseMediaType(contentType))
        .content(content)
        .exchange();
  }

  private Map<String, JsonNode> landed(String idField, List<String> ids) {
    List<ConsumerRecord<String, byte[]>> read =
        readUntil(
            idField.equals("eventId") ? Topics.HOUSEHOLD_EVENTS : Topics.SUBSIDY_PAYMENTS,
            records -> ids(records, idField).containsAll(ids));
    return read.stream()
        .map(r -> ContractJson.mapper().readTree(r.value()))
        .filter(n -> ids.contains(n.get(idField).stringValue()))
        .collect(Collectors.toMap(n -> n.get(idField).stringValue(), n -> n, (a, b) -> a));
  }

  private static List<String> ids(List<ConsumerRecord<String, byte[]>> read, String idField) {
    return read.stream()
        .map(r -> ContractJson.mapper().readTree(r.value()).get(idField))
        .filter(n -> n != null)
        .map(JsonNode::stringValue)
        .toList();
  }

  private static JsonNode json(MvcTestResult result) {
    return ContractJson.mapper().readTree(result.getResponse().getContentAsByteArray());
  }

  @Test
  void takesAGb18030UploadWithChineseTitlesAndReportsTheBadRowInChinese() {
    String good = newId();
    String bad = newId();
    String good2 = newId();
    String csv =
        "事件编号,户编号,事件类型,发生时间,信息来源,报送部门,核定年度,人均纯收入\r\n"
            + good
            + ",430421-105-00501,收入核定,2026/3/2,干部走访,,2026,\"6,800\"\r\n"
            + bad
            + ",,收入核定,2026-03-02 09:30,部门推送,,2026,六千\r\n"
            + good2
            + ",430421-105-00503,收入核定,2026-03-05,部门推送,民政局,2026,5200元\r\n";

    MvcTestResult result = multipart(EVENTS, "2026年3月收入核定.csv", "text/csv", csv.getBytes(GB18030));

    assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    JsonNode report = json(result);
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(1);
    JsonNode rejected = report.get("results").get(1);
    assertThat(rejected.get("row").asInt()).isEqualTo(3);
    assertThat(rejected.get("status").stringValue()).isEqualTo("REJECTED");
    List<String> messages =
        rejected.get("errors").valueStream().map(e -> e.get("message").stringValue()).toList();
    List<String> columns =
        rejected.get("errors").valueStream().map(e -> e.get("column").stringValue()).toList();
    assertThat(columns).containsExactlyInAnyOrder("人均纯收入", "户编号", "报送部门");
    assertThat(messages)
        .contains("第3行「人均纯收入」：「六千」不是金额，请填写以元为单位的数字，如 8500.00")
        .contains("第3行「户编号」：未填写，此项必填")
        .contains("第3行「报送部门」：信息来源为部门推送时必须填写报送部门");
    // the machine-readable part stays as the contract names it
    assertThat(rejected.get("violations").valueStream().map(v -> v.get("field").stringValue()))
        .contains("data.netIncomePerCapita", "householdId", "department");

    Map<String, JsonNode> landed = landed("eventId", List.of(good, good2));
    assertThat(landed.get(good).get("type").stringValue()).isEqualTo("INCOME_ASSESSED");
    assertThat(landed.get(good).get("source").stringValue()).isEqualTo("CADRE_VISIT");
    assertThat(landed.get(good).get("occurredAt").stringValue())
        .isEqualTo("2026-03-02T00:00:00+08:00");
    assertThat(landed.get(good).get("data").get("netIncomePerCapita").decimalValue())
        .isEqualByComparingTo("6800");
    assertThat(landed.get(good2).get("department").stringValue()).isEqualTo("CIVIL_AFFAIRS");
  }

  @Test
  void takesARawGb18030BodyWithoutACharsetAndNamesAnUnknownValueWithTheAllowedOnes() {
    String good = newId();
    String bad = newId();
    String csv =
        "发放编号,户编号,补助项目,所属期,发放金额,发放时间,发放单位\n"
            + good
            + ",430421-105-00510,特困供养,2026年3月,1100.00,2026-03-10 10:00,衡阳县民政局\n"
            + bad
            + ",430421-105-00511,低包,2026-03,720,2026-03-10,衡阳县民政局\n";

    MvcTestResult result = body(PAYMENTS, "text/csv", csv.getBytes(GB18030));

    assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    JsonNode error = json(result).get("results").get(1).get("errors").get(0);
    assertThat(error.get("column").stringValue()).isEqualTo("补助项目");
    assertThat(error.get("message").stringValue())
        .startsWith("第3行「补助项目」：「低包」不是可用的取值，可填：")
        .contains("低保", "特困供养");
    JsonNode landed = landed("paymentId", List.of(good)).get(good);
    assertThat(landed.get("programme").stringValue()).isEqualTo("EXTREME_POVERTY_SUPPORT");
    assertThat(landed.get("period").stringValue()).isEqualTo("2026-03");
    assertThat(landed.get("payer").stringValue()).isEqualTo("衡阳县民政局");
  }

  /** A workbook as a clerk saves it: Chinese titles, a real date cell, numbers as numbers. */
  private static byte[] workbook(String good, String bad) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("3月医疗");
      XSSFCellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy h:mm"));
      String[] titles = {
        "事件编号", "户编号", "事件类型", "发生时间", "信息来源", "报送部门", "成员编号", "合规自付费用（元）", "是否住院"
      };
      Row header = sheet.createRow(0);
      for (int i = 0; i < titles.length; i++) {
        header.createCell(i).setCellValue(titles[i]);
      }
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(good);
      row.createCell(1).setCellValue("430421-105-00520");
      row.createCell(2).setCellValue("医疗支出");
      row.createCell(3).setCellValue(LocalDateTime.of(2026, 3, 2, 9, 30));
      row.getCell(3).setCellStyle(dateStyle);
      row.createCell(4).setCellValue("部门推送");
      row.createCell(5).setCellValue("医保局");
      row.createCell(6).setCellValue("m2");
      row.createCell(7).setCellValue(8500.5);
      row.createCell(8).setCellValue(true);
      // row 3 left empty: Excel numbers rows as they stand
      Row badRow = sheet.createRow(3);
      badRow.createCell(0).setCellValue(bad);
      badRow.createCell(1).setCellValue("430421-105-00521");
      badRow.createCell(2).setCellValue("医疗支出");
      badRow.createCell(3).setCellValue("三月二日");
      badRow.createCell(4).setCellValue("部门推送");
      badRow.createCell(5).setCellValue("医保局");
      badRow.createCell(6).setCellValue("m1");
      badRow.createCell(7).setCellValue(-5);
      badRow.createCell(8).setCellValue("否");
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void takesAnXlsxWorkbookAsABodyOrAnUploadWithTheSameRowReport() throws IOException {
    String good = newId();
    String bad = newId();
    MvcTestResult result = body(EVENTS, XLSX, workbook(good, bad));

    assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    JsonNode report = json(result);
    assertThat(report.get("accepted").asInt()).isEqualTo(1);
    JsonNode rejected = report.get("results").get(1);
    assertThat(rejected.get("row").asInt()).isEqualTo(4);
    List<String> messages =
        rejected.get("errors").valueStream().map(e -> e.get("message").stringValue()).toList();
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).startsWith("第4行「发生时间」：「三月二日」不是时间"))
        .contains("第4行「合规自付费用（元）」：「-5」不能为负数");

    JsonNode landed = landed("eventId", List.of(good)).get(good);
    assertThat(landed.get("occurredAt").stringValue()).isEqualTo("2026-03-02T09:30:00+08:00");
    assertThat(landed.get("department").stringValue()).isEqualTo("MEDICAL_INSURANCE");
    assertThat(landed.get("data").get("outOfPocket").decimalValue()).isEqualByComparingTo("8500.5");
    assertThat(landed.get("data").get("inpatient").booleanValue()).isTrue();

    // the same workbook uploaded as a form: the ids are known now
    MvcTestResult again =
        multipart(EVENTS, "3月医疗.xlsx", "application/octet-stream", workbook(good, bad));
    assertThat(again).hasStatus(HttpStatus.ACCEPTED);
    assertThat(json(again).get("duplicates").asInt()).isEqualTo(1);
    assertThat(json(again).get("rejected").asInt()).isEqualTo(1);
  }

  @Test
  void skipsATitleRowAboveTheHeaderAndNamesTheHeaderRowInErrors() throws IOException {
    String id = newId();
    byte[] book;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("衡阳县2026年3月低保发放明细表");
      sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 5));
      String[] titles = {"发放编号", "户编号", "补助项目", "所属期", "发放金额", "发放时间"};
      String[] values = {id, "430421-105-00550", "低保", "2026-03", "720", "2026-03-10"};
      Row header = sheet.createRow(1);
      Row row = sheet.createRow(2);
      for (int i = 0; i < titles.length; i++) {
        header.createCell(i).setCellValue(titles[i]);
        row.createCell(i).setCellValue(values[i]);
      }
      workbook.write(out);
      book = out.toByteArray();
    }
    MvcTestResult result = multipart(PAYMENTS, "3月低保.xlsx", XLSX, book);
    assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    assertThat(json(result).get("results").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(landed("paymentId", List.of(id))).containsKey(id);

    String csv =
        "衡阳县2026年3月低保发放明细表,,,\n发放编号,户编号,补助项目,所属期,金额,发放时间,备注\n1,h,低保,2026-03,1,2026-03-10,x\n";
    assertThat(body(PAYMENTS, "text/csv", csv.getBytes(GB18030)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("表头（第2行）有无法识别的列：「备注」");
  }

  @Test
  void refusesAFileThatIsNoWorkbookInChineseAndEnglish() {
    assertThat(body(EVENTS, XLSX, "事件编号\n1\n".getBytes(GB18030)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.code").isEqualTo("MALFORMED_XLSX");
              assertThat(json)
                  .extractingPath("$.detail")
                  .asString()
                  .contains("不是可读取的 .xlsx 工作簿")
                  .contains("nothing was written");
            });
  }

  @Test
  void servesATemplateThatImportsOnceARowIsFilledIn() throws IOException {
    MvcTestResult download =
        mvc.get()
            .uri("/api/v1/imports/template.xlsx")
            .header(HttpHeaders.AUTHORIZATION, basic("ingest"))
            .exchange();
    assertThat(download).hasStatusOk().hasContentType(XLSX);
    byte[] template = download.getResponse().getContentAsByteArray();

    String id = newId();
    byte[] filled;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      assertThat(workbook.getSheetName(0)).isEqualTo("导入数据");
      assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
      Sheet data = workbook.getSheetAt(0);
      Row titles = data.getRow(0);
      Map<String, Integer> column = new java.util.HashMap<>();
      titles.forEach(cell -> column.put(cell.getStringCellValue(), cell.getColumnIndex()));
      assertThat(column).containsKeys("事件编号", "户编号", "事件类型", "发生时间", "人均纯收入", "合规自付费用");
      assertThat(data.getRow(1).getCell(column.get("事件类型")).getStringCellValue()).isEqualTo("收入核定");
      assertThat(workbook.getSheetAt(1).getRow(6).getCell(0).getStringCellValue())
          .isEqualTo("事件编号");

      Row row = data.createRow(2);
      row.createCell(column.get("事件编号")).setCellValue(id);
      row.createCell(column.get("户编号")).setCellValue("430421-105-00530");
      row.createCell(column.get("事件类型")).setCellValue("住房鉴定");
      row.createCell(column.get("发生时间")).setCellValue("2026-04-01");
      row.createCell(column.get("信息来源")).setCellValue("部门推送");
      row.createCell(column.get("报送部门")).setCellValue("住建局");
      row.createCell(column.get("等级")).setCellValue("C级");
      workbook.write(out);
      filled = out.toByteArray();
    }

    MvcTestResult result = multipart(EVENTS, "农户事件导入模板.xlsx", XLSX, filled);
    assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    JsonNode report = json(result);
    // the example row (its id begins with 示例) is not imported
    assertThat(report.get("received").asInt()).isEqualTo(1);
    assertThat(report.get("results").get(0).get("row").asInt()).isEqualTo(3);
    JsonNode landed = landed("eventId", List.of(id)).get(id);
    assertThat(landed.get("type").stringValue()).isEqualTo("HOUSING_ASSESSED");
    assertThat(landed.get("data").get("grade").stringValue()).isEqualTo("C");
  }

  @Test
  void servesThePaymentTemplateAndImportingItUnchangedTakesNothing() throws IOException {
    MvcTestResult download =
        mvc.get()
            .uri("/api/v1/imports/template.xlsx?kind=subsidy-payments")
            .header(HttpHeaders.AUTHORIZATION, basic("ingest"))
            .exchange();
    assertThat(download).hasStatusOk();
    byte[] template = download.getResponse().getContentAsByteArray();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("发放编号");
    }
    assertThat(multipart(PAYMENTS, "资金发放导入模板.xlsx", XLSX, template))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("没有数据行");
  }

  @Test
  void countsRowsByFormatAndFilesByEncoding() throws IOException {
    body(EVENTS, XLSX, workbook(newId(), newId()));
    body(
        PAYMENTS,
        "text/csv",
        ("发放编号,户编号,补助项目,所属期,金额,发放时间\n" + newId() + ",430421-105-00540,低保,2026-03,720,2026-03-10\n")
            .getBytes(GB18030));

    assertThat(mvc.get().uri("/actuator/prometheus"))
        .hasStatusOk()
        .bodyText()
        .containsPattern(
            "shouwang_ingest_records_total\\{[^}]*channel=\"xlsx\"[^}]*outcome=\"accepted\"")
        .containsPattern(
            "shouwang_ingest_records_total\\{[^}]*channel=\"xlsx\"[^}]*outcome=\"rejected\"")
        .containsPattern(
            "shouwang_ingest_import_files_total\\{[^}]*encoding=\"gb18030\"[^}]*format=\"csv\""
                + "[^}]*outcome=\"read\"[^}]*upload=\"body\"")
        .containsPattern(
            "shouwang_ingest_import_files_total\\{[^}]*encoding=\"none\"[^}]*format=\"xlsx\"");
  }
}
