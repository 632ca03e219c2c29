package com.rectify.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for browser tests: the system's Chromium where one is installed (CI installs
 * Debian's), otherwise the browser Playwright fetches for itself.
 */
public final class Browsers {

  private static final Path SYSTEM_CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

  private Browsers() {}

  public static Playwright playwright() {
    return Files.isExecutable(SYSTEM_CHROMIUM)
        ? Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))
        : Playwright.create();
  }

  /** Signs in as a demo user (password "demo") and opens Tasklist, signed in as that user. */
  public static void loginToTasklist(Page page, String baseUrl, String user) {
    loginToTasklist(page, baseUrl, user, "demo");
  }

  /**
   * Signs in on Rectify's login page (one login for the product and the Camunda webapps) and opens Tasklist,
   * which then knows the user without a login of its own. Tasklist draws itself with scripts after the page
   * has loaded, late on a busy machine, so the whole is tried again (up to three times) when it has not.
   */
  public static void loginToTasklist(Page page, String baseUrl, String user, String password) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      page.navigate(baseUrl + "/login");
      page.locator("#username").fill(user);
      page.locator("#password").fill(password);
      try {
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
        // Signing in lands on Tasklist unless a page was asked for first; loading it twice at once would
        // interrupt its scripts half-way.
        if (!page.url().contains("/camunda/app/tasklist/")) {
          page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        }
        page.getByText("My tasks").first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return;
      } catch (RuntimeException notYet) {
        last = notYet;
      }
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "login-failed-" + user + ".png")));
    throw last;
  }

  public static Browser chromium(Playwright playwright) {
    BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of(
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
    if (Files.isExecutable(SYSTEM_CHROMIUM)) {
      options.setExecutablePath(SYSTEM_CHROMIUM);
    }
    return playwright.chromium().launch(options);
  }
}
