package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.rectify.RectifyApplicationTest;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.demo.DemoUsers;
import com.rectify.demo.TasklistFilters;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole lifecycle as people walk it, in Chromium against Camunda Tasklist, and what managers then see.
 * First journey: the officer agrees an action, comments on the next task and asks for a revised date; the
 * auditor approves it; the officer uploads evidence and submits it; the auditor sends it back, the officer adds
 * more, the auditor accepts; the dashboard, the register, the recommendation's page and the committee report
 * show the change. Second journey: management does not agree and the S151 officer accepts the risk.
 * Screenshots of each step go to target/screenshots/journey-*; the product's own pages are shot at 1280×800
 * and 390 px wide.
 */
@RectifyApplicationTest
class TasklistJourneyTest {

  private static final Pattern HEADLINE = Pattern.compile("(\\d+)\\s+Implemented in");

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired TasklistFilters filters;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired HistoryService historyService;

  private final SignedInWindows windows = new SignedInWindows();

  @AfterEach
  void closeBrowsers() {
    windows.closeAll();
  }

  @Test
  void anOfficerAndAnAuditorCloseARecommendationAfterARevisedDateAndASecondLookAtTheEvidence() throws Exception {
    String folder = "journey-implemented";
    String reference = newAudit("High", "Payroll exception reports must be reviewed and signed each month.");
    String key = reference + "/1";
    Path firstFile = pdf("signed-report");
    Path secondFile = pdf("countersigned-report");

    Page helen = login("helen");
    int implementedBefore = implementedThisQuarter(helen);

    Page olivia = login("olivia");
    openTask(olivia, key, "Agree management action · " + key);
    olivia.getByText("We agree and will act").click();
    olivia.locator("textarea").first().fill("Exception reports will be signed by the payroll manager each month.");
    olivia.locator("input.fjs-input[type=text]").first().fill("31/03/2030");
    Screens.desktop(olivia, folder, "1-agree-action");
    complete(olivia);

    openTask(olivia, key, "Implement action · " + key);
    addComment(olivia, "Waiting for the payroll supplier to confirm the upgrade date.", folder, "2-comment");
    olivia.getByText("Ask for a revised target date").click();
    olivia.getByLabel("Requested new target date").fill("30/06/2030");
    olivia.getByLabel("Reason for the revised date").fill("The payroll system upgrade moved to the summer.");
    Screens.desktop(olivia, folder, "2-ask-for-revised-date");
    complete(olivia);

    Page alice = login("alice");
    claimGroupTask(alice, key, "Approve revised target date · " + key);
    alice.getByText("Approve the revised target date").click();
    alice.locator("textarea").first().fill("Reasonable: the upgrade is outside the service's control.");
    Screens.desktop(alice, folder, "3-approve-revised-date");
    complete(alice);

    submitEvidence(olivia, key, firstFile, "Signed exception report for March.", folder, "4");
    review(alice, key, "More evidence needed — send back to the officer", "Please add the countersigned copy.", folder, "5");
    submitEvidence(olivia, key, secondFile, "Countersigned report added.", folder, "6");
    review(alice, key, "Implemented — close the recommendation", "Signed and countersigned reports seen; control operating.", folder, "7");
    runAsyncSteps(key);
    assertThat(recommendations.findByBusinessKey(key).orElseThrow().getStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);

    // The register finds it closed, with its revised date.
    helen.navigate(url("/register?q=" + reference));
    Locator row = helen.locator("#register tbody tr");
    assertThat(row.count()).isEqualTo(1);
    assertThat(row.first().innerText()).contains(key, "closed implemented", "30/06/2030", "revised 1×");
    Screens.both(helen, folder, "8-register");

    // Its page tells the story in order and the diagram shows where it ended.
    row.first().getByText(key).click();
    helen.waitForURL("**/recommendations/*");
    assertThat(helen.locator("#stages li[aria-current=step]").innerText()).contains("Closed: implemented", "(where it ended)");
    helen.locator("#whole-process summary").click();
    helen.locator("#diagram[data-ready=true]").waitFor();
    String timeline = helen.locator("#timeline").innerText();
    assertThat(timeline).containsSubsequence("Revision 1 asked: 31/03/2030 → 30/06/2030", "Revision 1 approved",
        "Evidence uploaded: signed-report", "Evidence reviewed: more evidence", "Evidence uploaded: countersigned-report",
        "Evidence reviewed: implemented", "→ closed implemented");
    assertThat(helen.locator("#diagram .djs-element.visited[data-element-id=EndEvent_ClosedImplemented]").count()).isEqualTo(1);
    assertThat(helen.locator("#status").innerText()).isEqualTo("closed implemented");
    Screens.both(helen, folder, "9-recommendation");

    // The dashboard counts one more implemented this quarter.
    assertThat(implementedThisQuarter(helen)).isEqualTo(implementedBefore + 1);
    Screens.both(helen, folder, "10-dashboard");

    // The committee report no longer lists it as outstanding and counts it as implemented.
    helen.navigate(url("/reports/committee"));
    assertThat(helen.locator("main").innerText()).doesNotContain("Journey " + reference);
    Screens.both(helen, folder, "11-committee-report");

    helen.navigate(url("/analytics"));
    helen.locator("#loops-by-grade").waitFor();
    Screens.both(helen, folder, "12-analytics");

    assertNoConsoleErrors();
  }

