package org.shouwang.ingest.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shouwang.ingest.IngestWebSlice;
import org.shouwang.ingest.intake.Channel;
import org.shouwang.ingest.intake.Intake;
import org.shouwang.ingest.intake.IntakeReport;
import org.shouwang.ingest.intake.RecordKind;
import org.shouwang.ingest.intake.RecordResult;
import org.shouwang.ingest.intake.RecordStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /api/v1/imports/*} in the web slice: who may import, and the problem details of a
 * file refused as a whole. The intake is a mock.
 */
@IngestWebSlice
class CsvImportEndpointTests {

  private static final String PATH = "/api/v1/imports/subsidy-payments";
  private static final String HEADER =
      "paymentId,householdId,programme,period,amount,paidAt,payer\n";
  private static final String ROW =
      "p-1,430421-105-00123,MINIMUM_LIVING_ALLOWANCE,2026-03,720.00,2026-03-10 10:00,衡阳县民政局\n";

  @Autowired MockMvcTester mvc;
  @MockitoBean Intake intake;

  private MvcTestResult post(String user, String contentType, byte[] file) {
    return mvc.post()
        .uri(PATH)
        .with(httpBasic(user, "shouwang"))
        .contentType(contentType)
        .content(file)
        .exchange();
  }

  private MvcTestResult post(String user, String file) {
    return post(user, "text/csv", file.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesARequestWithoutCredentialsAsAProblem() {
    assertThat(mvc.post().uri(PATH).contentType("text/csv").content(HEADER + ROW))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.instance")
        .isEqualTo(PATH);
    assertThat(
            mvc.post()
                .uri(PATH)
                .with(httpBasic("civil-affairs", "not-the-password"))
                .contentType("text/csv")
                .content(HEADER + ROW))
        .hasStatus(HttpStatus.UNAUTHORIZED);
    verifyNoInteractions(intake);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cadre-0002", "supervisor-101", "auditor"})
  void refusesEveryRoleButIngestAndAdmin(String user) {
    assertThat(post(user, HEADER + ROW))
        .hasStatus(HttpStatus.FORBIDDEN)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("Your role may not do this.");
    verifyNoInteractions(intake);
  }

  @ParameterizedTest
  @ValueSource(strings = {"civil-affairs", "admin"})
  void importsTheRowsOfIngestAndAdminAccounts(String user) throws Exception {
    when(intake.ingest(any(), any(), anyList(), any()))
        .thenReturn(
            new IntakeReport(
                RecordKind.SUBSIDY_PAYMENT.tag(),
                1,
                1,
                0,
                0,
                0,
                List.of(new RecordResult(null, 2, "p-1", RecordStatus.ACCEPTED, List.of(), null))));

    assertThat(post(user, HEADER + ROW))
        .hasStatus(HttpStatus.ACCEPTED)
        .bodyJson()
        .extractingPath("$.results[0].row")
        .isEqualTo(2);
    verify(intake)
        .ingest(
            eq(RecordKind.SUBSIDY_PAYMENT),
            eq(Channel.CSV),
            argThat(candidates -> candidates.size() == 1 && candidates.get(0).row() == 2),
            argThat(sender -> sender.getUsername().equals(user)));
  }

  @Test
  void namesTheColumnOfABadHeader() {
    assertThat(post("civil-affairs", "paymentId," + HEADER + ROW))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.code").isEqualTo("MALFORMED_CSV");
              assertThat(json)
                  .extractingPath("$.detail")
                  .asString()
                  .contains("'paymentId' twice")
                  .contains("nothing was written");
            });
    verifyNoInteractions(intake);
  }

  @Test
  void refusesAFileInAnotherCharsetThanItsContentTypeSays() {
    byte[] gbk = (HEADER + ROW).getBytes(Charset.forName("GB18030"));

    assertThat(post("civil-affairs", "text/csv; charset=UTF-8", gbk))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("not valid UTF-8");
    verifyNoInteractions(intake);
  }

  @Test
  void refusesMoreRowsThanTheLimitAndAHeaderWithoutRows() {
    assertThat(post("admin", HEADER + ROW + ROW.replace("p-1", "p-2") + ROW.replace("p-1", "p-3")))
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .bodyJson()
        .satisfies(
            json -> {
              assertThat(json).extractingPath("$.code").isEqualTo("TOO_LARGE");
              assertThat(json).extractingPath("$.detail").asString().contains("at most 2");
            });
    assertThat(post("admin", HEADER))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("no data rows");
    verifyNoInteractions(intake);
  }
}
