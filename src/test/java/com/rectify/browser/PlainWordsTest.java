package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every Rectify page a role may open reads in words: no step ids, raw status names or UUIDs, people by their
 * names rather than their logins, fingerprints for audit only, and a refusal that says what happened.
 */
@RectifyApplicationTest
class PlainWordsTest {

  private static final List<String> LOGINS = List.of("olivia", "hannah", "sam", "alice", "helen", "sarah", "dan", "harry", "carol", "admin");
  private static final Map<String, Pattern> TECHNICAL = Map.of(
      "a step id", Pattern.compile("\\bTask_[A-Za-z]+|\\b(StartEvent|EndEvent|Gateway|SubProcess)_\\w+"),
      "a raw status name", Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b"),
      "a UUID", Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
      "a group id", Pattern.compile("\\b(s151-officer|committee-chair|audit-managers|senior-officers|heads-of-service"
          + "|service-managers|camunda-admin|service-(finance|housing))\\b"));

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired EvidenceUpload evidenceUpload;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final SignedInWindows windows = new SignedInWindows();
  private Recommendation finance;
  private Recommendation housing;

  /**
   * A Finance recommendation led by Olivia, agreed, its evidence submitted and sent back by Alice: four status
   * changes, an upload and a review for its timeline, and a mail. A Housing one, led by Hannah, not Olivia's to open.
   */
  @BeforeEach
  void ownData() {
    demoUsers.ensure();
    finance = raise("finance", "Olivia Officer");
    housing = raise("housing", "Hannah Hughes");
    complete(finance, LifecycleVariables.TASK_AGREE_ACTION, "olivia", "agreement", "AGREED", "agreedAction",
        "Reconcile the ledger monthly.", "targetDate", LocalDate.now().plusMonths(3).toString());
    evidenceUpload.upload(finance.getId(), "reconciliation.txt", "Signed reconciliation.".getBytes(StandardCharsets.UTF_8), "olivia");
    complete(finance, LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "EVIDENCE_SUBMITTED",
        "evidenceNote", "Signed off.");
    complete(finance, LifecycleVariables.TASK_REVIEW_EVIDENCE, "alice", "reviewOutcome", "MORE_EVIDENCE",
        "reviewComment", "Needs the manager's signature.");
  }

  @AfterEach
  void closeBrowsers() {
    windows.closeAll();
  }

  @Test
  void everyPageARoleOpensReadsInWords() {
    for (String user : List.of("olivia", "alice", "helen", "carol")) {
      Page page = login(user);
      for (String path : pagesOf(page, user)) {
        Response response = page.navigate(url(path));
        assertThat(response.status()).as("%s opening %s", user, path).isLessThan(500);
        assertInWords(page, user, path);
      }
    }
  }

  @Test
  void theTimelineNamesStepsAndPeople() {
    Page page = login("helen");
    page.navigate(url("/recommendations/" + finance.getId()));
    String timeline = page.locator("#timeline").innerText();
    assertThat(timeline).contains("Agree management action", "Implement action", "Review evidence")
        .contains("Olivia Officer", "Alice Auditor").doesNotContainPattern("\\bvia ");
    assertThat(page.locator("#timeline .who").allInnerTexts()).isNotEmpty()
        .allSatisfy(who -> assertThat(LOGINS).doesNotContain(who.replace("·", "").trim()));
  }

  @Test
  void fingerprintsAreForAuditOnly() {
    Page olivia = login("olivia");
    olivia.navigate(url("/recommendations/" + finance.getId() + "/evidence"));
    assertThat(olivia.locator(".uploaded-by").allInnerTexts()).containsOnly("Olivia Officer");
    assertThat(olivia.locator("main").innerText()).doesNotContain("SHA-256").doesNotContain("Fingerprint");

    Page alice = login("alice");
    alice.navigate(url("/recommendations/" + finance.getId() + "/evidence"));
    assertThat(alice.locator("#fingerprint").innerText()).isEqualTo("Fingerprint (SHA-256)");
    assertThat(alice.locator("tbody td code").count()).isEqualTo(1);
  }

  @Test
  void aRecommendationOfAnotherServiceIsRefusedInWords() {
    Page olivia = login("olivia");
    Page refused = olivia.context().newPage();
    Response response = refused.navigate(url("/recommendations/" + housing.getId()));
    assertThat(response.status()).isEqualTo(404);
    assertThat(refused.locator("h1").innerText()).isEqualTo("We cannot show this recommendation");
    String alert = refused.locator("[role=alert]").innerText();
    assertThat(alert).contains("not one you can open", "belongs to another service", "Ask the audit team")
        .doesNotContain(String.valueOf(housing.getId())).doesNotContain("does not exist");
    assertThat(refused.locator("#refused").innerText()).as("the whole page, its hint included")
        .doesNotContain(String.valueOf(housing.getId())).doesNotContain("/recommendations/").doesNotContain("Not found");
    assertThat(refused.locator("#refused a", new Page.LocatorOptions().setHasText("Open the register")).count()).isEqualTo(1);

    refused.navigate(url("/recommendations/" + housing.getId() + "/evidence"));
    assertThat(refused.locator("[role=alert]").innerText()).contains("Ask the audit team")
        .doesNotContain(String.valueOf(housing.getId())).doesNotContain("olivia");
  }

