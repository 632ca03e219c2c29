package com.rectify.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Today;
import com.rectify.dashboard.DashboardQueries;
import com.rectify.dashboard.DashboardQueries.GradeBands;
import com.rectify.dashboard.DashboardQueries.Load;
import com.rectify.demo.DemoUsers;
import com.rectify.importing.ImportRequest;
import com.rectify.importing.ImportResult;
import com.rectify.importing.ImportService;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.OverdueRule.Band;
import com.rectify.register.RegisterQueries;
import com.rectify.register.RegisterRequest;
import com.rectify.register.RegisterRow;
import com.rectify.security.RecommendationVisibility.Scope;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * One overdue rule, asked everywhere: three recommendations of a service of their own, and the API, the
 * register, the dashboard, the committee report and the Tasklist brief all say the same of each.
 *
 * <pre>
 * tbc     High    first due 14 months ago, then revised to TBC   overdue, more than 12 months (from the original date)
 * late    High    due 20 days ago                                overdue, less than 3 months
 * future  Medium  due in a month                                 not yet due
 * </pre>
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueEverywhereTest {

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired ImportService imports;
  @Autowired RecommendationRepository recommendations;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RegisterRequest registerRequests;
  @Autowired RegisterQueries register;
  @Autowired DashboardQueries dashboard;
  @Autowired Today today;
  @Autowired OverdueRule overdueRule;

  private LocalDate day;
  private String service;
  private String audit;
  private final Map<String, Recommendation> recs = new HashMap<>();
  /** What each should be everywhere: its band, and how many days overdue (null when not). */
  private final Map<String, Band> bands = Map.of("tbc", Band.OVER_12_MONTHS, "late", Band.UNDER_3_MONTHS, "future", Band.NOT_DUE);
  private final Map<String, Long> days = new HashMap<>();

  @BeforeAll
  void threeRecommendations() {
    demoUsers.ensure();
    day = today.date();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    service = "ovd-" + tag;
    audit = "OVD-" + tag;
    String csv = "Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action\n"
        + "1,Contracts need a register.,High,Olivia Officer," + UK.format(day.minusMonths(14)) + ",Register kept\n"
        + "2,Debts must be chased.,High,Olivia Officer," + UK.format(day.minusDays(20)) + ",Chasing weekly\n"
        + "3,Petty cash must be counted.,Medium,Olivia Officer," + UK.format(day.plusMonths(1)) + ",Counted weekly\n";
    ImportResult result = imports.run(new ImportRequest("overdue.csv", csv.getBytes(StandardCharsets.UTF_8), false, audit,
        "Overdue everywhere " + tag, service, null, null, null, "helen"));
    assertThat(result.errorCount()).isZero();
    recs.put("tbc", recommendations.findByBusinessKey(audit + "/1").orElseThrow());
    recs.put("late", recommendations.findByBusinessKey(audit + "/2").orElseThrow());
    recs.put("future", recommendations.findByBusinessKey(audit + "/3").orElseThrow());

    // The officer asks for the date to be TBC, and an auditor (the tier for a first revision of a High) agrees.
    complete("tbc", LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia", "implementationStep", "REVISION_REQUESTED",
        "newDateToBeConfirmed", true, "revisionReason", "Waiting for the new contracts system.");
    complete("tbc", LifecycleVariables.TASK_APPROVE_REVISED_DATE, "alice", "revisionDecision", "APPROVED");
    Recommendation tbc = recommendations.findById(recs.get("tbc").getId()).orElseThrow();
    assertThat(tbc.getCurrentTargetDate()).as("revised to TBC").isNull();
    assertThat(tbc.getOriginalTargetDate()).isEqualTo(day.minusMonths(14));
    recs.put("tbc", tbc);

    days.put("tbc", ChronoUnit.DAYS.between(day.minusMonths(14), day));
    days.put("late", 20L);
  }

  @Test
  void theRuleItself() {
    recs.forEach((name, rec) -> {
      OverdueRule.Standing standing = overdueRule.standing(rec, day);
      assertThat(standing.band()).as(name).isEqualTo(bands.get(name));
      assertThat(standing.days()).as(name).isEqualTo(days.get(name));
    });
  }

  @Test
  void theApi() {
    JsonNode overdue = api("/api/recommendations?audit=" + audit + "&overdue=true");
    assertThat(keysOf(overdue)).containsExactlyInAnyOrder(key("tbc"), key("late"));
    assertThat(keysOf(api("/api/recommendations?audit=" + audit + "&overdue=false"))).containsExactly(key("future"));
    for (JsonNode item : api("/api/recommendations?audit=" + audit).get("items")) {
      String name = nameOf(item.get("businessKey").asText());
      assertThat(item.get("overdue").asBoolean()).as(name).isEqualTo(bands.get(name).isOverdue());
      assertThat(item.get("overdueBand").asText()).as(name).isEqualTo(bands.get(name).code());
      assertThat(item.get("daysOverdue").isNull() ? null : item.get("daysOverdue").asLong()).as(name).isEqualTo(days.get(name));
    }
  }

  @Test
  void theRegister() {
    assertThat(registerKeys("overdue=any")).containsExactlyInAnyOrder(key("tbc"), key("late"));
    for (Band band : Band.values()) {
      List<String> expected = recs.keySet().stream().filter(name -> bands.get(name) == band).map(this::key).toList();
      assertThat(registerKeys("overdue=" + band.code())).as(band.label()).containsExactlyInAnyOrderElementsOf(expected);
    }
    for (RegisterRow row : registerRows("")) {
      assertThat(row.daysOverdue()).as(row.businessKey()).isEqualTo(days.get(nameOf(row.businessKey())));
    }
  }

  @Test
  void theDashboard() {
    Scope scope = Scope.services(Set.of(service));
    Map<Grade, GradeBands> byGrade = dashboard.openByGradeAndBand(day, scope);
    assertThat(byGrade.get(Grade.HIGH)).isEqualTo(new GradeBands(0, 1, 0, 1));
    assertThat(byGrade.get(Grade.MEDIUM)).isEqualTo(new GradeBands(1, 0, 0, 0));
    assertThat(dashboard.openByService(day, scope)).containsExactly(new Load(service, service, 1, 2, 2));
  }

  @Test
  void theCommitteeReport() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("carol", DemoUsers.PASSWORD)
        .getForEntity("/api/reports/committee?format=json&asAt=" + day, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, String> groupOf = new HashMap<>();
    Map<String, JsonNode> rowOf = new HashMap<>();
    for (JsonNode group : response.getBody().get("groups")) {
      for (JsonNode row : group.get("rows")) {
        String name = nameOf(row.get("businessKey").asText());
        if (name != null) {
          groupOf.put(name, group.get("band").asText());
          rowOf.put(name, row);
        }
      }
    }
    assertThat(groupOf).containsExactlyInAnyOrderEntriesOf(Map.of(
        "tbc", "HIGH_OVER_12_MONTHS", "late", "HIGH_UNDER_3_MONTHS", "future", "NOT_YET_DUE"));
    JsonNode tbc = rowOf.get("tbc");
    assertThat(tbc.get("originalTargetDate").asText()).isEqualTo(day.minusMonths(14).toString());
    assertThat(tbc.get("currentTargetDate").isNull()).isTrue();
    assertThat(tbc.get("monthsOverdue").asInt()).isEqualTo(14);
    assertThat(tbc.get("revisions")).hasSize(1);
    assertThat(rowOf.get("late").get("monthsOverdue").asInt()).isZero();
    assertThat(rowOf.get("future").get("monthsOverdue").isNull()).isTrue();
    for (JsonNode line : response.getBody().get("summary")) {
      assertThat(line.get("over12").asInt() + line.get("from3To12").asInt() + line.get("under3").asInt())
          .as("the bands of " + line.get("grade").asText() + " add up to its overdue").isEqualTo(line.get("overdue").asInt());
    }
  }

  @Test
  void theTasklistBriefs() {
    recs.forEach((name, rec) -> {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(rec.getBusinessKey())
          .taskDefinitionKey(LifecycleVariables.TASK_IMPLEMENT_ACTION).singleResult();
      // The brief is markdown: its punctuation comes escaped.
      String brief = ((String) taskService.getVariableLocal(task.getId(), LifecycleVariables.TASK_BRIEF)).replace("\\", "");
      if (bands.get(name).isOverdue()) {
        assertThat(brief).as(name).contains("**Overdue by " + days.get(name) + " days** (" + bands.get(name).label() + ")");
      } else {
        assertThat(brief).as(name).doesNotContain("Overdue by");
      }
    });
  }

  private JsonNode api(String path) {
    ResponseEntity<JsonNode> response = http.withBasicAuth("alice", DemoUsers.PASSWORD).getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static List<String> keysOf(JsonNode page) {
    List<String> keys = new java.util.ArrayList<>();
    page.get("items").forEach(item -> keys.add(item.get("businessKey").asText()));
    return keys;
  }

  private List<String> registerKeys(String query) {
    return registerRows(query).stream().map(RegisterRow::businessKey).toList();
  }

  private List<RegisterRow> registerRows(String query) {
    LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    parameters.add("audit", audit);
    if (!query.isEmpty()) {
      String[] pair = query.split("=", 2);
      parameters.add(pair[0], pair[1]);
    }
    RegisterRequest.Parsed parsed = registerRequests.parse(parameters);
    return register.page(parsed.filter(), parsed.sort(), Scope.services(Set.of(service)), 0, 200).rows();
  }

  private String key(String name) {
    return recs.get(name).getBusinessKey();
  }

  private String nameOf(String businessKey) {
    return recs.entrySet().stream().filter(e -> e.getValue().getBusinessKey().equals(businessKey)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  private void complete(String name, String taskKey, String user, Object... keyValues) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(key(name)).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " of " + name).isNotNull();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
