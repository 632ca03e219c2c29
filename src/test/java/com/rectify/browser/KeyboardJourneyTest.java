package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.audit.Audit;
import com.rectify.common.LifecycleVariables;
import com.rectify.demo.DemoUsers;
import com.rectify.evidence.Evidence;
import com.rectify.evidence.EvidenceRepository;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An officer who uses no mouse: she signs in, leaves Tasklist for Rectify, finds her recommendation in the register,
 * opens its evidence page and uploads a file, with Tab, Enter, Space and typing only. Each element the keyboard
 * reaches on the way, on Rectify's pages and in Tasklist, shows where the focus is; the file is stored as hers.
 */
@RectifyApplicationTest
class KeyboardJourneyTest {

  /** Tabs pressed at most to reach one element before the test gives up: more than any page of Rectify's needs. */
  private static final int MOST_TABS = 80;

  /** What the focused element looks like: its tag, id, text, whether it matches :focus-visible and its outline. */
  private static final String FOCUSED = """
      () => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        return { tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name') || '', text: (e.innerText || e.value || '').trim(),
                 href: e.getAttribute('href') || '', focusVisible: e.matches(':focus-visible'),
                 outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
                 outlineShown: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                 ring: style.boxShadow };
      }""";

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired EvidenceRepository evidence;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private BrowserContext context;
  private Recommendation recommendation;
  private String audit;

  /** A Finance recommendation Olivia leads, agreed, so she is implementing it and may upload its evidence. */
  @BeforeEach
  void recommendationInImplementation() {
    demoUsers.ensure();
    audit = "KB-" + UUID.randomUUID().toString().substring(0, 8);
    Audit raised = audits.create(new NewAudit(audit, "Keyboard " + audit, "finance", LocalDate.now(),
        List.of(new NewRecommendation("1", "Keep the cash office key log.", null, "Medium", "Olivia Officer", null))), "helen");
    recommendation = recommendations.findByAuditIdOrderByIdAsc(raised.getId()).get(0);
    new TaskCompletion(taskService, identityService).complete(recommendation.getBusinessKey(), LifecycleVariables.TASK_AGREE_ACTION,
        "olivia", "agreement", "AGREED", "agreedAction", "Key log kept by the cashier.", "targetDate",
        LocalDate.now().plusMonths(2).toString());
    context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT));
    context.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void anOfficerSignsInFindsHerRecommendationAndUploadsEvidenceByKeyboardAlone() {
    Page page = context.newPage();
    // Playwright tells the browser to catch file dialogs when the first listener is added, without waiting for it to
    // agree. Added only around the key press, a busy browser could take the key first and open its own dialog, and
    // the wait would never end (seen once in five runs under load); added here, the browser agreed long before.
    page.onFileChooser(chooser -> { });
    page.navigate(url("/login"));
    assertThat(focused(page)).as("the login page starts in the user name field").containsEntry("id", "username");
    page.keyboard().type("olivia");
    tabTo(page, "the password field", f -> "password".equals(f.get("id")));
    page.keyboard().type(DemoUsers.PASSWORD);
    page.keyboard().press("Enter");
    page.waitForURL(address -> address.contains("/camunda/app/tasklist/"));

    // Tasklist, where her work lands, leads back to Rectify's pages.
    Browsers.untilVisible(page, page.getByText("Back to Rectify"), "the way back to Rectify in Tasklist");
    tabTo(page, "Back to Rectify", f -> "Back to Rectify".equals(f.get("text")));
    page.keyboard().press("Enter");
    page.waitForURL(address -> address.endsWith("/dashboard"));

    tabTo(page, "the register in the navigation", f -> "/register".equals(f.get("href")));
    page.keyboard().press("Enter");
    page.waitForURL(address -> address.endsWith("/register"));

    tabTo(page, "the register's search field", f -> "q".equals(f.get("name")));
    page.keyboard().type(audit);
    page.keyboard().press("Enter");
    page.waitForURL(address -> address.contains("q=" + audit));

    tabTo(page, "her recommendation in the register", f -> recommendation.getBusinessKey().equals(f.get("text")));
    page.keyboard().press("Enter");
    page.waitForURL(address -> address.endsWith("/recommendations/" + recommendation.getId()));

    tabTo(page, "the evidence page link", f -> "Evidence page".equals(f.get("text")));
    page.keyboard().press("Enter");
    page.waitForURL(address -> address.endsWith("/recommendations/" + recommendation.getId() + "/evidence"));

    tabTo(page, "the file field", f -> "file".equals(f.get("id")));
    FileChooser chooser = page.waitForFileChooser(() -> page.keyboard().press("Space"));
    chooser.setFiles(new FilePayload("key-log.txt", "text/plain", "Cash office key log, May.".getBytes(StandardCharsets.UTF_8)));
    tabTo(page, "the Upload button", f -> "button".equals(f.get("tag")) && "Upload".equals(f.get("text")));
    page.keyboard().press("Enter");
    page.getByText("Uploaded key-log.txt").waitFor();

    List<Evidence> stored = evidence.findByRecommendationIdOrderByIdAsc(recommendation.getId());
    assertThat(stored).singleElement().satisfies(item -> {
      assertThat(item.getOriginalFilename()).isEqualTo("key-log.txt");
      assertThat(item.getUploadedBy()).isEqualTo("olivia");
    });
    assertThat(page.locator("main table").innerText()).contains("key-log.txt", "Olivia Officer");
  }

  /**
   * Presses Tab until the focused element is the one wanted. Every element the focus passes on the way, in Tasklist
   * too, must show it: matched by :focus-visible and outlined at least 2 px wide.
   */
  private void tabTo(Page page, String what, Predicate<Map<String, Object>> wanted) {
    for (int tabs = 0; tabs < MOST_TABS; tabs++) {
      page.keyboard().press("Tab");
      Map<String, Object> now = focused(page);
      if (now == null) {
        continue;
      }
      assertThat(now.get("focusVisible")).as("focus shown on %s (on the way to %s, %s)", now, what, page.url()).isEqualTo(true);
      assertThat(now.get("outlineShown")).as("focus outline of %s (on the way to %s, %s)", now, what, page.url()).isEqualTo(true);
      if (wanted.test(now)) {
        return;
      }
    }
    throw new AssertionError(what + " not reached with " + MOST_TABS + " presses of Tab on " + page.url());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> focused(Page page) {
    return (Map<String, Object>) page.evaluate(FOCUSED);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
