package com.rectify.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/** Browser windows of a test, each signed in as one user through the login page and watched for console errors. */
final class SignedInWindows {

  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<ConsoleErrors> consoles = new ArrayList<>();

  /** A window of its own (own cookies) 1280 px wide and {@code height} high, signed in as the demo user. */
  Page open(Browser browser, String baseUrl, String user, int height) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(Screens.DESKTOP_WIDTH, height));
    context.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
    contexts.add(context);
    Page page = context.newPage();
    consoles.add(ConsoleErrors.watch(page, user));
    Browsers.loginToTasklist(page, baseUrl, user);
    return page;
  }

  /** Every console error any of the windows logged. */
  List<String> consoleErrors() {
    return consoles.stream().flatMap(c -> c.errors().stream()).toList();
  }

  void closeAll() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    consoles.clear();
  }
}
