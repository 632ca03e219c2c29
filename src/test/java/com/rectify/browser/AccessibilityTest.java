package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.audit.Audit;
import com.rectify.common.LifecycleVariables;
import com.rectify.demo.DemoUsers;
import com.rectify.evidence.EvidenceUpload;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * WCAG 2.2 AA on every page and form of Rectify's own, as each demo role sees it, checked by axe-core at a
 * desktop's width (1280 px) and a phone's (390 px): the login page (as it first shows, after a wrong password and
 * after signing out), every page the role's navigation offers, a recommendation's page and its evidence page, the
 * register refusing a filter, the import page after a dry run, the reporting cycles refusing a cycle, the mail and
 * one mail, the dashboard's tables of numbers opened, and the pages that refuse or find nothing. Every result is
 * kept under target/axe; the test fails listing each rule broken, its impact and the elements at fault.
 */
@RectifyApplicationTest
class AccessibilityTest {

  private static final List<String> ROLES = List.of("olivia", "sam", "sarah", "alice", "helen", "carol", "admin");

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired EvidenceUpload evidenceUpload;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final List<AxeScan.Finding> findings = new ArrayList<>();
  /** The name of each page checked, at both widths. */
  private final List<String> checked = new ArrayList<>();
  private final List<BrowserContext> contexts = new ArrayList<>();
  private Recommendation finance;

  /**
   * A Finance recommendation led by Olivia: agreed, a file uploaded and submitted, sent back by Alice for more, so
   * its page has a timeline and a diagram, its evidence page a file and an upload form, and the mail a notice.
   */
  @BeforeEach
  void ownData() {
    demoUsers.ensure();
    String reference = "AX-" + UUID.randomUUID().toString().substring(0, 8);
    Audit audit = audits.create(new NewAudit(reference, "Accessibility " + reference, "finance", LocalDate.now(),
        List.of(new NewRecommendation("1", "Reconcile the finance ledger.", "Not reconciled.", "High", "Olivia Officer", null))),
        "helen");
    finance = recommendations.findByAuditIdOrderByIdAsc(audit.getId()).get(0);
    TaskCompletion tasks = new TaskCompletion(taskService, identityService);
    tasks.complete(finance.getBusinessKey(), LifecycleVariables.TASK_AGREE_ACTION, "olivia", "agreement", "AGREED",
        "agreedAction", "Reconcile the ledger monthly.", "targetDate", LocalDate.now().plusMonths(3).toString());
    evidenceUpload.upload(finance.getId(), "reconciliation.txt", "Signed reconciliation.".getBytes(StandardCharsets.UTF_8), "olivia");
    tasks.complete(finance.getBusinessKey(), LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep",
        "EVIDENCE_SUBMITTED", "evidenceNote", "Signed off.");
    tasks.complete(finance.getBusinessKey(), LifecycleVariables.TASK_REVIEW_EVIDENCE, "alice", "reviewOutcome", "MORE_EVIDENCE",
        "reviewComment", "Needs the manager's signature.");
  }

  @AfterEach
  void closeBrowsers() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void everyPageAndFormOfEveryRoleMeetsWcag22AaAtDesktopAndPhoneWidths() {
    Page anonymous = window();
    scan(anonymous, "/login", 200, "login");
    anonymous.locator("#username").fill("nobody-" + UUID.randomUUID().toString().substring(0, 6));
    anonymous.locator("#password").fill("wrong");
    anonymous.locator("main button[type=submit]").click();
    anonymous.locator("#login-error").waitFor();
    scanAsShown(anonymous, "login-wrong-password");
    scan(anonymous, "/accessibility", 200, "accessibility-signed-out");

    for (String role : ROLES) {
      Page page = window();
      signIn(page, role);
      for (String path : navigationPages(page)) {
        scan(page, path, 200, role + "-" + name(path));
      }
      scan(page, "/no-such-page", 404, role + "-not-found");
      switch (role) {
        case "olivia" -> {
          scan(page, "/recommendations/" + finance.getId(), 200, "olivia-recommendation");
          scan(page, "/recommendations/" + finance.getId() + "/evidence", 200, "olivia-evidence");
          page.locator("#file").setInputFiles(new FilePayload("minutes.txt", "text/plain", "Minutes.".getBytes(StandardCharsets.UTF_8)));
          page.locator("main button[type=submit]").click();
          page.getByText("Uploaded minutes.txt").waitFor();
          scanAsShown(page, "olivia-evidence-uploaded");
          scan(page, "/analytics", 403, "olivia-refused");
        }
        case "sam", "alice" -> {
          scan(page, "/recommendations/" + finance.getId(), 200, role + "-recommendation");
          scan(page, "/recommendations/" + finance.getId() + "/evidence", 200, role + "-evidence");
        }
        case "sarah" -> scan(page, "/recommendations/" + finance.getId(), 404, "sarah-recommendation-refused");
        case "carol" -> {
          scan(page, "/recommendations/" + finance.getId(), 200, "carol-recommendation");
          scan(page, "/recommendations/" + finance.getId() + "/evidence", 403, "carol-evidence-refused");
        }
        case "helen" -> helensForms(page);
        case "admin" -> oneMail(page, "admin");
        default -> throw new IllegalStateException(role);
      }
      if (role.equals("helen")) {
        page.locator("header.nav").getByText("Sign out").click();
        page.waitForURL(address -> address.contains("/login"));
        scanAsShown(page, "login-signed-out");
      }
    }

    System.out.println("axe checked " + checked.size() + " pages at 2 widths: " + checked.size() * 2 + " results in " + AxeScan.RESULTS);
    assertThat(checked).as("pages checked").hasSizeGreaterThan(50).doesNotHaveDuplicates();
    assertThat(findings).as(AxeScan.report(findings)).isEmpty();
  }

