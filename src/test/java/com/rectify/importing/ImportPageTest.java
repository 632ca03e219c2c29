package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.rectify.RectifyApplicationTest;
import com.rectify.browser.Browsers;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import page in Chromium, after logging into Tasklist as the head of audit: dry run, then import. */
@RectifyApplicationTest
class ImportPageTest {

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired RecommendationRepository recommendations;

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  @Test
  void anAuditManagerDryRunsThenImportsASheetFromThePage() {
    String audit = "PAGE-" + UUID.randomUUID().toString().substring(0, 6);
    byte[] sheet = ("Audit,Rec No.,Recommendation,Rating,Lead Officer,By When\n"
        + audit + ",1,Keep a register of gifts.,Merits Attention,Olivia Officer,31 May 2030\n"
        + audit + ",2,Publish the register.,Requires Attention,Olivia Officer,TBC\n").getBytes(StandardCharsets.UTF_8);
    try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
      BrowserContext context = browser.newContext();
      context.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
      Page page = context.newPage();
      Browsers.loginToTasklist(page, "http://localhost:" + port, "helen", DemoUsers.PASSWORD);

      page.navigate("http://localhost:" + port + "/imports");
      page.locator("#file").setInputFiles(new FilePayload("gifts.csv", "text/csv", sheet));
      page.locator("main button[type=submit]").click();
      // The answer is a new page; its status is awaited, not the one the page may still show from before.
      PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("dry run, nothing written");
      assertThat(page.locator("[role=status]").textContent()).contains("2 new", "0 error(s)");
      assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();

      page.locator("#file").setInputFiles(new FilePayload("gifts.csv", "text/csv", sheet));
      page.locator("input[name=dryRun]").uncheck();
      page.locator("main button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("imported —");
      assertThat(page.locator("[role=status]").textContent()).contains("2 new");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-page.png")).setFullPage(true));
      assertThat(recommendations.findByBusinessKey(audit + "/1")).isPresent();
      assertThat(recommendations.findByBusinessKey(audit + "/2").orElseThrow().getGrade().name()).isEqualTo("MEDIUM");
      context.close();
    }
  }
}
