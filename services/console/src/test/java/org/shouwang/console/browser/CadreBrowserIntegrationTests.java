package org.shouwang.console.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shouwang.console.browser.ConsoleStack.OTHER_TOWNSHIP;
import static org.shouwang.console.browser.ConsoleStack.OTHER_TOWNSHIP_NAME;
import static org.shouwang.console.browser.ConsoleStack.PASSWORD;
import static org.shouwang.console.browser.ConsoleStack.TOWNSHIP;
import static org.shouwang.console.browser.ConsoleStack.TOWNSHIP_NAME;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.shouwang.console.browser.ConsoleStack.Household;
import org.shouwang.events.Rule;
import org.shouwang.events.Severity;

/** A cadre in a real browser: the deep link, the whole case, what they must never see, login. */
class CadreBrowserIntegrationTests extends BrowserTestSupport {

  @Test
  void cadreWorksACaseFromItsDeepLinkToTheEndAndTheAuditLogShowsEveryStep() {
    Household h =
        stack.householdWithCase(
            TOWNSHIP,
            TOWNSHIP_NAME,
            "cadre-0001",
            Rule.MEDICAL_BURDEN,
            Severity.HIGH,
            "近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元");

    // the notification's deep link, not logged in: login, then back to the case
    browser.get("/cases/" + h.caseId());
    browser.waiting().until(ExpectedConditions.urlContains("/login"));
    browser.login("cadre-0001", PASSWORD);
    browser.waiting().until(ExpectedConditions.urlContains("/cases/" + h.caseId()));

    assertThat(browser.text("case-state")).isEqualTo("待签收");
    assertThat(browser.text("township")).isEqualTo(TOWNSHIP_NAME);
    assertThat(browser.text("village")).isEqualTo("幸福村" + h.village().substring(9));
    String page = browser.page();
    assertThat(page)
        .contains("医疗支出负担重", "近12个月合规自付医疗费用 8,500 元", "evt-" + h.householdId() + "-1")
        .doesNotContain("MEDICAL_BURDEN", "HIGH", "OPEN");
    assertThat(browser.driver.findElements(By.id("verify-confirm"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("resolve"))).isEmpty();
    browser.screenshot("cadre-case", 360);
    browser.screenshot("cadre-case", 1280);

    browser.type("acknowledge-note", "已电话联系户主");
    browser.click("acknowledge");
    assertThat(browser.text("flash-success")).isEqualTo("已签收。");
    assertThat(browser.text("case-state")).isEqualTo("已签收");
    assertThat(browser.driver.findElements(By.id("acknowledge"))).isEmpty();

    browser.type("verify-reason", "入户核实属实，住院费用单据齐全");
    browser.click("verify-confirm");
    assertThat(browser.text("case-state")).isEqualTo("核实属实");

    new Select(browser.driver.findElement(By.id("measure-kind"))).selectByValue("HEALTH");
    browser.type("measure-description", "申请医疗救助");
    browser.type("measure-amount", "3000");
    browser.click("measure");
    assertThat(browser.text("case-state")).isEqualTo("帮扶中");
    assertThat(browser.page()).contains("健康帮扶", "申请医疗救助", "3,000.00");

    browser.type("resolve-outcome", "医疗救助到位，自付降至预警线以下");
    browser.click("resolve");
    assertThat(browser.text("case-state")).isEqualTo("已办结");
    assertThat(browser.driver.findElements(By.cssSelector("#actions button"))).isEmpty();
    assertThat(browser.text("history")).contains("签收", "核实属实", "录入帮扶措施", "办结");

    browser.logout();
    browser.login("auditor", PASSWORD);
    browser.get("/audit?householdId=" + h.householdId());
    browser
        .waiting()
        .until(
            d -> {
              d.navigate().refresh();
              String timeline = d.findElement(By.tagName("body")).getText();
              return List.of("案件：签收", "案件：核实属实", "案件：录入帮扶措施", "案件：办结").stream()
                  .allMatch(timeline::contains);
            });
    List<String> steps =
        browser.driver.findElements(By.cssSelector("#audit-timeline .audit-entry")).stream()
            .map(e -> e.getText())
            .filter(t -> t.startsWith("案件：") && !t.startsWith("案件：立案") && !t.contains("通知"))
            .toList();
    assertThat(steps).hasSize(4).allSatisfy(step -> assertThat(step).contains("cadre-0001"));
  }

  @Test
  void aCadreNeverSeesAnotherCadresCaseOrAnAuditFindingInListsByUrlOrThroughASearch() {
    Household own =
        stack.householdWithCase(
            TOWNSHIP, TOWNSHIP_NAME, "cadre-0001", Rule.LOW_INCOME, Severity.MEDIUM, "人均纯收入低于监测线");
    Household other =
        stack.householdWithCase(
            OTHER_TOWNSHIP,
            OTHER_TOWNSHIP_NAME,
            "cadre-0002",
            Rule.UNSAFE_HOUSING,
            Severity.CRITICAL,
            "住房鉴定为D级危房");
    stack.alert(
        own.householdId(),
        Rule.PAYMENT_SHORTFALL,
        Severity.HIGH,
        "低保实发金额低于标准",
        TOWNSHIP,
        own.village(),
        "cadre-0001",
        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5),
        List.of());
    String finding = stack.auditFindingOf(own.householdId());

    browser.get("/cases");
    browser.login("cadre-0001", PASSWORD);
    browser.waiting().until(ExpectedConditions.urlContains("/cases"));
    assertThat(browser.text("case-list")).contains(own.householdId());
    String list = browser.driver.getPageSource();
    assertThat(list).contains(own.caseId()).doesNotContain(other.caseId(), finding);
    browser.screenshot("cadre-cases", 360);

    // a search for the other cadre's household finds nothing
    browser.get("/cases?householdId=" + other.householdId());
    assertThat(browser.text("no-cases")).contains("没有符合条件的案件");
    assertThat(browser.driver.getPageSource()).doesNotContain(other.caseId());

    // the URL of the other cadre's case, and of the audit finding on the cadre's own household
    browser.get("/cases/" + other.caseId());
    assertThat(browser.text("problem")).isEqualTo("未找到该案件或记录，或您无权查看。");
    assertThat(browser.page()).doesNotContain(other.householdId(), "住房鉴定为D级危房");
    browser.get("/cases/" + finding);
    assertThat(browser.text("problem")).isEqualTo("未找到该案件或记录，或您无权查看。");
    assertThat(browser.page()).doesNotContain("低保实发金额低于标准");

    // and the audit log, where every household's history is
    browser.get("/audit?householdId=" + other.householdId());
    assertThat(browser.text("problem")).isEqualTo("您的角色无权查看此页面。");
    assertThat(browser.page()).doesNotContain(other.householdId());
  }

