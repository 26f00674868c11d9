package org.shouwang.console.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.console.browser.ConsoleStack.OTHER_TOWNSHIP;
import static org.shouwang.console.browser.ConsoleStack.OTHER_TOWNSHIP_NAME;
import static org.shouwang.console.browser.ConsoleStack.PASSWORD;
import static org.shouwang.console.browser.ConsoleStack.TOWNSHIP;
import static org.shouwang.console.browser.ConsoleStack.TOWNSHIP_NAME;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.console.browser.ConsoleStack.Household;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/** Supervisors in a real browser: a township supervisor sees their township only. */
class SupervisorBrowserIntegrationTests extends BrowserTestSupport {

  @Test
  void aTownshipSupervisorSeesOnlyTheirTownshipMostUrgentFirst() {
    Household low =
        stack.householdWithCase(
            TOWNSHIP, TOWNSHIP_NAME, "cadre-0001", Rule.UNSAFE_WATER, Severity.LOW, "饮水评估不达标");
    Household critical =
        stack.householdWithCase(
            TOWNSHIP,
            TOWNSHIP_NAME,
            "cadre-0002",
            Rule.DISASTER_LOSS,
            Severity.CRITICAL,
            "洪涝灾害房屋倒塌");
    Household elsewhere =
        stack.householdWithCase(
            OTHER_TOWNSHIP,
            OTHER_TOWNSHIP_NAME,
            "cadre-0002",
            Rule.LOAN_OVERDUE,
            Severity.CRITICAL,
            "小额信贷逾期 95 天");

    browser.get("/cases");
    browser.login("supervisor-101", PASSWORD);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-list")));
    String source = browser.driver.getPageSource();
    assertThat(source).contains(low.caseId(), critical.caseId()).doesNotContain(elsewhere.caseId());
    List<String> order =
        browser.driver.findElements(By.cssSelector("#case-list .item")).stream()
            .map(e -> e.getAttribute("data-case"))
            .toList();
    assertThat(order.indexOf(critical.caseId())).isLessThan(order.indexOf(low.caseId()));
    assertThat(browser.page()).contains("本乡镇案件", TOWNSHIP_NAME).doesNotContain(OTHER_TOWNSHIP_NAME);

    // not by URL, not by a search
    browser.get("/cases/" + elsewhere.caseId());
    assertThat(browser.text("problem")).isEqualTo("未找到该案件或记录，或您无权查看。");
    browser.get("/cases?householdId=" + elsewhere.householdId());
    assertThat(browser.text("no-cases")).contains("没有符合条件的案件");

    // a case of the township: the supervisor may work it, as the API allows
    browser.get("/cases/" + critical.caseId());
    assertThat(browser.text("case-state")).isEqualTo("待签收");
    assertThat(browser.driver.findElements(By.id("acknowledge"))).hasSize(1);
  }

  @Test
  void theCountySupervisorFiltersTheWholeCounty() {
    Household here =
        stack.householdWithCase(
            TOWNSHIP,
            TOWNSHIP_NAME,
            "cadre-0001",
            Rule.SCHOOL_DROPOUT,
            Severity.HIGH,
            "义务教育阶段子女辍学");
    Household there =
        stack.householdWithCase(
            OTHER_TOWNSHIP,
            OTHER_TOWNSHIP_NAME,
            "cadre-0002",
            Rule.SCHOOL_DROPOUT,
            Severity.HIGH,
            "义务教育阶段子女辍学");

    browser.get("/cases");
    browser.login("supervisor", PASSWORD);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-list")));
    assertThat(browser.driver.getPageSource()).contains(here.caseId(), there.caseId());
    assertThat(browser.page()).contains("全县案件");

    new Select(browser.driver.findElement(By.id("filter-township"))).selectByValue(OTHER_TOWNSHIP);
    new Select(browser.driver.findElement(By.id("filter-rule"))).selectByValue("SCHOOL_DROPOUT");
    browser.click("filter-apply");
    browser
        .waiting()
        .until(
            d ->
                !d.getPageSource().contains(here.caseId())
                    && d.getPageSource().contains(there.caseId()));
    assertThat(browser.driver.getCurrentUrl()).contains("township=" + OTHER_TOWNSHIP);
    assertThat(browser.text("case-list")).contains(OTHER_TOWNSHIP_NAME, "义务教育阶段辍学");

    browser.get("/cases");
    browser.screenshot("supervisor-cases", 1280);
    browser.screenshot("supervisor-cases", 360);
  }
}
