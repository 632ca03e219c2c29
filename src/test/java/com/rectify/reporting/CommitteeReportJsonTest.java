package com.rectify.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.Today;
import com.rectify.demo.DemoUsers;
import com.rectify.importing.ImportRequest;
import com.rectify.importing.ImportResult;
import com.rectify.importing.ImportService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The committee report's JSON is read by councils' own scripts: the names they read are pinned here. Fields may be
 * added; none of these may be renamed or removed.
 */
@RectifyApplicationTest
class CommitteeReportJsonTest {

  /** Every name the report's JSON had before fields were added to it, by where it is. */
  static final List<String> TOP = List.of("asAt", "since", "sinceLabel", "groups", "summary", "outstanding", "implementedSince",
      "riskAcceptedSince");
  static final List<String> SUMMARY = List.of("grade", "over12", "from3To12", "under3", "overdue", "notYetDue", "total");
  static final List<String> GROUP = List.of("band", "title", "rows");
  static final List<String> ROW = List.of("id", "businessKey", "audit", "reference", "grade", "recommendation", "leadOfficer",
      "status", "originalTargetDate", "currentTargetDate", "monthsOverdue", "revisions", "latestUpdate", "latestUpdateOn",
      "firstCycleOverdue");
  static final List<String> REVISION = List.of("number", "previousDate", "requestedDate", "decision", "cycle");
  /** The groups' names as scripts match them. */
  static final List<String> BANDS = List.of("ESSENTIAL_OVERDUE", "HIGH_OVER_12_MONTHS", "HIGH_3_TO_12_MONTHS",
      "HIGH_UNDER_3_MONTHS", "MEDIUM_OVER_12_MONTHS", "MEDIUM_3_TO_12_MONTHS", "MEDIUM_UNDER_3_MONTHS", "LOW_OVERDUE",
      "NOT_YET_DUE");

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired ImportService imports;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired Today today;

  @Test
  void theNamesCouncilsScriptsReadAreStillThere() {
    demoUsers.ensure();
    LocalDate day = today.date();
    String audit = "JSN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.UK);
    DateTimeFormatter uk = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    String csv = "Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action,Latest update from officers\n"
        + "1,Debts must be chased.,High,Olivia Officer," + uk.format(day.minusMonths(2)) + ",Chasing weekly,Two letters sent.\n";
    ImportResult result = imports.run(new ImportRequest("json.csv", csv.getBytes(StandardCharsets.UTF_8), false, audit,
        "Script names " + audit, "json-" + audit.toLowerCase(Locale.UK), null, null, null, "helen"));
    assertThat(result.errorCount()).isZero();
    new TaskCompletion(taskService, identityService).complete(audit + "/1", LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia",
        "implementationStep", "REVISION_REQUESTED", "requestedTargetDate", day.plusMonths(3).toString(),
        "revisionReason", "New system first.");

    ResponseEntity<JsonNode> response = http.withBasicAuth("carol", DemoUsers.PASSWORD)
        .getForEntity("/api/reports/committee?format=json&asAt=" + day, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = response.getBody();

    assertThat(names(report)).containsAll(TOP);
    assertThat(report.get("summary")).isNotEmpty().allSatisfy(line -> assertThat(names(line)).containsAll(SUMMARY));
    assertThat(report.get("groups")).allSatisfy(group -> assertThat(names(group)).containsAll(GROUP));
    List<String> bands = new ArrayList<>();
    report.get("groups").forEach(group -> bands.add(group.get("band").asText()));
    assertThat(bands).containsAll(BANDS);

    JsonNode row = null;
    for (JsonNode group : report.get("groups")) {
      for (JsonNode candidate : group.get("rows")) {
        assertThat(names(candidate)).as("a row's fields").containsAll(ROW);
        if (candidate.get("businessKey").asText().equals(audit + "/1")) {
          row = candidate;
        }
      }
    }
    assertThat(row).as("this test's recommendation").isNotNull();
    assertThat(row.get("originalTargetDate").asText()).isEqualTo(day.minusMonths(2).toString());
    assertThat(row.get("currentTargetDate").asText()).isEqualTo(day.minusMonths(2).toString());
    assertThat(row.get("firstCycleOverdue").isBoolean()).isTrue();
    assertThat(row.get("revisions")).singleElement().satisfies(revision -> {
      assertThat(names(revision)).containsAll(REVISION);
      assertThat(revision.get("decision").asText()).isEqualTo("pending");
    });
    // Added, not renamed: the reference as quoted, the status in words, what the group holds.
    assertThat(row.get("auditReference").asText()).isEqualTo(audit);
    assertThat(row.get("statusInWords").asText()).isEqualTo("in implementation; revised target date awaiting a decision");
    assertThat(names(row)).doesNotContain("recommendationFormatted", "latestUpdateFormatted");
    assertThat(report.get("groups").get(0).get("kind").asText()).isEqualTo("OVERDUE");
    assertThat(report.get("overdueBasis").asText()).isEqualTo("ORIGINAL");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