  /** The head of audit's pages in their other states: filtered wrongly, numbers opened, a dry run, a refused cycle, a mail. */
  private void helensForms(Page page) {
    scan(page, "/recommendations/" + finance.getId(), 200, "helen-recommendation");
    scan(page, "/recommendations/" + finance.getId() + "/evidence", 200, "helen-evidence");
    scan(page, "/register?grade=NOT-A-GRADE&q=" + finance.getBusinessKey(), 400, "helen-register-refused-filter");

    page.navigate(url("/dashboard"));
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)");
    scanAsShown(page, "helen-dashboard-numbers");
    page.navigate(url("/analytics"));
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)");
    scanAsShown(page, "helen-analytics-numbers");

    page.navigate(url("/imports"));
    page.locator("#file").setInputFiles(new FilePayload("register.csv", "text/csv",
        ("Audit,Rec No.,Recommendation,Rating,Lead Officer,By When\n"
            + "AXE-1,1,Keep a register.,Low,Olivia Officer,31 May 2030\n"
            + "AXE-1,2,Check the register.,Not a grade,Olivia Officer,someday\n").getBytes(StandardCharsets.UTF_8)));
    // The form's first button checks the sheet (a dry run) and writes nothing.
    page.locator("main form button[type=submit]").first().click();
    page.locator("main [role=status], main [role=alert]").first().waitFor();
    scanAsShown(page, "helen-import-dry-run");

    page.navigate(url("/reporting-cycles"));
    page.locator("#name").fill("Refused cycle");
    page.locator("#asAt").fill("2030-01-31");
    page.locator("#updateDeadline").fill("2030-01-01");
    page.locator("main button[type=submit]").click();
    page.locator("main [role=alert]").waitFor();
    scanAsShown(page, "helen-reporting-cycles-refused");

    oneMail(page, "helen");
  }

  private void oneMail(Page page, String role) {
    page.navigate(url("/admin/mail"));
    Locator mail = page.locator("main a", new Page.LocatorOptions().setHasText("More evidence needed: " + finance.getBusinessKey())).first();
    scan(page, mail.getAttribute("href"), 200, role + "-mail-one");
  }

  /** The Rectify pages the navigation offers (not the Camunda webapps, checked in {@link TasklistAccessibilityTest}). */
  @SuppressWarnings("unchecked")
  private List<String> navigationPages(Page page) {
    page.navigate(url("/accessibility"));
    List<String> paths = new ArrayList<>();
    for (String href : (List<String>) page.locator("header.nav nav a").evaluateAll("links => links.map(a => a.getAttribute('href'))")) {
      if (!href.startsWith("/camunda/")) {
        paths.add(href);
      }
    }
    assertThat(paths).contains("/accessibility");
    return paths;
  }

  private void scan(Page page, String path, int status, String name) {
    Response answer = page.navigate(url(path));
    assertThat(answer.status()).as("%s answering %s", path, name).isEqualTo(status);
    scanAsShown(page, name);
  }

  private void scanAsShown(Page page, String name) {
    Browsers.settled(page);
    if (page.locator("#whole-process").count() > 0) {
      // The whole process diagram is drawn when opened: scanned open, so its controls are checked too.
      page.locator("#whole-process summary").click();
      page.locator("#diagram[data-ready=true]").waitFor();
    }
    findings.addAll(AxeScan.atBothWidths(page, name));
    checked.add(name);
  }

  private Page window() {
    BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT));
    context.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
    contexts.add(context);
    return context.newPage();
  }

  private void signIn(Page page, String user) {
    page.navigate(url("/login"));
    page.locator("#username").fill(user);
    page.locator("#password").fill(DemoUsers.PASSWORD);
    page.locator("main button[type=submit]").click();
    page.waitForURL(address -> !address.contains("/login"), new Page.WaitForURLOptions().setTimeout(Browsers.PAGE_TIMEOUT));
  }

  private static String name(String path) {
    return path.replaceAll("^/+", "").replaceAll("[^A-Za-z0-9]+", "-");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
