package com.rectify.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.Today;
import com.rectify.dashboard.DashboardQueries;
import com.rectify.dashboard.DashboardQueries.GradeBands;
import com.rectify.demo.DemoUsers;
import com.rectify.importing.ImportRequest;
import com.rectify.importing.ImportResult;
import com.rectify.importing.ImportService;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueProperties;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.OverdueRule.Basis;
import com.rectify.register.RegisterQueries;
import com.rectify.register.RegisterRequest;
import com.rectify.register.RegisterRow;
import com.rectify.reporting.CommitteeReport.Band;
import com.rectify.reporting.CommitteeReport.Row;
import com.rectify.security.RecommendationVisibility.Scope;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The council's overdue basis ({@code rectify.overdue.basis}), on one set of recommendations of a service of their
 * own, measured both ways: the committee report's groups move as the basis says, its heading states the basis, and
 * the dashboard and the register, asked with the same rule, agree with it row for row.
 *
 * <pre>
 * revised   High    first due 14 months ago, revised (approved) to 10 days ago   original: over 12 months; current: under 3
 * late      Medium  due 5 months ago                                              3–12 months either way
 * pending   High    due in 2 months, a revised date asked for and not decided     awaiting a decision
 * unagreed  Low     no action agreed yet                                          not yet agreed
 * notdue    Medium  due in a month                                                not yet due
 * </pre>
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueBasisTest {

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final List<String> NAMES = List.of("revised", "late", "pending", "unagreed", "notdue");

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired ImportService imports;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired EntityManager entityManager;
  @Autowired HistoryAsAt history;
  @Autowired TransactionTemplate transactions;
  @Autowired Today today;
  @Autowired RegisterRequest registerRequests;
  @Autowired ReportFormats formats;
  @Autowired OverdueRule councilRule;

  private LocalDate day;
  private String service;
  private String audit;

  @BeforeAll
  void fiveRecommendations() {
    demoUsers.ensure();
    day = today.date();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    service = "basis-" + tag;
    audit = "BAS-" + tag.toUpperCase(Locale.UK);
    String csv = "Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action\n"
        + "1,Contracts need a register.,High,Olivia Officer," + UK.format(day.minusMonths(14)) + ",Register kept\n"
        + "2,Debts must be chased.,Medium,Olivia Officer," + UK.format(day.minusMonths(5)) + ",Chasing weekly\n"
        + "3,Payroll exceptions must be signed.,High,Olivia Officer," + UK.format(day.plusMonths(2)) + ",Signed monthly\n"
        + "4,Gifts must be registered.,Low,Olivia Officer,,\n"
        + "5,Petty cash must be counted.,Medium,Olivia Officer," + UK.format(day.plusMonths(1)) + ",Counted weekly\n";
    try {
      // Twenty days ago: imported, and the first one's date revised to ten days ahead, which has since passed.
      ClockUtil.setCurrentTime(Date.from(day.minusDays(20).atTime(12, 0).atZone(Today.LONDON).toInstant()));
      ImportResult result = imports.run(new ImportRequest("basis.csv", csv.getBytes(StandardCharsets.UTF_8), false, audit,
          "Overdue basis " + tag, service, null, null, null, "helen"));
      assertThat(result.errorCount()).isZero();
      TaskCompletion tasks = new TaskCompletion(taskService, identityService);
      tasks.complete(key("revised"), LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "REVISION_REQUESTED",
          "requestedTargetDate", day.minusDays(10).toString(), "revisionReason", "Waiting for the new contracts system.");
      tasks.complete(key("revised"), LifecycleVariables.TASK_APPROVE_REVISED_DATE, "alice", "revisionDecision", "APPROVED");
      tasks.complete(key("pending"), LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "REVISION_REQUESTED",
          "requestedTargetDate", day.plusMonths(4).toString(), "revisionReason", "Payroll system upgrade first.");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theCouncilsSettingIsTheOriginalDateAndTheReportSaysSo() {
    assertThat(councilRule.basis()).isEqualTo(Basis.ORIGINAL);
    JsonNode report = http.withBasicAuth("carol", DemoUsers.PASSWORD)
        .getForObject("/api/reports/committee?format=json&asAt=" + day, JsonNode.class);
    assertThat(report.get("overdueBasis").asText()).isEqualTo("ORIGINAL");
    assertThat(report.get("overdueBasisStatement").asText()).isEqualTo("Overdue measured from the original target date");
    OverdueProperties current = new Binder(new MapConfigurationPropertySource(Map.of("rectify.overdue.basis", "current")))
        .bind("rectify.overdue", OverdueProperties.class).get();
    assertThat(current.basis()).as("as application.yaml writes it").isEqualTo(Basis.CURRENT);
  }

  @Test
  void measuredFromTheOriginalDate() {
    CommitteeReport report = report(Basis.ORIGINAL);
    assertThat(groups(report)).containsExactlyInAnyOrderEntriesOf(Map.of("revised", Band.HIGH_OVER_12_MONTHS,
        "late", Band.MEDIUM_3_TO_12_MONTHS, "pending", Band.AWAITING_DECISION, "unagreed", Band.NOT_YET_AGREED,
        "notdue", Band.NOT_YET_DUE));
    assertThat(rows(report).get("revised").monthsOverdue()).isEqualTo(14);
    assertThat(formats.html(report, List.of(), null)).contains("Overdue measured from the original target date.");
    theDashboardAndTheRegisterAgree(report, Basis.ORIGINAL);
  }

  @Test
  void measuredFromTheCurrentDate() {
    CommitteeReport report = report(Basis.CURRENT);
    assertThat(groups(report)).containsExactlyInAnyOrderEntriesOf(Map.of("revised", Band.HIGH_UNDER_3_MONTHS,
        "late", Band.MEDIUM_3_TO_12_MONTHS, "pending", Band.AWAITING_DECISION, "unagreed", Band.NOT_YET_AGREED,
        "notdue", Band.NOT_YET_DUE));
    assertThat(rows(report).get("revised").monthsOverdue()).isZero();
    assertThat(report.overdueBasisStatement()).isEqualTo("Overdue measured from the current target date");
    assertThat(formats.html(report, List.of(), null)).contains("Overdue measured from the current target date.")
        .doesNotContain("from the original target date");
    assertThat(formats.printHtml(report)).contains("Overdue measured from the current target date.");
    theDashboardAndTheRegisterAgree(report, Basis.CURRENT);
  }

  @Test
  void whatWaitsForADecisionSaysSoInWords() {
    Row pending = rows(report(Basis.ORIGINAL)).get("pending");
    assertThat(pending.awaitingDecision()).isEqualTo("a revised target date");
    assertThat(pending.statusInWords()).isEqualTo("in implementation; revised target date awaiting a decision");
    assertThat(pending.revisions()).singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("pending"));
    Row unagreed = rows(report(Basis.ORIGINAL)).get("unagreed");
    assertThat(unagreed.statusInWords()).isEqualTo("awaiting agreement");
    assertThat(unagreed.awaitingDecision()).isNull();
  }

  /** Counted by grade and band the dashboard's way, and filtered band by band the register's way, as the report has them. */
  private void theDashboardAndTheRegisterAgree(CommitteeReport report, Basis basis) {
    OverdueRule rule = new OverdueRule(new OverdueProperties(basis));
    Map<String, OverdueRule.Band> bands = new HashMap<>();
    rows(report).forEach((name, row) -> bands.put(name, rule.standing(true, row.originalTargetDate(), row.currentTargetDate(), day).band()));
    Map<Grade, GradeBands> dashboard = transactions.execute(status ->
        new DashboardQueries(entityManager, rule).openByGradeAndBand(day, Scope.services(Set.of(service))));
    for (Grade grade : Grade.values()) {
      long[] counted = new long[4];
      rows(report).forEach((name, row) -> {
        if (row.grade().equals(grade.label())) {
          counted[bands.get(name).ordinal()]++;
        }
      });
      GradeBands shown = dashboard.get(grade);
      assertThat(new long[] {shown.notDue(), shown.under3(), shown.from3To12(), shown.over12()}).as(basis + " " + grade)
          .containsExactly(counted);
    }
    RegisterQueries register = new RegisterQueries(entityManager, today, rule);
    for (OverdueRule.Band band : OverdueRule.Band.values()) {
      List<String> listed = transactions.execute(status -> registerRows(register, band.code())).stream()
          .map(RegisterRow::businessKey).toList();
      List<String> expected = NAMES.stream().filter(name -> bands.get(name) == band).map(this::key).toList();
      assertThat(listed).as(basis + " register filtered to " + band.label()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private List<RegisterRow> registerRows(RegisterQueries register, String overdue) {
    LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    parameters.add("audit", audit);
    parameters.add("overdue", overdue);
    RegisterRequest.Parsed parsed = registerRequests.parse(parameters);
    return register.page(parsed.filter(), parsed.sort(), Scope.services(Set.of(service)), 0, 200).rows();
  }

  private CommitteeReport report(Basis basis) {
    OverdueRule rule = new OverdueRule(new OverdueProperties(basis));
    return transactions.execute(status -> new CommitteeReportService(entityManager, history, rule).build(day, null));
  }

  /** This test's recommendations, by name, and the group each is in. */
  private Map<String, Band> groups(CommitteeReport report) {
    Map<String, Band> groups = new HashMap<>();
    for (CommitteeReport.Group group : report.groups()) {
      for (Row row : group.rows()) {
        String name = nameOf(row.businessKey());
        if (name != null) {
          groups.put(name, group.band());
        }
      }
    }
    return groups;
  }

  private Map<String, Row> rows(CommitteeReport report) {
    Map<String, Row> rows = new HashMap<>();
    report.groups().forEach(group -> group.rows().forEach(row -> {
      String name = nameOf(row.businessKey());
      if (name != null) {
        rows.put(name, row);
      }
    }));
    return rows;
  }

  private String key(String name) {
    return audit + "/" + (NAMES.indexOf(name) + 1);
  }

  private String nameOf(String businessKey) {
    return businessKey.startsWith(audit + "/") ? NAMES.get(Integer.parseInt(businessKey.substring(audit.length() + 1)) - 1) : null;
  }
}
