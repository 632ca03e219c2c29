package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.rectify.RectifyApplicationTest;
import com.rectify.browser.Browsers;
import com.rectify.browser.Chromium;
import com.rectify.demo.DemoUsers;
import com.rectify.demo.TasklistFilters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One login for everything, in Chromium: a webapp sends a stranger to Rectify's login page, which explains
 * a refusal; signing in there opens Cockpit, Tasklist and Rectify's pages without another login; the
 * session cookie is HttpOnly, Secure and SameSite=Lax; Tasklist's "Log out" ends the one session.
 */
@RectifyApplicationTest
class SingleSignOnTest {

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired TasklistFilters filters;

  @Test
  void oneSignInOpensTheWebappsAndThePagesAndOneLogOutEndsIt() {
    demoUsers.ensure();
    filters.ensureFilters();
    String base = "http://localhost:" + port;
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = context.newPage();
      page.setDefaultTimeout(Browsers.PAGE_TIMEOUT);

      page.navigate(base + "/camunda/app/cockpit/default/");
      assertThat(page.url()).endsWith("/login");
      assertThat(page.title()).isEqualTo("Sign in — Rectify");

      page.locator("#username").fill("nobody-at-all");
      page.locator("#password").fill("guess");
      page.locator("button[type=submit]").click();
      assertThat(page.locator("#login-error").textContent()).contains("Wrong user name or password");

      page.locator("#username").fill("helen");
      page.locator("#password").fill(DemoUsers.PASSWORD);
      page.locator("button[type=submit]").click();
      page.waitForURL(url -> url.contains("/camunda/app/cockpit/"));
      page.getByText("Helen Head-of-Audit").first().waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "sso-cockpit.png")));

      Cookie session = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
      assertThat(session.httpOnly).isTrue();
      assertThat(session.secure).isTrue();
      assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);

      // Cockpit finishes loading before the browser moves on, as a person's next click would come after it.
      page.waitForLoadState(LoadState.NETWORKIDLE);
      page.navigate(base + "/camunda/app/tasklist/default/");
      Browsers.untilVisible(page, page.getByText("My tasks").first(), "Tasklist's filters after Cockpit");
      assertThat(page.locator("input[type=password]").count()).as("no second login in Tasklist").isZero();

      page.navigate(base + "/reporting-cycles");
      assertThat(page.locator("h1").textContent()).isEqualTo("Reporting cycles");

      page.navigate(base + "/camunda/app/tasklist/default/");
      Browsers.untilVisible(page, page.getByText("Helen Head-of-Audit").first(), "Tasklist's header after the pages");
      page.getByText("Helen Head-of-Audit").first().click();
      page.getByText("Log out").first().click();
      page.waitForURL(url -> url.contains("/login"));
      page.navigate(base + "/reporting-cycles");
      assertThat(page.url()).as("signed out of the pages too").endsWith("/login");
    }
  }

  @Test
  void browserTestsSignInThroughTheSharedHelper() {
    demoUsers.ensure();
    filters.ensureFilters();
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = context.newPage();
      Browsers.loginToTasklist(page, "http://localhost:" + port, "olivia");
      Locator user = page.getByText("Olivia Officer").first();
      user.waitFor();
      assertThat(page.url()).contains("/camunda/app/tasklist/");
    }
  }
}
