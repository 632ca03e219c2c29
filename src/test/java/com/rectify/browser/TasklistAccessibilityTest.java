package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.TasklistFilterNames;
import com.rectify.demo.DemoUsers;
import com.rectify.demo.TasklistFilters;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core on Camunda Tasklist as the officer works in it: her task list, and each of her tasks open with its
 * Camunda Form, its choices made so every field shows, at 1280 and 390 px (results under target/axe). What Rectify
 * puts into Tasklist (the forms, their labels and briefs, the link back to Rectify, the colours and focus ring of
 * its stylesheet) must pass; what remains is Camunda's own markup, and each WCAG criterion it still fails must be
 * named on the accessibility statement.
 */
@RectifyApplicationTest
class TasklistAccessibilityTest {

  /** What Rectify puts into Tasklist's pages: the task's form and the link back to Rectify. */
  private static final String OURS = ".fjs-container, .rectify-home";

  /** What Rectify's stylesheet for Tasklist decides wherever it is on the page: colours and the size of what is clicked. */
  private static final Set<String> STYLED_BY_US = Set.of("color-contrast", "link-in-text-block", "target-size");

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired TasklistFilters filters;
  @Autowired AuditService audits;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final SignedInWindows windows = new SignedInWindows();
  private final List<AxeScan.Finding> ours = new ArrayList<>();
  private final List<AxeScan.Finding> camunda = new ArrayList<>();

  @AfterEach
  void closeBrowsers() {
    windows.closeAll();
  }

  @Test
  void whatRectifyPutsIntoTasklistPassesAndWhatCamundaLeavesIsOnTheStatement() {
    demoUsers.ensure();
    filters.ensureFilters();
    String key = newRecommendation();
    Page olivia = windows.open(chromium.browser(), url(""), "olivia", Screens.DESKTOP_HEIGHT);

    listTask(olivia, key, "Agree management action · " + key);
    scan(olivia, "tasklist-my-tasks");
    listTask(olivia, key, "Agree management action · " + key).click();
    olivia.locator(".fjs-container").waitFor();
    scan(olivia, "tasklist-agree-action");
    olivia.getByText("We agree and will act").click();
    PlaywrightAssertions.assertThat(olivia.getByLabel("Target date")).isVisible();
    scan(olivia, "tasklist-agree-action-agreed");
    olivia.getByText("We do not agree (risk goes to a senior officer)").click();
    PlaywrightAssertions.assertThat(olivia.getByLabel("Why management does not agree")).isVisible();
    scan(olivia, "tasklist-agree-action-not-agreed");

    new TaskCompletion(taskService, identityService).complete(key, LifecycleVariables.TASK_AGREE_ACTION, "olivia",
        "agreement", "AGREED", "agreedAction", "Signed monthly.", "targetDate", LocalDate.now().plusMonths(3).toString());
    listTask(olivia, key, "Implement action · " + key).click();
    olivia.locator(".fjs-container").waitFor();
    for (String step : List.of("Post a progress update", "Ask for a revised target date", "Submit evidence for audit review")) {
      olivia.getByText(step).click();
      scan(olivia, "tasklist-implement-action-" + step.substring(0, step.indexOf(' ')).toLowerCase());
    }

    System.out.println("Tasklist, Camunda's own: " + AxeScan.report(camunda));
    assertThat(ours).as(AxeScan.report(ours)).isEmpty();
    Page statement = olivia.context().newPage();
    statement.navigate(url("/accessibility"));
    String text = statement.locator("main").innerText();
    Set<String> criteria = new TreeSet<>();
    camunda.forEach(finding -> criteria.addAll(finding.criteria()));
    assertThat(criteria).as("WCAG criteria Tasklist still fails, each named on the statement")
        .allSatisfy(criterion -> assertThat(text).contains("(WCAG " + criterion));
  }

  /** Checks the page at both widths, sorting what is found into Rectify's and Camunda's. */
  private void scan(Page page, String name) {
    for (int width : List.of(Screens.DESKTOP_WIDTH, Screens.PHONE_WIDTH)) {
      page.setViewportSize(width, width == Screens.DESKTOP_WIDTH ? Screens.DESKTOP_HEIGHT : Screens.PHONE_HEIGHT);
      Screens.settled(page);
      for (AxeScan.Finding finding : AxeScan.check(page, name)) {
        (isOurs(page, finding) ? ours : camunda).add(finding);
      }
    }
    page.setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT);
  }

  private static boolean isOurs(Page page, AxeScan.Finding finding) {
    return STYLED_BY_US.contains(finding.rule()) || Boolean.TRUE.equals(page.evaluate("([selector, ours]) => { const e = document.querySelector(selector);"
        + " return e != null && e.closest(ours) != null; }", List.of(finding.selector(), OURS)));
  }

  private String newRecommendation() {
    String reference = "AXT-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    audits.create(new NewAudit(reference, "Tasklist accessibility " + reference, "finance", LocalDate.now(), List.of(
        new NewAudit.NewRecommendation("1", "Payroll exception reports must be signed each month.", null, "High", "Olivia Officer",
            null))), "helen");
    return reference + "/1";
  }

  /** Her task in "My tasks", the list searched for the recommendation as TasklistJourneyTest searches it. */
  private Locator listTask(Page page, String key, String name) {
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + key + "\",\"name\":\"\"}]";
    String filter = filterService.createFilterQuery().filterName(TasklistFilterNames.MY_TASKS).singleResult().getId();
    page.navigate(url("/camunda/app/tasklist/default/#/?filter=" + filter + "&searchQuery="
        + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20")));
    Locator task = page.locator(".tasks-list").getByText(name);
    Browsers.untilVisible(page, task, name + " in My tasks");
    return task;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
