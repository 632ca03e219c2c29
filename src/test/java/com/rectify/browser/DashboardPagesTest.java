package com.rectify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Today;
import com.rectify.demo.DemoUsers;
import com.rectify.importing.ImportService;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.register.SampleRegister;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard, register, recommendation page and analytics in Chromium: charts drawn and clicked through to
 * the register filtered, the register searched, sorted, paged and exported, the BPMN diagram with the current
 * step marked, an officer kept to their own service; no console error on any of them, and each fits a phone.
 */
@RectifyApplicationTest
class DashboardPagesTest {

  private static final String FOLDER = "pages";

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired ImportService imports;
  @Autowired RecommendationRepository recommendations;
  @Autowired RuntimeService runtimeService;
  @Autowired Today today;

  private SampleRegister sample;
  private final SignedInWindows windows = new SignedInWindows();

  @BeforeEach
  void sample() {
    demoUsers.ensure();
    sample = SampleRegister.importInto(imports, recommendations, today.date());
  }

  @AfterEach
  void closeBrowsers() {
    windows.closeAll();
  }

  @Test
  void aChartBarOpensTheRegisterFilteredToWhatItCounts() {
    Page page = login("helen");
    page.navigate(url("/dashboard"));
    assertThat(page.locator("canvas[data-chart]").count()).isEqualTo(6);
    Screens.both(page, FOLDER, "dashboard");

    // High, overdue 3–12 months: the third series' second bar.
    clickBar(page, "chart-grade-band", 2, 1);
    page.waitForURL("**/register?**");
    assertThat(page.url()).contains("status=open", "grade=HIGH", "overdue=3-12m");
    assertThat(page.locator("select[name=overdue] option:checked").innerText()).isEqualTo("Overdue 3–12 months");
    assertThat(page.locator("select[name=grade] option:checked").innerText()).isEqualTo("High");
    assertThat(page.locator("#register tbody tr").allInnerTexts()).isNotEmpty().allSatisfy(row -> assertThat(row).contains("High"));
    // The bar counts every service's recommendations, other tests' too, which may fill the register's first page:
    // the same filter, narrowed to this test's audit, holds its High recommendation 5 months overdue and not the
    // one 14 months overdue.
    page.navigate(page.url() + "&q=" + sample.audit);
    assertThat(page.locator("#register").innerText()).contains(sample.audit + "/2").doesNotContain(sample.audit + "/3");

    page.navigate(url("/dashboard"));
    page.locator("#headlines").getByText("Overdue", new Locator.GetByTextOptions().setExact(true)).click();
    page.waitForURL("**/register?**");
    assertThat(page.url()).contains("overdue=any");
    assertNoConsoleErrors();
  }