  @Test
  void managementDoesNotAgreeAndTheSection151OfficerAcceptsTheRisk() {
    String folder = "journey-risk-accepted";
    String reference = newAudit("High", "<p>Supplier bank detail changes must be verified by a call back to the Council's"
        + " known number.</p><ul><li>Record each call.</li></ul>");
    String key = reference + "/1";

    Page sarah = login("sarah");
    sarah.navigate(url("/reports/committee"));
    assertThat(sarah.locator("main").innerText()).contains("Journey " + reference);

    Page olivia = login("olivia");
    openTask(olivia, key, "Agree management action · " + key);
    // The brief, stored as sanitized HTML ("Council&#39;s", "<p>"), reads as words.
    Locator brief = olivia.locator(".fjs-form-field-text").first();
    assertThat(brief.innerText()).contains("the Council's known number.", "Record each call.")
        .doesNotContain("&#39;").doesNotContain("<p>").doesNotContain("<li>").doesNotContain("\\");
    assertThat(brief.locator("li").allInnerTexts()).contains("Record each call.");
    olivia.getByText("We do not agree (risk goes to a senior officer)").click();
    olivia.getByLabel("Why management does not agree").fill("The service is being outsourced in the spring; the new supplier's controls apply.");
    Screens.desktop(olivia, folder, "1-not-agreed");
    complete(olivia);

    // The officer sees her own service's recommendation in the register, and only her service's.
    olivia.navigate(url("/register?q=" + reference));
    assertThat(olivia.locator("#register tbody tr").first().innerText()).contains(key, "awaiting risk acceptance");
    assertThat(olivia.locator("select[name=service] option").allInnerTexts()).containsExactly("any", "finance");
    Screens.both(olivia, folder, "2-officer-register");

    claimGroupTask(sarah, key, "Accept residual risk · " + key);
    sarah.getByText("I formally accept the residual risk").click();
    sarah.locator("textarea").first().fill("Accepted until the outsourcing completes; reviewed by the Audit Committee in June.");
    Screens.desktop(sarah, folder, "3-accept-risk");
    complete(sarah);
    runAsyncSteps(key);
    Recommendation closed = recommendations.findByBusinessKey(key).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(RecommendationStatus.CLOSED_RISK_ACCEPTED);

    sarah.navigate(url("/recommendations/" + closed.getId()));
    assertThat(sarah.locator("#stages").innerText()).containsSubsequence("Agree the action", "management did not agree", "(done)",
        "Decide on the risk of not acting", "(done)", "Closed: risk accepted", "(where it ended)").doesNotContain("Implement");
    sarah.locator("#whole-process summary").click();
    sarah.locator("#diagram[data-ready=true]").waitFor();
    assertThat(sarah.locator("#timeline").innerText()).containsSubsequence("→ awaiting risk acceptance",
        "Residual risk accepted (Section 151 officer)", "→ closed risk accepted").doesNotContain("s151-officer");
    Screens.both(sarah, folder, "4-recommendation");

    sarah.navigate(url("/register?status=CLOSED_RISK_ACCEPTED&q=" + reference));
    assertThat(sarah.locator("#register tbody tr").count()).isEqualTo(1);
    sarah.navigate(url("/reports/committee"));
    assertThat(sarah.locator("main").innerText()).doesNotContain("Journey " + reference);
    Screens.both(sarah, folder, "5-committee-report");
    sarah.navigate(url("/dashboard"));
    Screens.both(sarah, folder, "6-dashboard");

    assertNoConsoleErrors();
  }

  private String newAudit(String grade, String text) {
    demoUsers.ensure();
    filters.ensureFilters();
    String reference = "UI-" + UUID.randomUUID().toString().substring(0, 6);
    audits.create(new NewAudit(reference, "Journey " + reference, "finance", LocalDate.now(), List.of(new NewAudit.NewRecommendation(
        "1", text, null, grade, "Olivia Officer", null))), "helen");
    return reference;
  }

