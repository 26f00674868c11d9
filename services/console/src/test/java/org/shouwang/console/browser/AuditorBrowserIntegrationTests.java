package org.shouwang.console.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.console.browser.ConsoleStack.PASSWORD;
import static org.shouwang.console.browser.ConsoleStack.TOWNSHIP;
import static org.shouwang.console.browser.ConsoleStack.TOWNSHIP_NAME;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.shouwang.console.browser.ConsoleStack.Household;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/** The audit office in a real browser: findings, a household's timeline, verify, export. */
class AuditorBrowserIntegrationTests extends BrowserTestSupport {

  @Test
  void anAuditorReadsAHouseholdsTimelineVerifiesTheChainAndExportsCsvWithChineseIntact()
      throws IOException {
    Household h =
        stack.householdWithCase(
            TOWNSHIP,
            TOWNSHIP_NAME,
            "cadre-0001",
            Rule.INCOME_DROP,
            Severity.MEDIUM,
            "家庭年收入较上年下降 45%");
    stack.alert(
        h.householdId(),
        Rule.DUPLICATE_PAYMENT,
        Severity.HIGH,
        "同一期低保重复发放 2 次",
        TOWNSHIP,
        h.village(),
        "cadre-0001",
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(3),
        List.of("pay-1", "pay-2"));
    String finding = stack.auditFindingOf(h.householdId());

    browser.get("/cases");
    browser.login("auditor", PASSWORD);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-list")));
    assertThat(browser.driver.getPageSource()).contains(finding).doesNotContain(h.caseId());
    assertThat(browser.page()).contains("审计发现案件", "同一期补贴重复发放");

    // the audit office reads a cadre's case but does not work it, as the API allows
    browser.get("/cases/" + h.caseId());
    assertThat(browser.text("read-only")).isEqualTo("您可以查看此案件，但无权办理。");
    assertThat(browser.driver.findElements(By.cssSelector("#actions button"))).isEmpty();
    // and works the audit finding
    browser.get("/cases/" + finding);
    assertThat(browser.driver.findElements(By.id("acknowledge"))).hasSize(1);

    browser.get("/audit");
    browser.type("audit-household", h.householdId());
    browser.click("audit-submit");
    browser
        .waiting()
        .until(
            d -> {
              String text = d.findElement(By.tagName("body")).getText();
              if (text.contains("预警：同一期补贴重复发放")) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
    assertThat(browser.text("audit-timeline"))
        .contains("农户事件：农户登记", "预警：收入大幅下降", "家庭年收入较上年下降 45%", "预警：同一期补贴重复发放")
        .doesNotContain("HOUSEHOLD_REGISTERED", "INCOME_DROP");
    browser.screenshot("auditor-timeline", 1280);
    browser.screenshot("auditor-timeline", 360);

    browser.click("verify");
    assertThat(browser.text("verify-status")).isEqualTo("校验通过：哈希链完整，未发现篡改。");
    assertThat(Long.parseLong(browser.text("verify-checked"))).isPositive();
    assertThat(browser.text("verify-checkpoints")).startsWith("匹配 ");

    browser.click("export-csv");
    Path csv =
        browser
            .waiting()
            .until(
                d -> {
                  try (Stream<Path> files = Files.list(browser.downloads)) {
                    return files
                        .filter(f -> f.getFileName().toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
                  } catch (IOException e) {
                    return null;
                  }
                });
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow()).contains("sequence", "kind");
    assertThat(text)
        .contains(h.householdId(), TOWNSHIP_NAME, "幸福村" + h.village().substring(9))
        .contains("家庭年收入较上年下降 45%");
  }

  @Test
  void theAuditSearchFindsWhatACadreDid() throws Exception {
    Household h =
        stack.householdWithCase(
            TOWNSHIP,
            TOWNSHIP_NAME,
            "cadre-0002",
            Rule.LABOUR_LOSS,
            Severity.HIGH,
            "家庭唯一劳动力因病丧失劳动能力");
    assertThat(
            stack
                .call(
                    "alerting",
                    "POST",
                    "/api/v1/cases/" + h.caseId() + "/acknowledge",
                    "cadre-0002",
                    "{\"note\":\"已上门\"}")
                .statusCode())
        .isEqualTo(200);

    browser.get("/audit");
    browser.login("auditor", PASSWORD);
    browser.get("/audit?actor=cadre-0002&kind=CASE");
    browser
        .waiting()
        .until(
            d -> {
              if (d.getPageSource().contains(h.householdId())) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
    assertThat(browser.text("audit-table")).contains("案件：签收", "cadre-0002", h.householdId());
    assertThat(browser.driver.findElements(By.id("export-jsonl"))).hasSize(1);
  }
}