  @Test
  void theRegisterIsSearchedSortedPagedAndExported() {
    Page page = login("helen");
    page.navigate(url("/register"));
    page.locator("input[name=q]").fill(sample.audit);
    page.getByText("Show", new Page.GetByTextOptions().setExact(true)).click();
    page.waitForURL("**q=" + sample.audit + "**");
    assertThat(page.locator("#count").innerText()).startsWith("7 recommendations");

    page.locator("#register thead").getByText("Grade").click();
    page.waitForURL("**sort=grade**");
    assertThat(page.locator("#register tbody tr").first().innerText()).contains(sample.audit + "/1", "Essential");
    page.locator("#register thead").getByText("Grade").click();
    page.waitForURL("**dir=desc**");
    assertThat(page.locator("#register tbody tr").first().innerText()).contains(sample.audit + "/5", "Low");
    Screens.both(page, FOLDER, "register");

    page.navigate(url("/register?q=" + sample.audit + "&sort=reference&size=3"));
    assertThat(page.locator(".pager").innerText()).contains("Page 1 of 3");
    page.getByText("Next →").click();
    page.waitForURL("**page=1**");
    assertThat(page.locator(".pager").innerText()).contains("Page 2 of 3");
    assertThat(page.locator("#register tbody tr").first().innerText()).contains(sample.audit + "/4");

    Download download = page.waitForDownload(() -> page.locator("#export-xlsx").click());
    assertThat(download.suggestedFilename()).startsWith("register-").endsWith(".xlsx");
    assertThat(download.url()).contains("q=" + sample.audit, "format=xlsx").doesNotContain("page=");

    Response refused = page.navigate(url("/register?grade=Urgent&overdue=soon"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(page.locator("#problems").innerText()).contains("Parameter 'grade' cannot be 'Urgent'", "Parameter 'overdue' cannot be 'soon'");
    Screens.both(page, FOLDER, "register-refused");
    assertThat(windows.consoleErrors())
        .as("only the refused page's own status").allSatisfy(e -> assertThat(e).contains("400", "/register?grade=Urgent"));
  }

  @Test
  void theRecommendationPageShowsTheCurrentStepAndLinksToTasklistAndCockpit() {
    Long id = sample.id("2");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sample.audit + "/2").singleResult().getId();
    Page page = login("helen");
    page.navigate(url("/recommendations/" + id));
    // Where it stands, in words: the current stage marked by text and aria-current, not by colour alone.
    Locator current = page.locator("#stages li[aria-current=step]");
    assertThat(current.count()).isEqualTo(1);
    assertThat(current.innerText()).contains("Implement the action", "(current step)");
    assertThat(page.locator("#stages").innerText()).containsSubsequence("Agree the action", "(done)", "Implement the action",
        "(current step)", "Submit evidence", "(still to come)", "Audit review of the evidence", "(still to come)",
        "Closed: implemented", "(still to come)").doesNotContain(": (").doesNotContain("— :");
    @SuppressWarnings("unchecked")
    List<Number> sizes = (List<Number>) page.evaluate("() => [...document.querySelectorAll('#stages li, #stages li *')]"
        + ".map(e => parseFloat(getComputedStyle(e).fontSize))");
    assertThat(sizes).as("the stages' text sizes in px").isNotEmpty().allSatisfy(size -> assertThat(size.doubleValue()).isGreaterThanOrEqualTo(14));

    // The whole process diagram waits behind a disclosure; opened, it shows the current step and its neighbours at a
    // size its labels can be read, and a button shows the whole process.
    assertThat(page.locator("#diagram").isVisible()).isFalse();
    page.locator("#whole-process summary").click();
    page.locator("#diagram[data-ready=true]").waitFor();
    assertThat(page.locator("#diagram .djs-element.current[data-element-id=Task_ImplementAction]").count()).isEqualTo(1);
    assertThat(page.locator("#diagram .djs-element.current").count()).isEqualTo(1);
    String scaleOfCurrent = "() => { const shape = document.querySelector('#diagram .djs-element.current .djs-visual > rect');"
        + " const box = shape.getBoundingClientRect(), frame = document.querySelector('#diagram').getBoundingClientRect();"
        + " return [box.width / shape.width.baseVal.value, box.left >= frame.left && box.right <= frame.right"
        + " && box.top >= frame.top && box.bottom <= frame.bottom]; }";
    List<?> opened = (List<?>) page.evaluate(scaleOfCurrent);
    assertThat(((Number) opened.get(0)).doubleValue()).as("the current step's scale").isGreaterThanOrEqualTo(1.15);
    assertThat(opened.get(1)).as("the current step inside the diagram's frame").isEqualTo(true);
    Screens.desktop(page, FOLDER, "recommendation-diagram-at-current-step");
    page.locator("#whole-process button[data-zoom=whole]").click();
    assertThat(((Number) ((List<?>) page.evaluate(scaleOfCurrent)).get(0)).doubleValue()).as("the whole process's scale").isLessThan(1);
    assertThat(page.locator(".task-link").first().getAttribute("href")).startsWith("/camunda/app/tasklist/default/#/?task=");
    assertThat(page.locator("#cockpit-link").getAttribute("href"))
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
    assertThat(page.locator("#timeline").innerText()).contains("Raised: awaiting agreement", "→ in implementation");
    Screens.both(page, FOLDER, "recommendation");

    page.locator(".task-link").first().click();
    page.waitForURL("**/camunda/app/tasklist/**");
    Browsers.untilVisible(page, page.locator(".fjs-container"), "the task's form in Tasklist");
    assertThat(page.locator(".task-details, .task-card, body").first().innerText()).contains("Implement action · " + sample.audit + "/2");
    assertNoConsoleErrors();
  }

  @Test
  void analyticsShowsTheStepsAndAnOfficerSeesOnlyTheirOwnService() {
    Page helen = login("helen");
    helen.navigate(url("/analytics"));
    assertThat(helen.locator("#chart-waiting table").textContent()).contains("Implement action");
    assertThat(helen.locator("#waiting-by-service").innerText()).contains(sample.service);
    Screens.both(helen, FOLDER, "analytics");

    SampleRegister finance = SampleRegister.importInto(imports, recommendations, today.date(), "finance");
    Page olivia = login("olivia");
    olivia.navigate(url("/register?audit=" + finance.audit));
    assertThat(olivia.locator("#count").innerText()).startsWith("7 recommendations");
    olivia.navigate(url("/dashboard"));
    assertThat(olivia.locator("main").innerText()).contains("Counting the recommendations of your service: finance");
    assertThat(olivia.locator("#chart-services table").textContent()).contains("finance").doesNotContain(sample.service);
    Screens.both(olivia, FOLDER, "dashboard-officer");
    olivia.navigate(url("/register?service=" + sample.service));
    assertThat(olivia.locator("#count").innerText()).startsWith("0 recommendations");
    assertThat(olivia.request().get(url("/recommendations/" + sample.id("1"))).status()).isEqualTo(404);
    assertThat(olivia.request().get(url("/recommendations/" + sample.id("1") + "/diagram")).status()).isEqualTo(404);
    assertThat(olivia.request().get(url("/analytics")).status()).isEqualTo(403);
    assertNoConsoleErrors();
  }

  @Test
  void aRefusedPageExplainsItselfToAPersonAndAnswersJsonToAScript() {
    Page olivia = login("olivia");
    // A page of its own, unwatched: Chromium logs every 4xx document as a console error, which here is the point.
    Page refused = olivia.context().newPage();

    Response analytics = refused.navigate(url("/analytics"));
    assertThat(analytics.status()).isEqualTo(403);
    assertThat(refused.locator("h1").innerText()).isEqualTo("You may not open this");
    assertThat(refused.locator("#refused").innerText()).contains("403 Forbidden").doesNotContain("{\"status\"");
    assertThat(refused.locator("header.nav a", new Page.LocatorOptions().setHasText("Register")).count()).isEqualTo(1);
    Screens.both(refused, FOLDER, "refused");

    Response unknown = refused.navigate(url("/recommendations/" + Long.MAX_VALUE));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(refused.locator("h1").innerText()).isEqualTo("We cannot show this recommendation");
    assertThat(refused.locator("[role=alert]").innerText()).contains("There is no recommendation at this address",
        "Look for it in the register, or ask the audit team");
    assertThat(refused.locator("#refused").innerText()).as("the page, its hint included").contains("404")
        .doesNotContain(String.valueOf(Long.MAX_VALUE)).doesNotContain("/recommendations/");

    Response badFilter = refused.navigate(url("/register/export?format=docx"));
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(refused.locator("[role=alert]").innerText()).contains("Parameter 'format' must be csv or xlsx, not 'docx'.");

    Response noSuchAddress = refused.navigate(url("/no-such-page"));
    assertThat(noSuchAddress.status()).isEqualTo(404);
    assertThat(refused.locator("h1").innerText()).isEqualTo("Page not found");
    assertThat(refused.locator("[role=alert]").innerText()).contains("There is nothing at this address");

    var script = olivia.request().get(url("/analytics"));
    assertThat(script.status()).isEqualTo(403);
    assertThat(script.headers().get("content-type")).startsWith("application/json");
    assertThat(script.text()).contains("\"status\":403");
    assertNoConsoleErrors();
  }

  /** Clicks the bar Chart.js drew for one series and category. */
  private static void clickBar(Page page, String chartId, int series, int category) {
    Locator canvas = page.locator("#" + chartId + " canvas");
    canvas.scrollIntoViewIfNeeded();
    @SuppressWarnings("unchecked")
    Map<String, Number> point = (Map<String, Number>) canvas.evaluate("(c, [s, i]) => { const bar = Chart.getChart(c)"
        + ".getDatasetMeta(s).data[i]; const box = bar.getProps(['x', 'y', 'base'], true);"
        + " return { x: box.x, y: (box.y + box.base) / 2 }; }", List.of(series, category));
    var box = canvas.boundingBox();
    page.mouse().click(box.x + point.get("x").doubleValue(), box.y + point.get("y").doubleValue());
  }

  private Page login(String user) {
    return windows.open(chromium.browser(), url(""), user, Screens.DESKTOP_HEIGHT);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void assertNoConsoleErrors() {
    assertThat(windows.consoleErrors()).isEmpty();
  }
}
