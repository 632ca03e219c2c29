package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusChange;
import com.rectify.recommendation.StatusChangeRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Councils' own sheets through {@code POST /api/imports}, over HTTP, with the real engine behind it. */
@RectifyApplicationTest
class ImportTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RecommendationRepository recommendations;
  @Autowired StatusChangeRepository statusChanges;
  @Autowired ProgressUpdateRepository updates;

  @BeforeEach
  void users() {
    demoUsers.ensure();
    BpmnAwareTests.init(processEngine);
  }

  // ------------------------------------------------------------------ helpers

  static byte[] resource(String name) throws IOException {
    return new ClassPathResource("imports/" + name).getInputStream().readAllBytes();
  }

  ResponseEntity<JsonNode> post(String user, String fileName, byte[] bytes, String query) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, DemoUsers.PASSWORD)
        .postForEntity("/api/imports" + (query == null ? "" : "?" + query), new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String fileName, byte[] bytes, String query) {
    return post("helen", fileName, bytes, query);
  }

  /** How much is in the register and the engine: an import that is refused must leave all of it as it was. */
  List<Long> footprint() {
    return List.of(recommendations.count(), statusChanges.count(), updates.count(),
        runtimeService.createProcessInstanceQuery().count());
  }

  static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> fields(JsonNode errorBody) {
    List<String> fields = new ArrayList<>();
    errorBody.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  static String tag() {
    return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }

  /** Every problem as "row column: message" (row "null" for the whole sheet). */
  static List<String> problems(JsonNode result) {
    List<String> problems = new ArrayList<>();
    result.get("problems").forEach(p -> problems.add(p.get("row").asText() + " " + p.get("column").asText() + ": " + p.get("message").asText()));
    return problems;
  }

  static List<Integer> rowsWithOutcome(JsonNode result, String outcome) {
    List<Integer> rows = new ArrayList<>();
    result.get("rows").forEach(r -> {
      if (r.get("outcome").asText().equals(outcome)) {
        rows.add(r.get("row").asInt());
      }
    });
    return rows;
  }

  String agreedAction(Recommendation r) {
    return com.rectify.common.TextSanitizer.plain(r.getAgreedAction());
  }

  List<String> notes(Recommendation r) {
    return updates.findByRecommendationIdOrderByPostedAtAscIdAsc(r.getId()).stream().map(u -> u.getText()).toList();
  }

  List<Recommendation> inAudit(String auditReference) {
    return recommendations.findAll().stream().filter(r -> r.getBusinessKey().startsWith(auditReference + "/")).toList();
  }

  ProcessInstance instanceOf(Recommendation r) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(r.getBusinessKey()).singleResult();
  }

  // ------------------------------------------------------------------ the samples

  @Test
  void theAppendixBSamplePastedAsTextImportsTwentyRecommendationsAtTheRightStepAndAsCsvAddsNothing() throws IOException {
    byte[] pasted = resource("overdue-actions-appendix-b.txt");
    List<Long> before = footprint();

    ResponseEntity<JsonNode> dry = post("overdue-actions-appendix-b.txt", pasted, "dryRun=true");
    assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dry.getBody().get("errorCount").asInt()).isZero();
    assertThat(dry.getBody().get("created").asInt()).isEqualTo(20);
    assertThat(dry.getBody().get("written").asBoolean()).isFalse();
    assertThat(dry.getBody().get("rows")).hasSize(20);
    List<Integer> rowNumbers = new ArrayList<>();
    dry.getBody().get("rows").forEach(r -> rowNumbers.add(r.get("row").asInt()));
    assertThat(rowNumbers).as("numbered as the lines of the pasted text").startsWith(6, 7, 9).endsWith(32, 33);
    assertThat(footprint()).as("a dry run writes nothing").isEqualTo(before);

    ResponseEntity<JsonNode> real = post("overdue-actions-appendix-b.txt", pasted, null);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(real.getBody().get("created").asInt()).isEqualTo(20);
    assertThat(real.getBody().get("errorCount").asInt()).isZero();

    List<Recommendation> partnerships = inAudit("Partnerships and shared services 2022-23");
    assertThat(partnerships).hasSize(6);
    List<Recommendation> imported = new ArrayList<>(partnerships);
    for (String audit : List.of("Financial Systems Key Controls 2022-23", "Temporary Accommodation 2021-22",
        "ICT Asset Management 2022-23", "Procurement 2022-23", "Enforcement activity 2023-24", "Managing Major Projects 2022-23")) {
      imported.addAll(inAudit(audit));
    }
    assertThat(imported).hasSize(20);
    for (Recommendation r : imported) {
      assertThat(r.getStatus()).isEqualTo(RecommendationStatus.IN_IMPLEMENTATION);
      assertThat(r.getOriginalTargetDate()).isNotNull().isEqualTo(r.getCurrentTargetDate());
      assertThat(r.getText()).doesNotContain("style=");
      assertThat(instanceOf(r)).isWaitingAt(LifecycleVariables.TASK_IMPLEMENT_ACTION);
      assertThat(runtimeService.getVariable(instanceOf(r).getId(), LifecycleVariables.GRADE)).isEqualTo(r.getGrade().name());
      List<StatusChange> trail = statusChanges.findByRecommendationIdOrderByIdAsc(r.getId());
      assertThat(trail).extracting(StatusChange::getToStatus)
          .containsExactly(RecommendationStatus.AWAITING_AGREEMENT, RecommendationStatus.IN_IMPLEMENTATION);
      assertThat(trail).allSatisfy(change -> {
        assertThat(change.getVia()).isEqualTo("import");
        assertThat(change.getChangedBy()).isEqualTo("helen");
        assertThat(change.getNote()).contains("overdue-actions-appendix-b.txt");
      });
      assertThat(updates.findLatest(r.getId())).isPresent();
    }
    Recommendation register = imported.stream().filter(r -> r.getText().contains("corporate central register")).findFirst().orElseThrow();
    assertThat(register.getText()).contains("Software information").doesNotContain("list-style-type");
    assertThat(register.getLeadOfficer()).isEqualTo("Head of ICT");
    assertThat(register.getOriginalTargetDate()).isEqualTo(LocalDate.of(2023, 6, 30));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(register.getBusinessKey()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(LifecycleVariables.TASK_IMPLEMENT_ACTION);

    // The same appendix saved as CSV reads as the same twenty recommendations: importing it adds nothing.
    List<Long> afterFirst = footprint();
    byte[] csv = resource("overdue-actions-appendix-b.csv");
    ResponseEntity<JsonNode> csvDry = post("overdue-actions-appendix-b.csv", csv, "dryRun=true");
    assertThat(csvDry.getBody().get("errorCount").asInt()).isZero();
    assertThat(csvDry.getBody().get("alreadyPresent").asInt()).isEqualTo(20);
    ResponseEntity<JsonNode> again = post("overdue-actions-appendix-b.csv", csv, null);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("created").asInt()).isZero();
    assertThat(again.getBody().get("alreadyPresent").asInt()).isEqualTo(20);
    assertThat(post("overdue-actions-appendix-b.txt", pasted, null).getBody().get("alreadyPresent").asInt()).isEqualTo(20);
    assertThat(footprint()).as("importing the same appendix again creates nothing").isEqualTo(afterFirst);
  }

  @Test
  void theBenefitsActionPlanImportsWithTheAuditGradeAndOfficerItDoesNotState() throws IOException {
    byte[] plan = resource("benefits-action-plan-2004.csv");
    List<Long> before = footprint();
    ResponseEntity<JsonNode> refused = post("benefits-action-plan-2004.csv", plan, null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(refused.getBody())).as("a sheet naming no officer is not refused for it")
        .containsExactlyInAnyOrder("row 1, column \"Audit\"", "row 1, column \"Grade\"");
    assertThat(footprint()).isEqualTo(before);
    String audit = "BEN-2004-" + tag();
    ResponseEntity<JsonNode> imported = post("benefits-action-plan-2004.csv", plan, "audit=" + audit
        + "&auditTitle=Housing and Council Tax Benefit inspection 2004&service=benefits&defaultGrade=Medium"
        + "&leadOfficer=Revenues and Benefits Manager");
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = imported.getBody();
    assertThat(result.get("errorCount").asInt()).isZero();
    assertThat(result.get("created").asInt()).isEqualTo(10);
    // the section heading and the repeated heading row are skipped, each with a warning naming its row
    assertThat(result.get("skipped").asInt()).isEqualTo(3);
    List<String> warnings = new ArrayList<>();
    result.get("problems").forEach(p -> warnings.add(p.get("row").asText() + " " + p.get("column").asText() + ": " + p.get("message").asText()));
    assertThat(warnings).anyMatch(w -> w.startsWith("1 OUTCOME"));
    assertThat(warnings).noneMatch(w -> w.contains("Lead Officer"));
    assertThat(warnings).anyMatch(w -> w.startsWith("11 BY WHEN") && w.contains("30/11/2004"));

    List<Recommendation> rows = inAudit(audit);
    assertThat(rows).hasSize(10);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.getGrade().name()).isEqualTo("MEDIUM");
      assertThat(r.getLeadOfficer()).isEqualTo("Revenues and Benefits Manager");
      assertThat(r.getService()).isEqualTo("benefits");
    });
    Recommendation corporatePlan = rows.stream().filter(r -> r.getText().startsWith("Develops its Corporate Plan")).findFirst().orElseThrow();
    assertThat(corporatePlan.getOriginalTargetDate()).isEqualTo(LocalDate.of(2004, 9, 30));
    assertThat(instanceOf(corporatePlan)).isWaitingAt(LifecycleVariables.TASK_IMPLEMENT_ACTION);
    assertThat(updates.findByRecommendationIdOrderByPostedAtAscIdAsc(corporatePlan.getId()))
        .extracting(u -> u.getText()).contains("OUTCOME (from the imported sheet): Included in 2004/5 service plan");

    Recommendation fraud = rows.stream().filter(r -> r.getText().startsWith("Reviews the role of the Principal")).findFirst().orElseThrow();
    assertThat(fraud.getStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);
    assertThat(instanceOf(fraud)).isNull();
    assertThat(statusChanges.findByRecommendationIdOrderByIdAsc(fraud.getId())).extracting(StatusChange::getToStatus)
        .containsExactly(RecommendationStatus.AWAITING_AGREEMENT, RecommendationStatus.CLOSED_IMPLEMENTED);

    Recommendation partly = rows.stream().filter(r -> r.getText().startsWith("Documents its IT contingency")).findFirst().orElseThrow();
    assertThat(partly.getStatus()).as("'Partially completed' is not complete").isEqualTo(RecommendationStatus.IN_IMPLEMENTATION);
    assertThat(partly.getOriginalTargetDate()).isEqualTo(LocalDate.of(2004, 2, 29));
    assertThat(updates.findByRecommendationIdOrderByPostedAtAscIdAsc(partly.getId())).extracting(u -> u.getText())
        .contains("Target date as written in the imported sheet: First stage Feb - 04", "Partially completed");
  }

  @Test
  void theBenefitsActionPlanPastedFromItsPdfImportsInFullAsPasted() throws IOException {
    byte[] pasted = resource("benefits-action-plan-2004.txt");
    String audit = "BEN-PDF-" + tag();
    String query = "audit=" + audit + "&auditTitle=Benefits inspection " + audit + " (2004)&service=benefits&defaultGrade=Medium";
    List<Long> before = footprint();

    ResponseEntity<JsonNode> dry = post("benefits-action-plan-2004.txt", pasted, query + "&dryRun=true");
    assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode planned = dry.getBody();
    assertThat(planned.get("errorCount").asInt()).isZero();
    // lines 4-19, 21-36 and 38-39 under the heading lines, then 42, 46, 47, 49-53 under BEST VALUE
    assertThat(planned.get("created").asInt()).isEqualTo(42);
    assertThat(rowsWithOutcome(planned, "CONTINUES_ABOVE")).containsExactly(43, 44, 45, 48, 54, 55, 56, 57);
    assertThat(rowsWithOutcome(planned, "SKIPPED")).as("the heading line repeated, and the section heading").containsExactly(20, 37, 41);
    assertThat(planned.get("skipped").asInt()).as("and the blank line").isEqualTo(4);
    assertThat(footprint()).isEqualTo(before);

    ResponseEntity<JsonNode> real = post("benefits-action-plan-2004.txt", pasted, query);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(real.getBody().get("errorCount").asInt()).isZero();
    assertThat(real.getBody().get("created").asInt()).isEqualTo(42);
    List<String> warnings = problems(real.getBody());
    assertThat(warnings).anyMatch(w -> w.startsWith("3 Lead Officer: The sheet names no lead officer") && w.contains("'benefits'"));
    assertThat(warnings).anyMatch(w -> w.startsWith("45 BY WHEN: '1/2 yrly' is not a date: imported as TBC") && w.contains("row 42"));
    assertThat(warnings).anyMatch(w -> w.startsWith("43 REPORT RECOMMENDATION: No recommendation text: read as part 2")
        && w.contains("row 42"));
    assertThat(warnings).anyMatch(w -> w.startsWith("30 REPORT RECOMMENDATION: Where 'REPORT RECOMMENDATION' ends"));
    assertThat(warnings).anyMatch(w -> w.startsWith("null BY WHEN: The sheet's target dates centre on") && w.contains("today"));

    List<Recommendation> rows = inAudit(audit);
    assertThat(rows).hasSize(42);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.getGrade().name()).isEqualTo("MEDIUM");
      assertThat(r.getLeadOfficer()).isEqualTo("Not named");
      assertThat(r.getLeadOfficerLogins()).isEmpty();
      assertThat(r.getService()).isEqualTo("benefits");
      assertThat(r.getText()).isNotBlank();
    });
    Recommendation corporatePlan = startingWith(rows, "Develops its Corporate Plan");
    assertThat(corporatePlan.getText()).endsWith("tackling poverty and social inclusion.");
    assertThat(agreedAction(corporatePlan)).isEqualTo("Report to SS& Benefits Select in April to agree reporting process");
    assertThat(corporatePlan.getOriginalTargetDate()).isEqualTo(LocalDate.of(2004, 9, 30));
    assertThat(instanceOf(corporatePlan)).isWaitingAt(LifecycleVariables.TASK_IMPLEMENT_ACTION);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(corporatePlan.getBusinessKey()).singleResult();
    assertThat(task.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).containsExactly("service-benefits");
    assertThat(notes(corporatePlan)).contains("OUTCOME (from the imported sheet): Included in 2004/5 service plan");

    Recommendation improvementPlan = startingWith(rows, "Includes in its Benefits Strategy");
    assertThat(improvementPlan.getText()).endsWith("actively managed, monitored and controlled");
    assertThat(agreedAction(improvementPlan)).startsWith("Strategy currently being updated").endsWith("Agreed with staff - May");

    // Three rows continue the one of line 42: one recommendation, its parts numbered with their dates as written
    Recommendation profile = startingWith(rows, "Raise the profile of the Benefits Service");
    assertThat(agreedAction(profile).split("\n")).containsExactly("1. No action written (target date: Sep-03)",
        "2. Member awareness sessions (target date: Nov-03)", "3. PR campaign (target date: ongoing)",
        "4. Reporting to Select Committees (target date: 1/2 yrly)");
    assertThat(profile.getCurrentTargetDate()).as("the latest of its parts' dates").isEqualTo(LocalDate.of(2003, 11, 30));
    assertThat(notes(profile)).contains("Initial round completed",
        "Part 4 of the agreed action, OUTCOME (from the imported sheet): Select Committees request updates");
    Recommendation ict = startingWith(rows, "Improve ICT provision");
    assertThat(agreedAction(ict)).contains("2. Develop the SLA (target date: Sep-04)", "5. Monitor downtime (target date: Jun-04)");
    assertThat(ict.getCurrentTargetDate()).isEqualTo(LocalDate.of(2004, 9, 30));
    assertThat(rows).noneMatch(r -> r.getText().startsWith("Develop the SLA") || r.getText().startsWith("Member awareness"));

    Recommendation keepUpdated = startingWith(rows, "Keep Members updated");
    assertThat(keepUpdated.getCurrentTargetDate()).as("'ongoing' is TBC").isNull();
    assertThat(notes(keepUpdated)).contains("Target date as written in the imported sheet: ongoing");

    assertThat(startingWith(rows, "Reviews the role of the Principal").getStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);
    assertThat(startingWith(rows, "SLA/Partnership with DWP").getStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);
    assertThat(startingWith(rows, "Documents its IT contingency").getStatus()).isEqualTo(RecommendationStatus.IN_IMPLEMENTATION);

    List<Long> afterFirst = footprint();
    assertThat(post("benefits-action-plan-2004.txt", pasted, query).getBody().get("alreadyPresent").asInt()).isEqualTo(42);
    assertThat(footprint()).isEqualTo(afterFirst);
  }

  @Test
  void aPlanPastedFromAPdfWithReferencesTitlesSectionsAndContinuingRows() throws IOException {
    byte[] pasted = resource("council-tax-action-plan.txt");
    String audit = "CTAX-" + tag();
    ResponseEntity<JsonNode> real = post("council-tax-action-plan.txt", pasted,
        "audit=" + audit + "&auditTitle=Council Tax " + audit + "&service=finance&defaultGrade=High&leadOfficer=Olivia Officer&asAt=2024-04-01");
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = real.getBody();
    assertThat(result.get("errorCount").asInt()).isZero();
    assertThat(result.get("created").asInt()).isEqualTo(4);
    assertThat(rowsWithOutcome(result, "NEW")).containsExactly(6, 7, 12, 15);
    assertThat(rowsWithOutcome(result, "CONTINUES_ABOVE")).containsExactly(8, 9, 13);
    assertThat(rowsWithOutcome(result, "SKIPPED")).containsExactly(5, 10, 14);
    List<String> warnings = problems(result);
    assertThat(warnings).anyMatch(w -> w.startsWith("13 Target Date: Target date 31/12/2014 looks wrong") && w.contains("middle of the sheet's"));
    assertThat(warnings).anyMatch(w -> w.startsWith("9 Target Date: 'TBC' gives no date: imported as TBC"));
    assertThat(warnings).anyMatch(w -> w.startsWith("15 Recommendation: Where 'Recommendation' ends and 'Agreed Action' begins"));

    Recommendation reconcile = recommendations.findByBusinessKey(audit + "/1").orElseThrow();
    assertThat(reconcile.getText()).isEqualTo("Reconcile the council tax base to the valuation list every month.");
    assertThat(agreedAction(reconcile)).isEqualTo("Monthly reconciliation by the billing team");
    assertThat(instanceOf(reconcile)).isWaitingAt(LifecycleVariables.TASK_IMPLEMENT_ACTION).task().isAssignedTo("olivia");
    Recommendation discounts = recommendations.findByBusinessKey(audit + "/2").orElseThrow();
    assertThat(agreedAction(discounts).split("\n")).containsExactly(
        "1. Data matching exercise with a credit reference agency (target date: Sep-24)",
        "2. Letters to households not matched (target date: Dec-24)", "3. Review of the responses (target date: TBC)");
    assertThat(discounts.getCurrentTargetDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    Recommendation writeOff = recommendations.findByBusinessKey(audit + "/3").orElseThrow();
    assertThat(writeOff.getStatus()).as("complete only when every part is").isEqualTo(RecommendationStatus.IN_IMPLEMENTATION);
    assertThat(writeOff.getCurrentTargetDate()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(agreedAction(writeOff)).contains("2. Approval limits agreed by Cabinet (target date: 31/12/2014)");
    assertThat(recommendations.findByBusinessKey(audit + "/4").orElseThrow().getText())
        .isEqualTo("Chase arrears promptly Reminders sent within 14 days");
  }

  @Test
  void aSheetNamingNoOfficerImportsAndItsTasksGoToTheServicesOfficers() {
    String audit = "NOOFF-" + tag();
    byte[] file = csv("Audit,Recommendation,Grade,Target Date,Agreed Action\n"
        + audit + ",Keep a register of assets.,High,30/06/2026,Register set up\n"
        + audit + ",Review the register every year.,Low,,\n");
    ResponseEntity<JsonNode> real = post("no-officer.csv", file, "service=finance");
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(real.getBody().get("errorCount").asInt()).isZero();
    assertThat(real.getBody().get("created").asInt()).isEqualTo(2);
    assertThat(problems(real.getBody())).anyMatch(w -> w.startsWith("1 Lead Officer: The sheet names no lead officer")
        && w.contains("not named") && w.contains("'finance'"));

    for (String reference : List.of("1", "2")) {
      Recommendation r = recommendations.findByBusinessKey(audit + "/" + reference).orElseThrow();
      assertThat(r.getLeadOfficer()).isEqualTo("Not named");
      assertThat(r.leadOfficerLoginList()).isEmpty();
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(r.getBusinessKey()).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo(reference.equals("1") ? LifecycleVariables.TASK_IMPLEMENT_ACTION
          : LifecycleVariables.TASK_AGREE_ACTION);
      assertThat(task.getAssignee()).isNull();
      assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
          .containsExactly("service-finance");
      assertThat(taskService.createTaskQuery().taskCandidateUser("olivia").processInstanceBusinessKey(r.getBusinessKey()).count())
          .as("a finance officer is offered it").isEqualTo(1);
      assertThat(taskService.createTaskQuery().taskCandidateUser("hannah").processInstanceBusinessKey(r.getBusinessKey()).count())
          .as("a housing officer is not").isZero();
    }
  }

  @Test
  void aTargetDateYearsFromTheSheetsOtherDatesIsWarnedAboutNamingRowAndCell() {
    String audit = "Payments review " + tag();
    String[] dates = {"30/06/2022", "31/03/2023", "31/12/2023", "31/12/2014", "30/09/2024", "31/03/2025"};
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i < dates.length; i++) {
      file.append(audit).append(',').append(i + 1).append(",Recommendation ").append(i + 1).append(".,Medium,Olivia Officer,")
          .append(dates[i]).append(",Agreed\n");
    }
    ResponseEntity<JsonNode> real = post("payments.csv", csv(file.toString()), "asAt=2024-06-30");
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(real.getBody().get("errorCount").asInt()).isZero();
    List<String> dateWarnings = problems(real.getBody()).stream().filter(w -> w.contains("looks wrong")).toList();
    assertThat(dateWarnings).singleElement().satisfies(w -> assertThat(w)
        .startsWith("5 Target Date: Target date 31/12/2014 looks wrong: it is more than 5 years from the middle of the sheet's "
            + "target dates (31/03/2023)")
        .contains("before the as-at date (30/06/2024)"));
    assertThat(recommendations.findByBusinessKey(audit + "/4").orElseThrow().getCurrentTargetDate())
        .as("warned, not changed").isEqualTo(LocalDate.of(2014, 12, 31));

    ResponseEntity<JsonNode> farAhead = post("ahead.csv", csv(HEADER + "AHEAD-" + tag() + ",1,Keep a register.,Low,Olivia Officer,31/03/2031,Agreed\n"),
        "dryRun=true&asAt=2024-06-30");
    assertThat(problems(farAhead.getBody())).anyMatch(w -> w.startsWith("2 Target Date: Target date 31/03/2031 looks wrong")
        && w.contains("more than 5 years after the as-at date (30/06/2024)"));
  }

  Recommendation startingWith(List<Recommendation> rows, String text) {
    return rows.stream().filter(r -> r.getText().startsWith(text)).findFirst().orElseThrow();
  }

  // ------------------------------------------------------------------ another council's workbook

  @Test
  void anotherCouncilsWorkbookWithItsOwnHeadingsAndRealDates() throws IOException {
    String audit = "PAY-" + tag();
    byte[] workbook = workbook(List.of("Payroll"), audit, true);
    ResponseEntity<JsonNode> response = post("payroll.xlsx", workbook, null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = response.getBody();
    assertThat(result.get("errorCount").asInt()).isZero();
    assertThat(result.get("created").asInt()).isEqualTo(4);
    List<String> warnings = new ArrayList<>();
    result.get("problems").forEach(p -> warnings.add(p.get("row").asInt() + " " + p.get("column").asText() + ": " + p.get("message").asText()));
    assertThat(warnings).anyMatch(w -> w.startsWith("7 Date to be Actioned") && w.contains("2035") && w.contains("audit's year"));

    Recommendation agreed = recommendations.findByBusinessKey(audit + " Payroll 2024/R1").orElseThrow();
    assertThat(agreed.getGrade().name()).isEqualTo("HIGH");
    assertThat(agreed.getGradeAsWritten()).isEqualTo("Priority 1");
    assertThat(agreed.getCurrentTargetDate()).isEqualTo(LocalDate.of(2025, 5, 31));
    assertThat(agreed.getLeadOfficer()).isEqualTo("Olivia Officer/Head of Payroll");
    assertThat(agreed.getLeadOfficerLogins()).isEqualTo("olivia");
    assertThat(agreed.getText()).contains("Reconcile payroll").doesNotContain("script").doesNotContain("alert");
    assertThat(instanceOf(agreed)).isWaitingAt(LifecycleVariables.TASK_IMPLEMENT_ACTION).task().isAssignedTo("olivia");

    Recommendation done = recommendations.findByBusinessKey(audit + " Payroll 2024/R2").orElseThrow();
    assertThat(done.getStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);
    assertThat(instanceOf(done)).isNull();
    assertThat(done.getClosedOn()).as("closed on the day the sheet gives, not on the import's").isEqualTo(LocalDate.of(2024, 5, 23));
    assertThat(statusChanges.findByRecommendationIdOrderByIdAsc(done.getId())).extracting(StatusChange::getChangedAt)
        .as("raised before it closed").isSorted();
    assertThat(statusChanges.findByRecommendationIdOrderByIdAsc(done.getId())).last().satisfies(closing -> {
      assertThat(closing.getToStatus()).isEqualTo(RecommendationStatus.CLOSED_IMPLEMENTED);
      assertThat(LocalDate.ofInstant(closing.getChangedAt(), com.rectify.common.Today.LONDON)).isEqualTo(LocalDate.of(2024, 5, 23));
    });

    Recommendation notYetAgreed = recommendations.findByBusinessKey(audit + " Payroll 2024/R3").orElseThrow();
    assertThat(notYetAgreed.getStatus()).isEqualTo(RecommendationStatus.AWAITING_AGREEMENT);
    assertThat(notYetAgreed.getCurrentTargetDate()).isNull();
    assertThat(notYetAgreed.getLeadOfficer()).isEqualTo("Mandy Beever and Nikki Kelly");
    assertThat(instanceOf(notYetAgreed)).isWaitingAt(LifecycleVariables.TASK_AGREE_ACTION);

    Recommendation tbc = recommendations.findByBusinessKey(audit + " Payroll 2024/R4").orElseThrow();
    assertThat(tbc.getStatus()).isEqualTo(RecommendationStatus.IN_IMPLEMENTATION);
    assertThat(tbc.getGrade().name()).isEqualTo("LOW");
  }

  /** A workbook as another council keeps it: a title row, its own headings, Excel dates, "Priority n" grades. */
  static byte[] workbook(List<String> sheetNames, String audit, boolean filled) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      for (String name : sheetNames) {
        Sheet sheet = workbook.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue("Internal audit recommendations - follow-up 2024/25");
        Row header = sheet.createRow(2);
        String[] headings = {"Audit Title", "Rec No.", "Summary of Recommendation", "Priority", "Proposed Management Action",
            "Responsible Officer", "Date to be Actioned", "Updated Actions"};
        for (int i = 0; i < headings.length; i++) {
          header.createCell(i).setCellValue(headings[i]);
        }
        if (filled) {
          Object[][] rows = {
              {audit + " Payroll 2024", "R1", "<p>Reconcile payroll to the ledger &amp; sign off.</p><script>alert(1)</script>",
                  "Priority 1", "Monthly reconciliation.", "Olivia Officer/Head of Payroll", LocalDate.of(2025, 5, 31), "Started."},
              {audit + " Payroll 2024", "R2", "Remove leavers promptly.", "Priority 2", "Leavers report.", "Head of HR",
                  "23/05/2024 Complete", ""},
              {audit + " Payroll 2024", "R3", "Review overtime approvals.", "Priority 2", "", "Mandy Beever and Nikki Kelly", "", ""},
              {audit + " Payroll 2024", "R4", "Keep the payroll manual current.", "Priority 3", "Annual review.", "Head of HR",
                  LocalDate.of(2035, 3, 31), "TBC"},
          };
          for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(3 + r);
            for (int c = 0; c < rows[r].length; c++) {
              if (rows[r][c] instanceof LocalDate date) {
                row.createCell(c).setCellValue(date);
                row.getCell(c).setCellStyle(dateStyle);
              } else {
                row.createCell(c).setCellValue((String) rows[r][c]);
              }
            }
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  // ------------------------------------------------------------------ broken files change nothing

  static final String HEADER = "Audit,Ref,Recommendation,Risk level,Lead Officer,Target Date,Agreed Action\n";

  @Test
  void aDateThatCannotBeIsAnErrorNamingRowAndColumnAndNothingIsWritten() {
    String audit = "BAD-" + tag();
    byte[] file = csv(HEADER + audit + ",1,Keep a register.,High,Olivia Officer,31/05/2024,Agreed\n"
        + audit + ",2,Review the register.,High,Olivia Officer,31/02/2024,Agreed\n"
        + audit + ",3,Publish the register.,High,Olivia Officer,next spring,Agreed\n");
    List<Long> before = footprint();
    ResponseEntity<JsonNode> dry = post("dates.csv", file, "dryRun=true");
    assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dry.getBody().get("errorCount").asInt()).isEqualTo(1);
    assertThat(problems(dry.getBody())).as("words that are no date are TBC, with a warning")
        .anyMatch(w -> w.startsWith("4 Target Date: 'next spring' is not a date: imported as TBC") && w.contains("progress note"));
    ResponseEntity<JsonNode> real = post("dates.csv", file, null);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(real.getBody())).containsExactly("row 3, column \"Target Date\"");
    assertThat(real.getBody().toString()).contains("31/02/2024");
    assertThat(footprint()).isEqualTo(before);
    assertThat(inAudit(audit)).as("the good first row is not written either").isEmpty();
  }

  @Test
  void anUnknownGradeIsAnErrorNamingRowAndWord() {
    String audit = "GRD-" + tag();
    byte[] file = csv(HEADER + audit + ",1,Keep a register.,Requires Attention,Olivia Officer,31/05/2024,Agreed\n"
        + audit + ",2,Review the register.,Urgent-ish,Olivia Officer,31/05/2024,Agreed\n");
    List<Long> before = footprint();
    ResponseEntity<JsonNode> real = post("grades.csv", file, null);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(real.getBody())).containsExactly("row 3, column \"Risk level\"");
    assertThat(real.getBody().get("errors").get(0).get("message").asText()).contains("'Urgent-ish'");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void missingRequiredColumnsAreErrors() {
    List<Long> before = footprint();
    ResponseEntity<JsonNode> noRecommendation = post("no-rec.csv",
        csv("Audit,Grade,Lead Officer,Target Date\nX,High,Olivia Officer,31/05/2024\n"), null);
    assertThat(noRecommendation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(noRecommendation.getBody())).containsExactly("column \"Recommendation\"");

    ResponseEntity<JsonNode> noGrade = post("no-grade.csv",
        csv("Audit,Recommendation,Lead Officer,Target Date\nX,Keep a register.,Olivia Officer,31/05/2024\n"), null);
    assertThat(noGrade.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(noGrade.getBody())).containsExactly("row 1, column \"Grade\"");
    assertThat(noGrade.getBody().get("errors").get(0).get("message").asText()).contains("defaultGrade");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void emptyRowsAreSkippedAndRowNumbersStayThoseOfTheSheet() {
    String audit = "EMP-" + tag();
    byte[] file = csv(HEADER + "\n,,,,,,\n" + audit + ",1,Keep a register.,Low,Olivia Officer,31/05/2024,Agreed\n\n\n"
        + audit + ",2,Review the register.,Low,,31/05/2024,Agreed\n");
    List<Long> before = footprint();
    ResponseEntity<JsonNode> dry = post("empty-rows.csv", file, "dryRun=true");
    assertThat(dry.getBody().get("errorCount").asInt()).isZero();
    assertThat(dry.getBody().get("created").asInt()).isEqualTo(2);
    assertThat(dry.getBody().get("skipped").asInt()).isEqualTo(4);
    assertThat(problems(dry.getBody())).as("a row naming no officer is a warning, by the sheet's row number")
        .anyMatch(w -> w.startsWith("7 Lead Officer: The row names no lead officer"));
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aTwoMegabyteCellIsRefused() {
    String audit = "BIG-" + tag();
    String huge = "x".repeat(2 * 1024 * 1024);
    byte[] file = csv(HEADER + audit + ",1,\"" + huge + "\",Low,Olivia Officer,31/05/2024,Agreed\n");
    List<Long> before = footprint();
    ResponseEntity<JsonNode> real = post("huge.csv", file, null);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(real.getBody())).containsExactly("row 2, column \"Recommendation\"");
    assertThat(real.getBody().get("errors").get(0).get("message").asText()).contains("2097152 characters");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aBinaryFileRenamedCsvIsRefused() {
    byte[] binary = new byte[4096];
    new Random(7).nextBytes(binary);
    binary[10] = 0;
    List<Long> before = footprint();
    ResponseEntity<JsonNode> real = post("tracker.csv", binary, "dryRun=true");
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(real.getBody())).containsExactly("file");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aWorkbookWithTwoSheetsNeedsToBeToldWhichAndOnlyAuditManagersImport() throws IOException {
    String audit = "TWO-" + tag();
    byte[] workbook = workbook(List.of("2024", "2025"), audit, true);
    List<Long> before = footprint();
    ResponseEntity<JsonNode> refused = post("two.xlsx", workbook, null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(refused.getBody())).containsExactly("sheet");
    assertThat(refused.getBody().get("message").asText()).contains("'2024'", "'2025'");
    assertThat(footprint()).isEqualTo(before);

    ResponseEntity<JsonNode> chosen = post("two.xlsx", workbook, "dryRun=true&sheet=2025");
    assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(chosen.getBody().get("created").asInt()).isEqualTo(4);

    ResponseEntity<JsonNode> officer = post("olivia", "two.xlsx", workbook, "dryRun=true&sheet=2025");
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void theSameRecommendationTwiceInOneFileIsAnError() {
    String audit = "DUP-" + tag();
    byte[] file = csv("Audit,Recommendation,Grade,Lead Officer\n" + audit + ",Keep a register.,Low,Olivia Officer\n"
        + audit + ",Keep a  register.,Low,Olivia Officer\n");
    ResponseEntity<JsonNode> real = post("dup.csv", file, null);
    assertThat(real.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(real.getBody())).containsExactly("row 3, column \"Recommendation\"");
    assertThat(real.getBody().get("errors").get(0).get("message").asText()).contains("row 2");
  }

  @Test
  void datesAsCouncilsWriteThem() {
    List<String> done = List.of("Complete", "Completed", "Closed", "Implemented");
    List<String> undated = List.of("TBC", "Ongoing");
    assertThat(DateCell.read("31/05/2024", done, undated).date()).isEqualTo(LocalDate.of(2024, 5, 31));
    assertThat(DateCell.read("31 May 2024", done, undated).date()).isEqualTo(LocalDate.of(2024, 5, 31));
    assertThat(DateCell.read("Sep-04", done, undated).date()).isEqualTo(LocalDate.of(2004, 9, 30));
    assertThat(DateCell.read("Feb-24", done, undated).date()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(DateCell.read("September 2024", done, undated).date()).isEqualTo(LocalDate.of(2024, 9, 30));
    assertThat(DateCell.read("2024-05-31", done, undated).date()).isEqualTo(LocalDate.of(2024, 5, 31));
    DateCell tbc = DateCell.read("TBC", done, undated);
    assertThat(tbc.date()).isNull();
    assertThat(tbc.error()).isNull();
    DateCell complete = DateCell.read("23/05/2023 Complete", done, undated);
    assertThat(complete.date()).isEqualTo(LocalDate.of(2023, 5, 23));
    assertThat(complete.complete()).isTrue();
    assertThat(complete.warning()).isNull();
    assertThat(DateCell.read("31/02/2024", done, undated).error()).contains("31/02/2024");
    DateCell words = DateCell.read("when we can", done, undated);
    assertThat(words.error()).isNull();
    assertThat(words.date()).isNull();
    assertThat(words.warning()).contains("'when we can' is not a date");
    assertThat(DateCell.read("1/2 yrly", done, undated).warning()).contains("'1/2 yrly' is not a date");
    assertThat(DateCell.read("Ongoing", done, undated).warning()).contains("'Ongoing' gives no date");
    assertThat(DateCell.read("1 Dec 03", done, undated).date()).isEqualTo(LocalDate.of(2003, 12, 1));
    assertThat(DateCell.read("Sep- 04 Dec-04", done, undated).date()).as("two months, not the 4th of December")
        .isEqualTo(LocalDate.of(2004, 12, 31));
    assertThat(DateCell.find("Draft by Jun-04 Agree with staff- Aug-04 Sep-04")).hasSize(3);
    assertThat(DateCell.read("Mar-04 -Nov04", done, undated).date()).isEqualTo(LocalDate.of(2004, 11, 30));
  }
}
