package org.shouwang.console.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test class shares: the one stack of the test JVM (alerting, audit and the
 * console on the shared broker and database), a headless Chromium per class, and a fresh session
 * (logged out, cookies gone) before each test.
 */
abstract class BrowserTestSupport {

  static ConsoleStack stack;
  static Browser browser;

  @BeforeAll
  static void start() {
    Browser.requireChromium();
    stack = ConsoleStack.get();
    browser = Browser.open(stack);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void freshSession() {
    browser.reset();
  }
}