  @Test
  void theTimelineNamesTheDecidingGroupsInWords() {
    Recommendation notAgreed = raise("finance", "Olivia Officer");
    complete(notAgreed, LifecycleVariables.TASK_AGREE_ACTION, "olivia", "agreement", "NOT_AGREED",
        "notAgreedReason", "The service is being outsourced.");
    complete(notAgreed, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK, "sarah", "riskDecision", "ACCEPTED",
        "riskRationale", "Accepted until the outsourcing completes.");
    Page helen = login("helen");
    helen.navigate(url("/recommendations/" + notAgreed.getId()));
    assertThat(helen.locator("#timeline").innerText()).contains("Residual risk accepted (Section 151 officer)")
        .doesNotContain("s151-officer");
    assertInWords(helen, "helen", "/recommendations/" + notAgreed.getId());
  }

  @Test
  void aMailsLinkReadsInWordsAndKeepsTheTaskInItsAddressOnly() {
    Page helen = login("helen");
    helen.navigate(url("/admin/mail"));
    helen.locator("a", new Page.LocatorOptions().setHasText("Task for you: Agree management action · " + housing.getBusinessKey()))
        .first().click();
    helen.waitForURL("**/admin/mail/*");
    Locator link = helen.locator("#mail-link");
    assertThat(link.innerText()).isEqualTo("Follow the link in this mail");
    assertThat(link.getAttribute("href")).contains("/camunda/app/tasklist/default/#/?task=");
    assertInWords(helen, "helen", helen.url());
  }

  @Test
  void theMailPagesSayWhatKindOfMailInWords() {
    Page helen = login("helen");
    helen.navigate(url("/admin/mail"));
    assertThat(helen.locator("td.kind").allInnerTexts()).isNotEmpty()
        .allSatisfy(kind -> assertThat(kind).doesNotMatch("[a-z]+(-[a-z]+)+"));
    helen.locator("a", new Page.LocatorOptions().setHasText("More evidence needed: " + finance.getBusinessKey())).first().click();
    helen.waitForURL("**/admin/mail/*");
    assertThat(helen.locator(".kind").innerText()).isEqualTo("Evidence sent back");
    assertThat(helen.locator("pre").innerText()).contains("sent back by Alice Auditor").doesNotContain("by alice");
  }

  /** The Rectify pages the navigation offers this user, a recommendation, its evidence and, for mail readers, one mail. */
  @SuppressWarnings("unchecked")
  private List<String> pagesOf(Page page, String user) {
    page.navigate(url("/register"));
    Set<String> paths = new LinkedHashSet<>();
    for (String href : (List<String>) page.locator("header.nav nav a").evaluateAll("links => links.map(a => a.getAttribute('href'))")) {
      if (href.startsWith("/") && !href.startsWith("/camunda")) {
        paths.add(href);
      }
    }
    paths.add("/recommendations/" + finance.getId());
    if (!user.equals("carol")) {
      paths.add("/recommendations/" + finance.getId() + "/evidence");
    }
    if (paths.contains("/admin/mail")) {
      page.navigate(url("/admin/mail"));
      Locator mail = page.locator("a", new Page.LocatorOptions().setHasText("More evidence needed: " + finance.getBusinessKey())).first();
      paths.add(mail.getAttribute("href"));
    }
    assertThat(paths).as("%s's pages", user).contains("/register");
    return new ArrayList<>(paths);
  }

  private void assertInWords(Page page, String user, String path) {
    String text = (String) page.evaluate("document.body.innerText");
    for (Map.Entry<String, Pattern> word : TECHNICAL.entrySet()) {
      Matcher found = word.getValue().matcher(text);
      assertThat(found.find() ? found.group() : null).as("%s on %s as %s", word.getKey(), path, user).isNull();
    }
    for (String selector : List.of("#timeline .who", ".uploaded-by", ".opened-by")) {
      assertThat(page.locator(selector).allInnerTexts()).as("%s on %s as %s", selector, path, user)
          .allSatisfy(who -> assertThat(LOGINS).doesNotContain(who.replace("·", "").trim()));
    }
    assertThat(page.locator("td.kind, span.kind").allInnerTexts()).as("mail kinds on %s", path)
        .allSatisfy(kind -> assertThat(kind).doesNotMatch("[a-z]+(-[a-z]+)+"));
    if (path.endsWith("/evidence")) {
      boolean audit = user.equals("alice") || user.equals("helen");
      assertThat(page.locator("#fingerprint").count()).as("fingerprint column for %s", user).isEqualTo(audit ? 1 : 0);
    }
  }

  private Recommendation raise(String service, String leadOfficer) {
    String reference = "PW-" + UUID.randomUUID().toString().substring(0, 8);
    Audit audit = audits.create(new NewAudit(reference, "Plain words " + reference, service, LocalDate.now(),
        List.of(new NewRecommendation("1", "Reconcile the " + service + " ledger.", "Not reconciled.", "High", leadOfficer, null))), "helen");
    return recommendations.findByAuditIdOrderByIdAsc(audit.getId()).get(0);
  }

  private void complete(Recommendation recommendation, String taskKey, String user, Object... keyValues) {
    new TaskCompletion(taskService, identityService).complete(recommendation.getBusinessKey(), taskKey, user, keyValues);
  }

  private Page login(String user) {
    return windows.open(chromium.browser(), url(""), user, Screens.DESKTOP_HEIGHT);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
