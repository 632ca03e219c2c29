package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.rectify.audit.AuditService;
import com.rectify.audit.NewAudit;
import com.rectify.demo.DemoUsers;
import com.rectify.demo.TasklistFilters;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The new user's walk through, in Chromium against Camunda Tasklist: the officer agrees an action,
 * uploads evidence on the page the form links to and submits it; the auditor claims the review and
 * accepts. Screenshots of each step go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistJourneyTest {

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired TasklistFilters filters;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  private final List<String> consoleErrors = new ArrayList<>();

  @Test
  void anOfficerAndAnAuditorCloseARecommendationInTasklist() throws Exception {
    demoUsers.ensure();
    filters.ensureFilters();
    String reference = "UI-" + UUID.randomUUID().toString().substring(0, 6);
    audits.create(new NewAudit(reference, "Payroll", "finance", LocalDate.now(), List.of(new NewAudit.NewRecommendation(
        "1", "Payroll exception reports must be reviewed and signed each month.", null, "High", "Olivia Officer", null))), "helen");
    String key = reference + "/1";
    Path evidenceFile = Files.createTempFile("signed-report", ".pdf");
    Files.writeString(evidenceFile, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", StandardCharsets.US_ASCII);

    try (BrowserContext officer = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
      Page page = login(officer, "olivia");
      openTask(page, "Agree management action · " + key);
      page.getByText("We agree and will act").click();
      page.locator("textarea").first().fill("Exception reports will be signed by the payroll manager each month.");
      page.locator("input.fjs-input[type=text]").first().fill("31/03/2030");
      shot(page, "1-agree-action");
      complete(page);

      openTask(page, "Implement action · " + key);
      shot(page, "2-implement-action");
      page.getByText("Open the evidence page").click();
      page.waitForURL("**/recommendations/*/evidence");
      page.locator("#file").setInputFiles(evidenceFile);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
      page.getByText("Uploaded signed-report").waitFor();
      shot(page, "3-evidence-page");

      page.getByText("Back to Tasklist").click();
      page.getByText("My tasks").first().waitFor();
      openTask(page, "Implement action · " + key);
      page.getByText("Submit evidence for audit review").click();
      page.locator("textarea").first().fill("Signed exception report for March.");
      shot(page, "4-submit-evidence");
      complete(page);
    }

    try (BrowserContext auditor = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
      Page page = login(auditor, "alice");
      page.getByText("My group's tasks").click();
      openTask(page, "Review evidence · " + key);
      page.getByText("Claim", new Page.GetByTextOptions().setExact(true)).click();
      page.getByText("Implemented — close the recommendation").click();
      page.locator("textarea").first().fill("Signed report seen; control operating.");
      shot(page, "5-review-evidence");
      complete(page);
    }

    Recommendation rec = recommendations.findByBusinessKey(key).orElseThrow();
    managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(key).singleResult().getId()).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    assertThat(recommendations.findById(rec.getId()).orElseThrow().getStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);
    assertThat(consoleErrors).isEmpty();
  }

  private Page login(BrowserContext context, String user) {
    context.setDefaultTimeout(60_000);
    Page page = context.newPage();
    page.onConsoleMessage(message -> {
      // Tasklist asks who is logged in before the login; its 404 is how it learns "nobody".
      if ("error".equals(message.type()) && !message.text().contains("404")) {
        consoleErrors.add(user + ": " + message.text());
      }
    });
    Browsers.loginToTasklist(page, "http://localhost:" + port, user, DemoUsers.PASSWORD);
    return page;
  }

  private static void openTask(Page page, String name) {
    page.locator(".tasks-list").getByText(name).click();
    page.locator(".fjs-container").waitFor();
  }

  private static void complete(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    page.locator(".fjs-container").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
  }

  private static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "tasklist-" + name + ".png")).setFullPage(true));
  }
}
