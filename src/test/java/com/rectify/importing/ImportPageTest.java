package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.rectify.RectifyApplicationTest;
import com.rectify.browser.Browsers;
import com.rectify.browser.Chromium;
import com.rectify.common.Groups;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page in Chromium, signed in as the head of audit: a sheet is checked (nothing written), kept with its
 * choices, then imported as checked without choosing the file again; a kept sheet is its checker's alone.
 */
@RectifyApplicationTest
class ImportPageTest {

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired RecommendationRepository recommendations;
  @Autowired HeldSheets heldSheets;
  @Autowired IdentityService identityService;

  private final List<BrowserContext> contexts = new ArrayList<>();

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  @AfterEach
  void closeWindows() {
    contexts.forEach(BrowserContext::close);
  }

  @Test
  void aCheckKeepsTheFileAndChoicesThenImportsExactlyTheRowsChecked() {
    String audit = "PAGE-" + UUID.randomUUID().toString().substring(0, 6);
    String asAt = LocalDate.now().minusDays(1).toString();
    Page page = signedIn("helen", DemoUsers.PASSWORD);
    page.navigate(url("/imports"));
    PlaywrightAssertions.assertThat(main(page).locator("button[type=submit]")).hasText("Check this sheet");
    page.locator("#file").setInputFiles(sheetWithoutAudit("gifts.csv", "Keep a register of gifts.", "Publish the register."));
    page.locator("#audit").fill(audit);
    page.locator("#auditTitle").fill("Gifts and hospitality");
    page.locator("#service").fill("finance");
    page.locator("#asAt").fill(asAt);
    button(page, "Check this sheet").click();

    PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("dry run, nothing written");
    assertThat(page.locator("[role=status]").textContent()).contains("gifts.csv", "2 new", "0 error(s)");
    PlaywrightAssertions.assertThat(page.locator("#file-hint")).containsText("gifts.csv is kept");
    PlaywrightAssertions.assertThat(page.locator("#audit")).hasValue(audit);
    PlaywrightAssertions.assertThat(page.locator("#auditTitle")).hasValue("Gifts and hospitality");
    PlaywrightAssertions.assertThat(page.locator("#service")).hasValue("finance");
    PlaywrightAssertions.assertThat(page.locator("#asAt")).hasValue(asAt);
    PlaywrightAssertions.assertThat(page.locator("#rows caption")).containsText("Rows");
    PlaywrightAssertions.assertThat(page.locator("#rows tbody th[scope=row]")).hasText(new String[] {"2", "3"});
    PlaywrightAssertions.assertThat(page.locator("#rows tbody tr").first()).containsText("to be added");
    PlaywrightAssertions.assertThat(button(page, "Choose another file")).isVisible();
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-page-checked.png")).setFullPage(true));

    button(page, "Import these 2 rows").click();
    PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("imported —");
    assertThat(page.locator("[role=status]").textContent()).contains("gifts.csv", "2 new");
    PlaywrightAssertions.assertThat(page.locator("#rows tbody tr").first()).containsText("added");
    // The kept file is let go: the form below is for another sheet, and holds nothing.
    PlaywrightAssertions.assertThat(page.locator("#choices-title")).hasText("Import another sheet");
    PlaywrightAssertions.assertThat(page.locator("main input[name=held]")).hasCount(0);
    PlaywrightAssertions.assertThat(page.locator("#audit")).hasValue("");
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-page.png")).setFullPage(true));
    assertThat(recommendations.findByBusinessKey(audit + "/1").orElseThrow().getService()).isEqualTo("finance");
    assertThat(recommendations.findByBusinessKey(audit + "/2").orElseThrow().getGrade().name()).isEqualTo("MEDIUM");
  }

  /** Both published samples, as pasted from their papers, go in through the page on the first try. */
  @Test
  void papersPastedFromTheirPdfsGoInThroughThePage() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    Page page = signedIn("helen", DemoUsers.PASSWORD);

    page.navigate(url("/imports"));
    page.locator("#file").setInputFiles(pasted("benefits-action-plan-2004.txt"));
    page.locator("#audit").fill("BEN-PAGE-" + tag);
    page.locator("#auditTitle").fill("Benefits inspection (2004)");
    page.locator("#service").fill("benefits");
    page.locator("#defaultGrade").fill("Medium");
    button(page, "Check this sheet").click();
    assertThat(page.locator("[role=status]").textContent()).contains("42 new", "0 error(s)");
    PlaywrightAssertions.assertThat(page.locator("#rows tbody")).containsText("continues above");
    button(page, "Import these 42 rows").click();
    PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("imported —");
    assertThat(recommendations.findByBusinessKey("BEN-PAGE-" + tag + "/42")).isPresent();

