package com.rectify.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One headless Chromium for a test class: {@code @RegisterExtension static final Chromium chromium = new Chromium();} */
public class Chromium implements BeforeAllCallback, AfterAllCallback {

  private Playwright playwright;
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    browser.close();
    playwright.close();
  }

  public Browser browser() {
    return browser;
  }
}