  @Test
  void anActionTheCaseNoLongerAllowsIsRefusedWithASentence() throws Exception {
    Household h =
        stack.householdWithCase(
            TOWNSHIP, TOWNSHIP_NAME, "cadre-0001", Rule.UNINSURED, Severity.LOW, "家庭成员未参加城乡居民医保");
    browser.get("/cases/" + h.caseId());
    browser.login("cadre-0001", PASSWORD);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("acknowledge")));

    // meanwhile acknowledged elsewhere (the app, another tab)
    assertThat(
            stack
                .call(
                    "alerting",
                    "POST",
                    "/api/v1/cases/" + h.caseId() + "/acknowledge",
                    "cadre-0001",
                    "{}")
                .statusCode())
        .isEqualTo(200);
    browser.click("acknowledge");
    assertThat(browser.text("flash-error")).isEqualTo("未能签收：该案件当前状态为「已签收」，此操作已不可执行，页面已更新为最新状态。");
    assertThat(browser.page()).doesNotContain("Exception", "409", "ACKNOWLEDGED");
  }

  @Test
  void aWrongPasswordSaysSoAndFiveInARowSlowTheAccountDown() {
    browser.get("/login");
    browser.screenshot("login", 360);
    browser.login("medical-insurance", "wrong");
    assertThat(browser.text("login-error")).isEqualTo("用户名或密码错误，请重新输入。");
    for (int i = 2; i <= 5; i++) {
      browser.login("medical-insurance", "wrong-" + i);
      assertThat(browser.text("login-error")).isEqualTo("用户名或密码错误，请重新输入。");
    }
    // even the right password waits now
    browser.login("medical-insurance", PASSWORD);
    assertThat(browser.text("login-error")).contains("连续多次密码错误", "暂停登录", "秒后再试");
    assertThat(browser.driver.getCurrentUrl()).contains("/login");
  }

  @Test
  void theInboxShowsTheCadresNotificationsAndTheUnreadCount() {
    Household h =
        stack.householdWithCase(
            TOWNSHIP,
            TOWNSHIP_NAME,
            "cadre-0002",
            Rule.BUSINESS_FAILURE,
            Severity.HIGH,
            "养殖项目因疫病全部损失");
    browser.get("/inbox");
    browser.login("cadre-0002", PASSWORD);
    browser
        .waiting()
        .until(
            d -> {
              if (d.findElement(By.tagName("body")).getText().contains("产业项目失败")) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
    browser.screenshot("cadre-inbox", 360);
    long unread = Long.parseLong(browser.text("inbox-unread"));
    assertThat(unread).isPositive();
    assertThat(browser.page()).contains(h.householdId().substring(0, 10)).doesNotContain("RULE");
    browser.driver.findElements(By.cssSelector("button.mark-read")).get(0).click();
    browser.waiting().until(d -> Long.parseLong(browser.text("inbox-unread")) == unread - 1);
  }

  @Test
  void logoutEndsTheSession() {
    browser.get("/cases");
    browser.login("cadre-0002", PASSWORD);
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    browser.logout();
    assertThat(browser.text("login-info")).isEqualTo("您已安全退出。");
    browser.get("/cases");
    browser.waiting().until(ExpectedConditions.urlContains("/login"));
    assertThat(browser.driver.findElements(By.id("logout"))).isEmpty();
  }
}