    page.navigate(url("/imports"));
    page.locator("#file").setInputFiles(pasted("overdue-actions-appendix-b.txt"));
    page.locator("#service").fill("appendix-" + tag);
    button(page, "Check this sheet").click();
    String checked = page.locator("[role=status]").textContent();
    assertThat(checked).contains("0 error(s)");
    // Twenty recommendations, new or (when another test put the same paper in first) already in the register.
    assertThat(page.locator("#rows tbody tr").allTextContents())
        .filteredOn(row -> row.contains("to be added") || row.contains("already in the register")).hasSize(20);
  }

  private static FilePayload pasted(String name) throws java.io.IOException {
    try (var in = ImportPageTest.class.getResourceAsStream("/imports/" + name)) {
      return new FilePayload(name, "text/plain", in.readAllBytes());
    }
  }

  @Test
  void aChoiceChangedAfterTheCheckIsCheckedAgainBeforeAnythingIsImported() {
    String audit = "PAGE-" + UUID.randomUUID().toString().substring(0, 6);
    String other = audit + "-B";
    Page page = signedIn("helen", DemoUsers.PASSWORD);
    page.navigate(url("/imports"));
    page.locator("#file").setInputFiles(sheetWithoutAudit("one.csv", "Lock the safe."));
    page.locator("#audit").fill(audit);
    button(page, "Check this sheet").click();
    PlaywrightAssertions.assertThat(button(page, "Import this 1 row")).isVisible();

    page.locator("#audit").fill(other);
    button(page, "Import this 1 row").click();
    PlaywrightAssertions.assertThat(page.locator("main .notice").first()).containsText("Your choices changed after the check");
    PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("dry run, nothing written");
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();
    assertThat(recommendations.findByBusinessKey(other + "/1")).isEmpty();

    button(page, "Import this 1 row").click();
    PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("imported —");
    assertThat(recommendations.findByBusinessKey(other + "/1")).isPresent();
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();
  }

  @Test
  void anotherAuditManagerCannotImportTheSheetKeptForTheFirst() {
    String helensAudit = "PAGE-" + UUID.randomUUID().toString().substring(0, 6);
    String deputysAudit = helensAudit + "-D";
    Page helen = signedIn("helen", DemoUsers.PASSWORD);
    helen.navigate(url("/imports"));
    helen.locator("#file").setInputFiles(sheetWithoutAudit("helen.csv", "Count the cash."));
    helen.locator("#audit").fill(helensAudit);
    button(helen, "Check this sheet").click();
    PlaywrightAssertions.assertThat(button(helen, "Import this 1 row")).isVisible();
    String helensToken = helen.locator("main input[name=held]").inputValue();

    String deputy = auditManager();
    Page other = signedIn(deputy, "right-password");
    other.navigate(url("/imports"));
    other.locator("#file").setInputFiles(sheetWithoutAudit("deputy.csv", "Count the stamps."));
    other.locator("#audit").fill(deputysAudit);
    button(other, "Check this sheet").click();
    PlaywrightAssertions.assertThat(button(other, "Import this 1 row")).isVisible();
    // The deputy's form made to carry Helen's token, as anyone who learnt it could post it.
    other.locator("main input[name=held]").evaluate("(input, token) => input.value = token", helensToken);
    button(other, "Import this 1 row").click();

    PlaywrightAssertions.assertThat(other.locator("[role=alert]")).containsText("no longer kept");
    assertThat(recommendations.findByBusinessKey(helensAudit + "/1")).isEmpty();
    assertThat(recommendations.findByBusinessKey(deputysAudit + "/1")).isEmpty();

    button(helen, "Import this 1 row").click();
    PlaywrightAssertions.assertThat(helen.locator("[role=status]")).containsText("imported —");
    assertThat(recommendations.findByBusinessKey(helensAudit + "/1")).isPresent();
    assertThat(recommendations.findByBusinessKey(deputysAudit + "/1")).isEmpty();
  }

  @Test
  void aSheetNoLongerKeptIsAskedForAgainInPlainWords() {
    String audit = "PAGE-" + UUID.randomUUID().toString().substring(0, 6);
    Page page = signedIn("helen", DemoUsers.PASSWORD);
    page.navigate(url("/imports"));
    page.locator("#file").setInputFiles(sheetWithoutAudit("late.csv", "File the returns."));
    page.locator("#audit").fill(audit);
    button(page, "Check this sheet").click();
    PlaywrightAssertions.assertThat(button(page, "Import this 1 row")).isVisible();
    // As when it has been kept past its time (HeldSheetsTest): the page still offers to import it.
    heldSheets.release(page.locator("main input[name=held]").inputValue(), "helen");

    Response answer = page.waitForNavigation(() -> button(page, "Import this 1 row").click());
    assertThat(answer.status()).isEqualTo(200);
    PlaywrightAssertions.assertThat(page.locator("[role=alert]")).containsText("The sheet you checked is no longer kept");
    PlaywrightAssertions.assertThat(page.locator("[role=alert] a[href='#file']")).containsText("Choose the file again.");
    PlaywrightAssertions.assertThat(page.locator("#file-error")).containsText("Choose the file again.");
    PlaywrightAssertions.assertThat(page.locator("#file")).hasAttribute("aria-invalid", "true");
    PlaywrightAssertions.assertThat(page.locator("#audit")).hasValue(audit);
    PlaywrightAssertions.assertThat(page.locator("main input[name=held]")).hasCount(0);
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();
  }

  @Test
  void anAsAtThatIsNoDateIsRefusedBesideItsFieldAndTheFileIsKeptToCheckAgain() {
    String audit = "PAGE-" + UUID.randomUUID().toString().substring(0, 6);
    Page page = signedIn("helen", DemoUsers.PASSWORD);
    page.navigate(url("/imports"));
    PlaywrightAssertions.assertThat(page.locator("#asAt")).hasAttribute("type", "date");
    PlaywrightAssertions.assertThat(page.locator("#asAt")).hasAttribute("aria-describedby", "asAt-hint");
    PlaywrightAssertions.assertThat(page.locator("#asAt-hint")).containsText("Leave empty for today");
    page.locator("#file").setInputFiles(sheetWithoutAudit("annex.csv", "Review the contracts."));
    page.locator("#audit").fill(audit);
    // As a browser without a date picker lets a person type it.
    page.locator("#asAt").evaluate("input => input.type = 'text'");
    page.locator("#asAt").fill("31/12/2024");
    button(page, "Check this sheet").click();

    PlaywrightAssertions.assertThat(page.locator("[role=alert] a[href='#asAt']")).containsText("asAt \"31/12/2024\" is not a date");
    PlaywrightAssertions.assertThat(page.locator("#asAt-error")).containsText("asAt \"31/12/2024\" is not a date");
    PlaywrightAssertions.assertThat(page.locator("#asAt")).hasAttribute("aria-invalid", "true");
    PlaywrightAssertions.assertThat(page.locator("#asAt")).hasAttribute("aria-describedby", "asAt-hint asAt-error");
    PlaywrightAssertions.assertThat(page.locator("#file-hint")).containsText("annex.csv is kept");
    PlaywrightAssertions.assertThat(main(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import this 1 row"))).hasCount(0);
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();

    page.locator("#asAt").fill("2024-12-31");
    button(page, "Check this sheet").click();
    PlaywrightAssertions.assertThat(page.locator("[role=status]")).containsText("annex.csv: dry run, nothing written");
    PlaywrightAssertions.assertThat(page.locator("#asAt")).hasValue("2024-12-31");
    PlaywrightAssertions.assertThat(page.locator("#asAt")).not().hasAttribute("aria-invalid", "true");
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isEmpty();
  }

  private Page signedIn(String user, String password) {
    BrowserContext context = chromium.browser().newContext();
    context.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
    contexts.add(context);
    Page page = context.newPage();
    page.navigate(url("/login"));
    page.locator("#username").fill(user);
    page.locator("#password").fill(password);
    page.locator("button[type=submit]").click();
    page.waitForURL(address -> !address.contains("/login"));
    return page;
  }

  /** A second audit manager, besides Helen. */
  private String auditManager() {
    String id = "deputy-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(id);
    user.setFirstName("Deputy");
    user.setLastName("Head-of-Audit");
    user.setPassword("right-password");
    identityService.saveUser(user);
    identityService.createMembership(id, Groups.AUDIT_MANAGERS);
    identityService.createMembership(id, Groups.AUDITORS);
    return id;
  }

  /** A sheet with no Audit column (the audit is a choice on the page), one row a recommendation. */
  private static FilePayload sheetWithoutAudit(String name, String... texts) {
    StringBuilder csv = new StringBuilder("Rec No.,Recommendation,Rating,Lead Officer,By When\n");
    String[] ratings = {"Merits Attention", "Requires Attention"};
    for (int i = 0; i < texts.length; i++) {
      csv.append(i + 1).append(',').append(texts[i]).append(',').append(ratings[i % 2]).append(",Olivia Officer,31 May 2030\n");
    }
    return new FilePayload(name, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Locator main(Page page) {
    return page.locator("main");
  }

  private static Locator button(Page page, String name) {
    return main(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
