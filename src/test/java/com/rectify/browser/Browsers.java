package com.rectify.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
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

  /** How long one page of the product or the webapps may take on a loaded machine before a test gives up. */
  public static final double PAGE_TIMEOUT = 90_000;

  /** How long Tasklist is given to show something before it is loaded again. */
  private static final double TASKLIST_TRY = 90_000;

  /** How many times Tasklist is loaded in all before a test gives up. */
  private static final int TASKLIST_TRIES = 3;

  private Browsers() {}

  /** Playwright for a test; its assertions ({@code PlaywrightAssertions}) then wait as long as a page may take. */
  public static Playwright playwright() {
    PlaywrightAssertions.setDefaultAssertionTimeout(PAGE_TIMEOUT);
    if (Files.isExecutable(SYSTEM_CHROMIUM)) {
      return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
    try {
      return Playwright.create();
    } catch (RuntimeException noBrowser) {
      throw new IllegalStateException("The browser tests need Chromium. None is at " + SYSTEM_CHROMIUM
          + ", and Playwright could not fetch its own (is this machine offline?). Install Chromium"
          + " (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable.", noBrowser);
    }
  }

  /** Signs in as a demo user (password "demo") and opens Tasklist, signed in as that user. */
  public static void loginToTasklist(Page page, String baseUrl, String user) {
    loginToTasklist(page, baseUrl, user, "demo");
  }

  /**
   * Signs in on Rectify's login page (one login for the product and the Camunda webapps) and opens Tasklist,
   * which then knows the user without a login of its own. Tasklist draws itself with scripts after the page
   * has loaded, late on a busy machine: it is waited for as {@link #untilVisible} waits. The page then waits up to
   * {@link #PAGE_TIMEOUT} for each step.
   */
  public static void loginToTasklist(Page page, String baseUrl, String user, String password) {
    page.setDefaultTimeout(PAGE_TIMEOUT);
    page.navigate(baseUrl + "/login");
    page.locator("#username").fill(user);
    page.locator("#password").fill(password);
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(PAGE_TIMEOUT));
    // Signing in lands on Tasklist unless a page was asked for first; loading it twice at once would
    // interrupt its scripts half-way.
    if (!page.url().contains("/camunda/app/tasklist/")) {
      page.navigate(baseUrl + "/camunda/app/tasklist/default/");
    }
    untilVisible(page, page.getByText("My tasks").first(), "Tasklist's filters for " + user);
  }

  /**
   * Waits until Tasklist shows what the locator finds, loading the page again when it has not within a minute
   * and a half, three times at most. Tasklist draws itself with scripts after the page has loaded (late on a
   * busy machine, and a page loaded while the machine was starved may never finish). Fails with a screenshot of
   * what it showed instead.
   */
  public static void untilVisible(Page page, Locator locator, String what) {
    for (int attempt = 1; ; attempt++) {
      try {
        locator.waitFor(new Locator.WaitForOptions().setTimeout(TASKLIST_TRY));
        return;
      } catch (TimeoutError notYet) {
        if (attempt == TASKLIST_TRIES) {
          Path shot = Path.of("target", "screenshots", "not-shown", what.replaceAll("[^A-Za-z0-9-]+", "_") + ".png");
          page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
          throw new AssertionError(what + " not shown after " + TASKLIST_TRIES + " loads of " + page.url() + " (see " + shot + ")",
              notYet);
        }
        // Loaded anew by navigating through an empty page rather than by reloading. Reloads left Tasklist blank
        // (two in ten, tried on their own), its scripts refused by its own content security policy: Camunda 7.24's
        // webapps keep the nonce of the page being answered in one place for all requests, so a page answered
        // while another is can carry the other's nonce. Navigating so did not (none in ten).
        String address = page.url();
        page.navigate("about:blank");
        page.navigate(address);
      }
    }
  }

  /**
   * Waits until the page has loaded all it asked for: the document and every image in it (an image that fails
   * to load runs its error handler as it fails). A script smuggled into the page would have run by then.
   */
  public static void settled(Page page) {
    page.waitForLoadState(LoadState.LOAD);
    page.waitForFunction("() => document.readyState === 'complete' && Array.from(document.images).every(image => image.complete)");
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
