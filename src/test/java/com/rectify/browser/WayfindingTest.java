package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.TasklistFilterNames;
import com.rectify.demo.DemoUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each demo role signs in on the login page and lands where its work is (auditors and senior officers in Tasklist at
 * the filter of their groups' tasks), under one navigation that offers exactly
 * what the role may open (every Rectify page it offers answers, none refuses); Tasklist leads back to Rectify and
 * shows no banner asking council staff to migrate.
 */
@RectifyApplicationTest
class WayfindingTest {

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  /** Where each role lands after signing in. */
  private static final Map<String, String> LANDING = Map.of(
      "olivia", "/camunda/app/tasklist/default/",
      "alice", "/camunda/app/tasklist/default/",
      "sarah", "/camunda/app/tasklist/default/",
      "helen", "/dashboard",
      "sam", "/dashboard",
      "carol", "/reports/committee",
      "admin", "/camunda/app/admin/default/");

  /** What each role's navigation offers, in order. */
  private static final Map<String, List<String>> NAVIGATION = Map.of(
      "olivia", List.of("Dashboard", "Register", "Tasklist", "Accessibility"),
      "sam", List.of("Dashboard", "Register", "Tasklist", "Accessibility"),
      "sarah", List.of("Dashboard", "Register", "Committee report", "Tasklist", "Accessibility"),
      "alice", List.of("Dashboard", "Register", "Committee report", "Process analytics", "Tasklist", "Cockpit", "Accessibility"),
      "helen", List.of("Dashboard", "Register", "Committee report", "Process analytics", "Reporting cycles", "Import", "Mail",
          "Tasklist", "Cockpit", "Accessibility"),
      "carol", List.of("Dashboard", "Register", "Committee report", "Process analytics", "Tasklist", "Accessibility"),
      "admin", List.of("Committee report", "Mail", "Cockpit", "Users and groups", "Accessibility"));

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired FilterService filterService;

  private BrowserContext context;

  @BeforeEach
  void users() {
    demoUsers.ensure();
    context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT));
    context.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void eachRoleLandsWhereItsWorkIsAndItsNavigationOffersOnlyWhatOpens() {
    for (String user : List.of("olivia", "sam", "sarah", "alice", "helen", "carol", "admin")) {
      context.clearCookies();
      Page page = context.newPage();
      signIn(page, user);
      assertThat(path(page)).as("where %s lands", user).isEqualTo(LANDING.get(user));
      if (List.of("alice", "sarah").contains(user)) {
        assertThat(page.url()).as("%s's work is offered to their groups", user).endsWith("#/?filter=" + groupsTasksFilter());
      }

      page.navigate(url("/accessibility"));
      Locator links = page.locator("header.nav nav a");
      assertThat(links.allInnerTexts()).as("%s's navigation", user).isEqualTo(NAVIGATION.get(user));
      assertThat(page.locator("header.nav nav a[aria-current=page]").innerText()).isEqualTo("Accessibility");
      @SuppressWarnings("unchecked")
      List<String> addresses = (List<String>) links.evaluateAll("links => links.map(a => a.getAttribute('href'))");
      for (String href : addresses) {
        if (href.startsWith("/camunda/")) {
          continue;
        }
        Response answer = page.navigate(url(href));
        assertThat(answer.status()).as("%s opens %s from the navigation", user, href).isEqualTo(200);
        assertThat(page.locator("header.nav").count()).as("the navigation on %s for %s", href, user).isEqualTo(1);
      }
      page.close();
    }
  }

  @Test
  void signingOutFromTheNavigationEndsTheSession() {
    Page page = context.newPage();
    signIn(page, "helen");
    page.locator("header.nav").getByText("Sign out").click();
    page.waitForURL(address -> address.contains("/login"));
    Response again = page.navigate(url("/dashboard"));
    assertThat(path(page)).as("the dashboard after signing out").isEqualTo("/login");
    assertThat(again.ok()).isTrue();
  }

  @Test
  void tasklistLeadsBackToRectifyWithoutAMigrationBanner() {
    Page page = context.newPage();
    signIn(page, "olivia");
    Browsers.untilVisible(page, page.getByText("Back to Rectify"), "the way back to Rectify in Tasklist");
    assertThat(page.locator(".ce-eol-banner").isVisible()).as("Camunda's migration banner").isFalse();
    assertThat(page.getByText("time to migrate").isVisible()).isFalse();
    page.getByText("Back to Rectify").click();
    page.waitForURL(address -> address.endsWith("/dashboard"));
    assertThat(page.locator("h1").innerText()).startsWith("Where things stand");
  }

  @Test
  void theAccessibilityStatementIsPublic() {
    Page page = context.newPage();
    Response answer = page.navigate(url("/accessibility"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(page.locator("h1").innerText()).isEqualTo("Accessibility statement for Rectify");
    assertThat(page.locator("header.nav nav a").count()).as("nothing to open before signing in").isZero();
    assertThat(page.locator("header.nav form").count()).as("no sign-out before signing in").isZero();
  }

  private String groupsTasksFilter() {
    return filterService.createFilterQuery().filterName(TasklistFilterNames.MY_GROUPS_TASKS).orderByFilterId().asc().list()
        .get(0).getId();
  }

  private void signIn(Page page, String user) {
    page.navigate(url("/login"));
    page.locator("#username").fill(user);
    page.locator("#password").fill(DemoUsers.PASSWORD);
    page.locator("button[type=submit]").click();
    page.waitForURL(address -> !address.contains("/login"), new Page.WaitForURLOptions().setTimeout(Browsers.PAGE_TIMEOUT));
  }

  private static String path(Page page) {
    String address = page.url().replaceFirst("^https?://[^/]+", "");
    int cut = address.indexOf('#');
    address = cut < 0 ? address : address.substring(0, cut);
    cut = address.indexOf('?');
    return cut < 0 ? address : address.substring(0, cut);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
