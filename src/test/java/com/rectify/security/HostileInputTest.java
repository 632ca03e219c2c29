package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.rectify.RectifyApplicationTest;
import com.rectify.audit.AuditRepository;
import com.rectify.browser.Browsers;
import com.rectify.browser.Chromium;
import com.rectify.demo.DemoUsers;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Payloads from the OWASP XSS filter-evasion cheat sheet, through the API and a Tasklist form: stored
 * without anything that could run, and inert in Chromium on every page that shows them.
 */
@RectifyApplicationTest
class HostileInputTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String SVG = "<svg onload=alert(1)>";
  static final String BREAKOUT = "\"><script>alert(document.cookie)</script>";
  static final String LINK = "<a href=\"javascript:alert(1)\">click</a>";
  static final String BODY = "<body onload=alert(1)>";
  static final String IFRAME = "<iframe src=\"javascript:alert(1)\"></iframe>";

  @RegisterExtension
  static final Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired RecommendationRepository recommendations;
  @Autowired AuditRepository audits;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, DemoUsers.PASSWORD);
  }

  private static void assertInert(String stored) {
    if (stored == null) {
      return;
    }
    String lower = stored.toLowerCase();
    assertThat(lower).as(stored).doesNotContain("<script", "<img", "<svg", "<iframe", "<body", "onerror", "onload",
        "href=\"javascript", "src=\"javascript");
  }

  private JsonNode postAudit(String leadOfficer) {
    String marker = "Marker" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> audit = Map.of("reference", "XSS-" + UUID.randomUUID().toString().substring(0, 6),
        "title", "Payroll " + BREAKOUT + SVG, "service", "finance", "reportIssuedOn", "2025-03-31",
        "recommendations", List.of(Map.of("reference", "1",
            "recommendation", "<p>" + marker + " reconcile payroll.</p>" + SCRIPT + IMG + SVG + LINK + BODY + IFRAME,
            "finding", "Weak control " + BREAKOUT + IMG + LINK,
            "grade", "High", "leadOfficer", leadOfficer)));
    ResponseEntity<JsonNode> created = as("helen").postForEntity("/api/audits", audit, JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  @Test
  void payloadsThroughTheApiAreStoredSanitised() {
    demoUsers.ensure();
    JsonNode body = postAudit("Olivia Officer" + BREAKOUT + IMG);
    Recommendation rec = recommendations.findById(body.get("recommendations").get(0).get("id").asLong()).orElseThrow();
    assertInert(rec.getText());
    assertInert(rec.getFinding());
    assertInert(rec.getLeadOfficer());
    assertInert(audits.findById(rec.getAudit().getId()).orElseThrow().getTitle());
    assertThat(rec.getText()).contains("reconcile payroll");
    assertThat(rec.getLeadOfficer()).startsWith("Olivia Officer");
  }

  @Test
  void payloadsAreInertInTheEvidencePageTasklistTheCommitteeReportAndTheRegisterPages() {
    demoUsers.ensure();
    JsonNode body = postAudit("Olivia Officer");
    long id = body.get("recommendations").get(0).get("id").asLong();
    Recommendation rec = recommendations.findById(id).orElseThrow();

    Task agree = taskService.createTaskQuery().processInstanceBusinessKey(rec.getBusinessKey())
        .taskDefinitionKey(LifecycleVariables.TASK_AGREE_ACTION).singleResult();
    Map<String, Object> form = new HashMap<>();
    form.put("agreement", "AGREED");
    form.put("agreedAction", "Reconcile monthly " + SCRIPT + IMG + SVG + BREAKOUT + LINK);
    form.put("targetDate", LocalDate.now().plusMonths(3).toString());
    identityService.setAuthentication("olivia", List.of("officers", "service-finance"));
    try {
      taskService.complete(agree.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
    rec = recommendations.findById(id).orElseThrow();
    assertInert(rec.getAgreedAction());
    assertThat(rec.getAgreedAction()).contains("Reconcile monthly");
    Task implement = taskService.createTaskQuery().processInstanceBusinessKey(rec.getBusinessKey())
        .taskDefinitionKey(LifecycleVariables.TASK_IMPLEMENT_ACTION).singleResult();

    String base = "http://localhost:" + port;
    List<String> dialogs = new ArrayList<>();
    try (BrowserContext officer = chromium.browser().newContext()) {
      officer.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
      Page page = officer.newPage();
      page.onDialog(dialog -> {
        dialogs.add("olivia: " + dialog.message());
        dialog.dismiss();
      });
      Browsers.loginToTasklist(page, base, "olivia", DemoUsers.PASSWORD);

      page.navigate(base + "/recommendations/" + id + "/evidence");
      assertThat(page.content()).contains("Reconcile monthly");
      Browsers.settled(page);

      page.navigate(base + "/camunda/app/tasklist/default/#/?task=" + implement.getId());
      Browsers.untilVisible(page, page.locator(".fjs-container"), "the form of the implement task");
      page.getByText("Reconcile monthly").first().waitFor();
      Browsers.settled(page);
    }
    try (BrowserContext manager = chromium.browser().newContext()) {
      manager.setDefaultTimeout(Browsers.PAGE_TIMEOUT);
      Page page = manager.newPage();
      page.onDialog(dialog -> {
        dialogs.add("helen: " + dialog.message());
        dialog.dismiss();
      });
      Browsers.loginToTasklist(page, base, "helen", DemoUsers.PASSWORD);
      page.navigate(base + "/reports/committee");
      assertThat(page.content()).contains("reconcile payroll");
      Browsers.settled(page);

      page.navigate(base + "/recommendations/" + id);
      page.locator("#timeline").waitFor();
      assertThat(page.locator("main").innerText()).contains("Reconcile monthly");
      Browsers.settled(page);

      page.navigate(base + "/register?q=" + rec.getBusinessKey());
      assertThat(page.locator("#register tbody tr").first().innerText()).contains(rec.getBusinessKey());
      Browsers.settled(page);

      page.navigate(base + "/dashboard");
      page.locator("#headlines").waitFor();
      Browsers.settled(page);
    }
    assertThat(dialogs).as("dialogs opened by stored payloads").isEmpty();
  }

  @Test
  void anOversizedApiBodyIsRefusedWith413() {
    demoUsers.ensure();
    String big = "{\"reference\":\"BIG-1\",\"title\":\"" + "x".repeat(1_500_000) + "\"}";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = as("helen").postForEntity("/api/audits", new HttpEntity<>(big, headers), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(audits.findAll()).noneMatch(a -> "BIG-1".equals(a.getReference()));
  }
}
