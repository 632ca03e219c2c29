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

  /**
   * Logs into Camunda Tasklist as a demo user. Tasklist's login form is drawn by its scripts after the
   * page has loaded, and a busy machine can draw it late, so the form is filled once it holds what was
   * typed, and the login is tried again (up to three times) when Tasklist has not opened.
   */
  public static void loginToTasklist(Page page, String baseUrl, String user, String password) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      page.navigate(baseUrl + "/camunda/app/tasklist/default/");
      Locator username = page.locator("input[ng-model=\"username\"], #username, input[name=username]").first();
      Locator secret = page.locator("input[type=password]").first();
      username.waitFor();
      username.fill(user);
      secret.fill(password);
      if (!user.equals(username.inputValue()) || !password.equals(secret.inputValue())) {
        continue;
      }
      page.locator("button[type=submit]").click();
      try {
        page.getByText("My tasks").first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return;
      } catch (RuntimeException notYet) {
        last = notYet;
      }
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "login-failed-" + user + ".png")));
    throw last != null ? last : new IllegalStateException("Tasklist's login form never held what was typed");
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
