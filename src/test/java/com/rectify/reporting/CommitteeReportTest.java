package com.rectify.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.audit.Audit;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.browser.Browsers;
import com.rectify.common.Today;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycleRepository;
import com.rectify.demo.DemoUsers;
import com.rectify.evidence.EvidenceUpload;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The committee report for a data set built through the real process with the engine clock moved through
 * 2001 and 2002, read as at the end of March 2002 and as at the end of June 2002: each date shows its own
 * picture, computed from the status history.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeReportTest {

  static final LocalDate MARCH = LocalDate.of(2002, 3, 31);
  static final LocalDate JUNE = LocalDate.of(2002, 6, 30);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired ReportingCycleRepository cycles;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired EvidenceUpload evidenceUpload;

  final Map<String, Recommendation> recs = new HashMap<>();
  String tag;

  @BeforeAll
  void buildHistory() {
    demoUsers.ensure();
    tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    try {
      at(LocalDate.of(2001, 1, 1));
      for (LocalDate asAt : List.of(LocalDate.of(2001, 1, 31), LocalDate.of(2001, 12, 31), MARCH, JUNE)) {
        cycles.save(new ReportingCycle("Cycle " + asAt + " " + tag, asAt, asAt.plusDays(14), "helen", Instant.now()));
      }
      at(LocalDate.of(2001, 1, 15));
      List<Recommendation> created = audit("RPT-" + tag, "Essential:Keep a register of contracts.", "High:Recover overdue debts.",
          "High:Reconcile the bank monthly.", "Medium:Review the debt policy.", "Low:=1+1 publish the gifts register.",
          "High:Review payroll exceptions.", "Medium:Train enforcement officers.", "Medium:Replace the old asset system.");
      String[] names = {"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r9"};
      for (int i = 0; i < names.length; i++) {
        recs.put(names[i], created.get(i));
      }
      at(LocalDate.of(2001, 1, 20));
      agree("r1", LocalDate.of(2001, 12, 31));
      agree("r2", LocalDate.of(2001, 2, 28));
      agree("r3", LocalDate.of(2002, 1, 31));
      agree("r4", LocalDate.of(2002, 5, 31));
      agree("r5", LocalDate.of(2002, 12, 31));
      agree("r6", LocalDate.of(2001, 6, 30));
      complete("r9", LifecycleVariables.TASK_AGREE_ACTION, "olivia", "agreement", "NOT_AGREED", "notAgreedReason", "Too costly.");
      at(LocalDate.of(2001, 2, 10));
      complete("r2", LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "REVISION_REQUESTED",
          "requestedTargetDate", "2001-09-30", "revisionReason", "New finance system first.");
      complete("r2", LifecycleVariables.TASK_APPROVE_REVISED_DATE, "alice", "revisionDecision", "APPROVED");
      at(LocalDate.of(2002, 2, 1));
      update("r1", "February: contracts register drafted.");
      at(LocalDate.of(2002, 4, 15));
      recs.put("r8", audit("RPT2-" + tag, "Low:Label the fire doors.").get(0));
      agree("r8", LocalDate.of(2002, 5, 15));
      at(LocalDate.of(2002, 5, 1));
      update("r1", "May: contracts register approved by CMT.");
      at(LocalDate.of(2002, 5, 10));
      evidenceUpload.upload(recs.get("r6").getId(), "exceptions.txt", "Signed exception report.".getBytes(StandardCharsets.UTF_8), "olivia");
      complete("r6", LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "EVIDENCE_SUBMITTED", "evidenceNote", "Signed.");
      complete("r6", LifecycleVariables.TASK_REVIEW_EVIDENCE, "alice", "reviewOutcome", "IMPLEMENTED", "reviewComment", "Seen.");
      executeJobs();
      at(LocalDate.of(2002, 6, 1));
      complete("r9", LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK, "dan", "riskDecision", "ACCEPTED", "riskRationale", "Small exposure.");
      executeJobs();
    } finally {
      ClockUtil.reset();
    }
  }

  void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(Today.LONDON).toInstant()));
  }

  List<Recommendation> audit(String reference, String... gradedTexts) {
    List<NewRecommendation> items = new ArrayList<>();
    for (int i = 0; i < gradedTexts.length; i++) {
      String[] parts = gradedTexts[i].split(":", 2);
      items.add(new NewRecommendation(String.valueOf(i + 1), parts[1], null, parts[0], "Olivia Officer", null));
    }
    Audit audit = audits.create(new NewAudit(reference, "Report audit " + reference, "finance", null, items), "helen");
    return recommendations.findByAuditIdOrderByIdAsc(audit.getId());
  }

  void agree(String name, LocalDate target) {
    complete(name, LifecycleVariables.TASK_AGREE_ACTION, "olivia", "agreement", "AGREED", "agreedAction", "We will.",
        "targetDate", target.toString());
  }

  void update(String name, String text) {
    complete(name, LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "PROGRESS_UPDATE", "progressUpdate", text);
  }

  void complete(String name, String taskKey, String user, Object... keyValues) {
    new TaskCompletion(taskService, identityService).complete(recs.get(name).getBusinessKey(), taskKey, user, keyValues);
  }

  void executeJobs() {
    for (Recommendation r : recs.values()) {
      org.camunda.bpm.engine.runtime.ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(r.getBusinessKey()).singleResult();
      if (instance == null) {
        continue;
      }
      for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
        managementService.executeJob(job.getId());
      }
    }
  }

  TestRestTemplate as(String user) {
    return http.withBasicAuth(user, DemoUsers.PASSWORD);
  }

  JsonNode json(LocalDate asAt) {
    ResponseEntity<JsonNode> response = as("carol").getForEntity("/api/reports/committee?format=json&asAt=" + asAt, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** Band → the recommendations (by their name in this test) it lists; only this test's audits. */
  Map<String, List<String>> groups(JsonNode report) {
    Map<String, String> byKey = new HashMap<>();
    recs.forEach((name, r) -> byKey.put(r.getBusinessKey(), name));
    Map<String, List<String>> groups = new HashMap<>();
    report.get("groups").forEach(g -> {
      List<String> names = new ArrayList<>();
      g.get("rows").forEach(row -> {
        String name = byKey.get(row.get("businessKey").asText());
        if (name != null) {
          names.add(name + (row.get("firstCycleOverdue").asBoolean() ? "*" : ""));
        }
      });
      groups.put(g.get("band").asText(), names);
    });
    return groups;
  }

  JsonNode row(JsonNode report, String name) {
    for (JsonNode g : report.get("groups")) {
      for (JsonNode row : g.get("rows")) {
        if (row.get("businessKey").asText().equals(recs.get(name).getBusinessKey())) {
          return row;
        }
      }
    }
    throw new AssertionError(name + " not in the report");
  }

  @Test
  void asAtTheEndOfMarchTheReportShowsMarchsPicture() {
    JsonNode report = json(MARCH);
    Map<String, List<String>> groups = groups(report);
    // * = overdue for the first time this cycle
    assertThat(groups.get("ESSENTIAL_OVERDUE")).containsExactly("r1*");
    assertThat(groups.get("HIGH_OVER_12_MONTHS")).containsExactly("r2");
    assertThat(groups.get("HIGH_3_TO_12_MONTHS")).containsExactly("r6");
    assertThat(groups.get("HIGH_UNDER_3_MONTHS")).containsExactly("r3*");
    assertThat(groups.get("MEDIUM_UNDER_3_MONTHS")).isEmpty();
    assertThat(groups.get("LOW_OVERDUE")).isEmpty();
    assertThat(groups.get("NOT_YET_DUE")).containsExactlyInAnyOrder("r4", "r5");
    assertThat(groups.get("AWAITING_DECISION")).as("not agreed: the residual risk waits for a decision").containsExactly("r9");
    assertThat(groups.get("NOT_YET_AGREED")).containsExactly("r7");
    assertThat(report.get("outstanding").asInt()).isEqualTo(8);
    assertThat(report.get("implementedSince").asInt()).isZero();
    assertThat(report.get("riskAcceptedSince").asInt()).isZero();
    assertThat(report.get("since").asText()).isEqualTo("2001-12-31");

    JsonNode r2 = row(report, "r2");
    assertThat(r2.get("originalTargetDate").asText()).isEqualTo("2001-02-28");
    assertThat(r2.get("currentTargetDate").asText()).isEqualTo("2001-09-30");
    assertThat(r2.get("monthsOverdue").asInt()).as("counted from the original date").isEqualTo(13);
    assertThat(r2.get("revisions")).hasSize(1);
    assertThat(r2.get("revisions").get(0).get("decision").asText()).isEqualTo("approved");
    assertThat(r2.get("revisions").get(0).get("cycle").asText()).isEqualTo("Cycle 2001-01-31 " + tag);
    assertThat(row(report, "r1").get("latestUpdate").asText()).isEqualTo("February: contracts register drafted.");
    assertThat(row(report, "r6").get("status").asText()).isEqualTo("in implementation");
    assertThat(row(report, "r9").get("status").asText()).isEqualTo("awaiting risk acceptance");
    assertThat(row(report, "r9").get("awaitingDecision").asText()).isEqualTo("the residual risk");
    assertThat(row(report, "r9").get("statusInWords").asText()).isEqualTo("awaiting risk acceptance");
    assertThat(row(report, "r6").get("auditReference").asText()).isEqualTo("RPT-" + tag);
    assertThat(row(report, "r6").get("businessKey").asText()).isEqualTo("RPT-" + tag + "/6");
    assertThat(row(report, "r7").get("originalTargetDate").isNull()).isTrue();
  }

  @Test
  void asAtTheEndOfJuneTheReportShowsJunesPicture() {
    JsonNode report = json(JUNE);
    Map<String, List<String>> groups = groups(report);
    assertThat(groups.get("ESSENTIAL_OVERDUE")).containsExactly("r1");
    assertThat(groups.get("HIGH_OVER_12_MONTHS")).containsExactly("r2");
    assertThat(groups.get("HIGH_3_TO_12_MONTHS")).containsExactly("r3");
    assertThat(groups.get("HIGH_UNDER_3_MONTHS")).isEmpty();
    assertThat(groups.get("MEDIUM_UNDER_3_MONTHS")).containsExactly("r4*");
    assertThat(groups.get("LOW_OVERDUE")).containsExactly("r8*");
    assertThat(groups.get("NOT_YET_DUE")).containsExactly("r5");
    assertThat(groups.get("NOT_YET_AGREED")).containsExactly("r7");
    assertThat(groups.get("AWAITING_DECISION")).as("r9's risk was accepted in June").isEmpty();
    assertThat(report.get("outstanding").asInt()).isEqualTo(7);
    assertThat(report.get("implementedSince").asInt()).isEqualTo(1);
    assertThat(report.get("riskAcceptedSince").asInt()).isEqualTo(1);
    assertThat(row(report, "r1").get("latestUpdate").asText()).isEqualTo("May: contracts register approved by CMT.");
    assertThat(row(report, "r2").get("monthsOverdue").asInt()).isEqualTo(16);

    JsonNode summary = report.get("summary");
    assertThat(summary).hasSize(5);
    assertThat(summary.get(1).get("grade").asText()).isEqualTo("High");
    assertThat(summary.get(1).get("over12").asInt()).isEqualTo(1);
    assertThat(summary.get(1).get("from3To12").asInt()).isEqualTo(1);
    assertThat(summary.get(1).get("under3").asInt()).isZero();
    assertThat(summary.get(4).get("overdue").asInt()).isEqualTo(5);
    assertThat(summary.get(4).get("notYetDue").asInt()).isEqualTo(2);

    JsonNode sinceMarchFirst = as("helen").getForEntity("/api/reports/committee?format=json&asAt=" + JUNE + "&since=2002-01-01",
        JsonNode.class).getBody();
    assertThat(sinceMarchFirst.get("implementedSince").asInt()).isEqualTo(1);
    assertThat(sinceMarchFirst.get("since").asText()).isEqualTo("2002-01-01");
  }

  @Test
  void thePdfCarriesTheSameReport() throws IOException {
    ResponseEntity<byte[]> pdf = as("helen").getForEntity("/api/reports/committee?format=pdf&asAt=" + JUNE, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("as at 30/06/2002", "Essential — overdue", "High — overdue more than 12 months",
          "Keep a register of contracts.", "Label the fire doors.", "May: contracts register approved by CMT.",
          "RPT-" + tag + "/1", "Not yet agreed by management", "Overdue measured from the original target date");
      var page = document.getPage(0).getMediaBox();
      assertThat(page.getWidth()).as("the report's stylesheet reached the PDF: A4 landscape").isGreaterThan(page.getHeight());
    }
  }

  @Test
  void theWorkbookAndTheCsvCarryTheRowsWithFormulasNeutralised() throws IOException {
    ResponseEntity<byte[]> xlsx = as("helen").getForEntity("/api/reports/committee?format=xlsx&asAt=" + JUNE, byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet rows = workbook.getSheet("Recommendations");
      Map<String, org.apache.poi.ss.usermodel.Row> byText = new HashMap<>();
      for (int i = 1; i <= rows.getLastRowNum(); i++) {
        byText.put(rows.getRow(i).getCell(4).getStringCellValue(), rows.getRow(i));
      }
      org.apache.poi.ss.usermodel.Row gifts = byText.get("'=1+1 publish the gifts register.");
      assertThat(gifts).as("the formula-like text is quoted").isNotNull();
      assertThat(gifts.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      org.apache.poi.ss.usermodel.Row debts = byText.get("Recover overdue debts.");
      assertThat(debts.getCell(0).getStringCellValue()).isEqualTo("High — overdue more than 12 months");
      assertThat(debts.getCell(2).getStringCellValue()).as("named by its reference").isEqualTo("RPT-" + tag + "/2");
      assertThat(debts.getCell(6).getStringCellValue()).isEqualTo("in implementation");
      assertThat(debts.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2001, 2, 28));
      assertThat(debts.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2001, 9, 30));
      assertThat(debts.getCell(9).getNumericCellValue()).isEqualTo(16);
      assertThat(debts.getCell(10).getStringCellValue()).contains("Revision 1: 28/02/2001 to 30/09/2001 (approved");
      assertThat(workbook.getSheet("Summary").getRow(0).getCell(0).getStringCellValue()).contains("30/06/2002");
    }

    ResponseEntity<byte[]> csv = as("helen").getForEntity("/api/reports/committee?format=csv&asAt=" + JUNE, byte[].class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    byte[] bytes = csv.getBody();
    assertThat(java.util.Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark, for Excel")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("Group,Audit,Reference,").contains("High — overdue more than 12 months");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
    assertThat(records).anySatisfy(r -> {
      assertThat(r.get("Recommendation")).isEqualTo("'=1+1 publish the gifts register.");
      assertThat(r.get("Group")).isEqualTo("Not yet due");
    });
    assertThat(records).anySatisfy(r -> {
      assertThat(r.get("Recommendation")).isEqualTo("Label the fire doors.");
      assertThat(r.get("Group")).isEqualTo("Low — overdue");
      assertThat(r.get("First cycle overdue")).isEqualTo("Yes");
      assertThat(r.get("Original target date")).isEqualTo("15/05/2002");
      assertThat(r.get("Reference")).isEqualTo("RPT2-" + tag + "/1");
      assertThat(r.get("Status")).isEqualTo("in implementation");
    });
    assertThat(records).anySatisfy(r -> {
      assertThat(r.get("Reference")).isEqualTo("RPT-" + tag + "/7");
      assertThat(r.get("Group")).isEqualTo("Not yet agreed by management");
      assertThat(r.get("Status")).isEqualTo("awaiting agreement");
    });
  }

  @Test
  void badParametersAreNamed() {
    ResponseEntity<JsonNode> badDate = as("helen").getForEntity("/api/reports/committee?asAt=31-06-2002", JsonNode.class);
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody().get("errors").get(0).get("field").asText()).isEqualTo("asAt");
    ResponseEntity<JsonNode> badFormat = as("helen").getForEntity("/api/reports/committee?format=docx", JsonNode.class);
    assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badFormat.getBody().get("errors").get(0).get("field").asText()).isEqualTo("format");
    assertThat(as("olivia").getForEntity("/api/reports/committee?format=json", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theHtmlReportRendersInChromium() {
    try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
      BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
      Page page = context.newPage();
      Browsers.loginToTasklist(page, "http://localhost:" + port, "carol", DemoUsers.PASSWORD);
      page.navigate("http://localhost:" + port + "/reports/committee?asAt=" + JUNE);
      assertThat(page.locator("h1").textContent()).contains("as at 30/06/2002");
      assertThat(page.locator("#LOW_OVERDUE").textContent()).contains("Label the fire doors.").contains("first cycle");
      assertThat(page.locator("#summary tbody tr").count()).isEqualTo(5);
      assertThat(page.locator("#basis").textContent()).contains("Overdue measured from the original target date");
      assertThat(page.locator("#LOW_OVERDUE tbody th").first().textContent()).as("a row is named by its reference")
          .contains("RPT2-" + tag + "/1");
      assertThat(page.locator("#NOT_YET_AGREED").textContent()).contains("Train enforcement officers.", "awaiting agreement");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/committee-report.png")).setFullPage(true));
      context.close();
    }
  }
}
