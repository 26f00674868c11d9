package org.shouwang.console.browser;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by the Debian chromedriver, given explicitly so that Selenium
 * Manager never downloads anything. Without them: skipped locally, failed under CI.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String INSTALL =
      "Browser tests need Chromium and its driver: apt-get install chromium chromium-driver"
          + " fonts-noto-cjk (expected at /usr/bin/chromium and /usr/bin/chromedriver)";

  final ChromeDriver driver;
  final Path downloads;
  private final ConsoleStack stack;

  private Browser(ChromeDriver driver, Path downloads, ConsoleStack stack) {
    this.driver = driver;
    this.downloads = downloads;
    this.stack = stack;
  }

  /** Checks for the browser before the stack is started (skipping must be cheap). */
  static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      if (System.getenv("CI") != null) {
        fail(INSTALL);
      }
      assumeTrue(false, INSTALL);
    }
  }

  static Browser open(ConsoleStack stack) {
    requireChromium();
    try {
      Path downloads = Files.createTempDirectory("console-downloads");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-dev-shm-usage",
          "--disable-gpu",
          "--lang=zh-CN",
          "--window-size=1280,900");
      Map<String, Object> prefs = new HashMap<>();
      prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
      prefs.put("download.prompt_for_download", false);
      options.setExperimentalOption("prefs", prefs);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      return new Browser(driver, downloads, stack);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to 20 s; an element read while its page reloads (htmx, a refresh) is read again. */
  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  void get(String path) {
    driver.get(stack.consoleUrl(path));
  }

  /** Logs in on the login page the browser is on, or goes there first. */
  void login(String username, String password) {
    if (!driver.getCurrentUrl().contains("/login")) {
      get("/login");
    }
    WebElement user = waiting().until(ExpectedConditions.elementToBeClickable(By.id("username")));
    user.clear();
    user.sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login")).click();
  }

  void logout() {
    driver.findElement(By.id("logout")).click();
    waiting().until(ExpectedConditions.urlContains("/login"));
  }

  /** A fresh session: no cookie from an earlier test. */
  void reset() {
    get("/login");
    driver.manage().deleteAllCookies();
  }

  String text(String id) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
  }

  void click(String id) {
    waiting().until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  void type(String id, String text) {
    WebElement field = waiting().until(ExpectedConditions.elementToBeClickable(By.id(id)));
    field.clear();
    field.sendKeys(text);
  }

  String page() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** A full-page PNG at the given width, as a phone (360) or a desktop (1280) shows it. */
  Path screenshot(String name, int width) {
    boolean mobile = width < 600;
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            mobile ? 760 : 900,
            "deviceScaleFactor",
            1,
            "mobile",
            mobile));
    driver.navigate().refresh();
    waiting().until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