  private int implementedThisQuarter(Page page) {
    page.navigate(url("/dashboard"));
    Matcher matcher = HEADLINE.matcher(page.locator("#headlines").innerText());
    assertThat(matcher.find()).as("the dashboard's implemented headline").isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private void submitEvidence(Page olivia, String key, Path file, String note, String folder, String step) {
    openTask(olivia, key, "Implement action · " + key);
    olivia.getByText("Open the evidence page").click();
    olivia.waitForURL("**/recommendations/*/evidence");
    olivia.locator("#file").setInputFiles(file);
    olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
    olivia.getByText("Uploaded " + file.getFileName()).waitFor();
    Screens.desktop(olivia, folder, step + "-evidence-page");
    olivia.getByText("Back to Tasklist").click();
    Browsers.untilVisible(olivia, olivia.getByText("My tasks").first(), "Tasklist after the evidence page");
    openTask(olivia, key, "Implement action · " + key);
    olivia.getByText("Submit evidence for audit review").click();
    olivia.locator("textarea").first().fill(note);
    Screens.desktop(olivia, folder, step + "-submit-evidence");
    complete(olivia);
  }

  private void review(Page auditor, String key, String outcome, String reason, String folder, String step) {
    claimGroupTask(auditor, key, "Review evidence · " + key);
    auditor.getByText(outcome).click();
    auditor.locator("textarea").first().fill(reason);
    Screens.desktop(auditor, folder, step + "-review-evidence");
    complete(auditor);
  }

  private Page login(String user) {
    return windows.open(chromium.browser(), url(""), user, 1000);
  }

  /**
   * Opens a task of the user's own from Tasklist's list ("My tasks"), the list searched for the recommendation
   * as a person with a long list would search it: what other tests left in the shared database never pushes the
   * task off the list's first page. Tasklist shows a task created since it last asked when it asks again (at
   * once when the filter or search changed, otherwise within ten seconds): the task is awaited on the list.
   */
  private void openTask(Page page, String key, String name) {
    listTask(page, "My tasks", key, name).click();
    page.locator(".fjs-container").waitFor();
  }

  /** Claims a task offered to the user's groups from "My group's tasks", searched as {@link #openTask} searches. */
  private void claimGroupTask(Page page, String key, String name) {
    listTask(page, "My group's tasks", key, name).click();
    page.locator(".fjs-container").waitFor();
    Locator claim = page.getByText("Claim", new Page.GetByTextOptions().setExact(true));
    page.waitForResponse(response -> response.url().endsWith("/claim") && response.ok(), claim::click);
    // Claimed: Tasklist offers it no more and opens the form for input.
    PlaywrightAssertions.assertThat(claim).isHidden();
    PlaywrightAssertions.assertThat(page.locator(".fjs-container input, .fjs-container textarea").first()).isEnabled();
  }

  private Locator listTask(Page page, String filter, String key, String name) {
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + key + "\",\"name\":\"\"}]";
    page.navigate(url("/camunda/app/tasklist/default/#/?filter=" + filterId(filter) + "&searchQuery="
        + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20")));
    Locator task = page.locator(".tasks-list").getByText(name);
    Browsers.untilVisible(page, task, name + " in " + filter);
    return task;
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  /** A comment added with Tasklist's own dialog, then read on the task's History tab; the form is opened again. */
  private static void addComment(Page page, String message, String folder, String step) {
    page.getByText("Add Comment").click();
    page.locator("#comment-form-message").fill(message);
    Response saved = page.waitForResponse(response -> response.url().endsWith("/comment/create"),
        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click());
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    page.locator(".nav-tabs").getByText("History", new Locator.GetByTextOptions().setExact(true)).click();
    Browsers.untilVisible(page, page.getByText(message), "the comment on the task's History tab");
    Screens.desktop(page, folder, step);
    page.locator(".nav-tabs").getByText("Form", new Locator.GetByTextOptions().setExact(true)).click();
    page.locator(".fjs-container").waitFor();
  }

  private static void complete(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    page.locator(".fjs-container").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
  }

  /** The closing steps run asynchronously; the tests' engine has no job executor, so the test runs them. */
  private void runAsyncSteps(String key) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    if (instance != null) {
      managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private static Path pdf(String name) throws Exception {
    Path dir = Files.createTempDirectory("evidence");
    Path file = dir.resolve(name + ".pdf");
    Files.writeString(file, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", StandardCharsets.US_ASCII);
    return file;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * No console errors, but for one Tasklist makes itself: asking again for the task its user has just completed (a
   * refresh sent as the task was completed, answered after it, on a busy machine) gets 404 for a task that has
   * ended. Every other error, a 404 for any other resource or for a task still open included, fails the test.
   */
  private void assertNoConsoleErrors() {
    assertThat(windows.consoleErrors()).filteredOn(error -> !isAskingForAnEndedTask(error)).isEmpty();
  }

  private static final Pattern TASK_NOT_FOUND = Pattern.compile("status of 404 .*/engine/default/task/([0-9a-f-]{36})(:\\d+:\\d+)?\\)$");

  private boolean isAskingForAnEndedTask(String error) {
    Matcher notFound = TASK_NOT_FOUND.matcher(error);
    return notFound.find() && historyService.createHistoricTaskInstanceQuery().taskId(notFound.group(1)).finished().count() == 1;
  }
}
