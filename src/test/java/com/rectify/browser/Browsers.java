package com.rectify.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
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

  public static Browser chromium(Playwright playwright) {
    BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of(
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
    if (Files.isExecutable(SYSTEM_CHROMIUM)) {
      options.setExecutablePath(SYSTEM_CHROMIUM);
    }
    return playwright.chromium().launch(options);
  }
}
