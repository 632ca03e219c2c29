package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Groups;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.demo.DemoUsers;
import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.supersession.Supersession;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's doors, tried as an attacker with an ordinary login would (README, "Security model"): code
 * through a query's expressions, by every entry the REST API and Tasklist's API offer; variables that carry
 * authority; renaming, re-dating and reassigning tasks; one's own profile; a second follow-up; and the doors
 * that start, move, message, deploy, or touch jobs. Each is refused and changes nothing.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorsTest {

  private static final File MARKER_DIR = new File("target/engine-doors");

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired Supersession supersession;

  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String[]> webappSessions = new HashMap<>();
  private String filterId;

  @BeforeAll
  void usersAndFilter() {
    demoUsers.ensure();
    MARKER_DIR.mkdirs();
    Filter filter = filterService.newTaskFilter("Every task (doors test)").setQuery(taskService.createTaskQuery());
    filterId = filterService.saveFilter(filter).getId();
  }

  // ------------------------------------------------------------------ expressions

  static Stream<Arguments> payloadShapes() {
    List<Arguments> shapes = new ArrayList<>();
    String[][] shape = {
        {"GET", "/task?assigneeExpression=", null},
        {"POST", "/task", "{\"assigneeExpression\":%s}"},
        {"POST", "/task", "{\"orQueries\":[{\"assigneeExpression\":%s}]}"},
        {"POST", "/task", "{\"orQueries\":[{\"processInstanceBusinessKey\":\"x\"},{\"candidateGroupExpression\":%s}]}"},
        {"POST", "/task/count", "{\"orQueries\":[{\"candidateUserExpression\":%s}]}"},
        {"POST", "/task/count", "{\"dueAfterExpression\":%s}"},
        {"POST", "/filter/{filter}/list", "{\"orQueries\":[{\"assigneeExpression\":%s}]}"},
        {"POST", "/filter/{filter}/list", "{\"ownerExpression\":%s}"},
        {"POST", "/filter/{filter}/count", "{\"orQueries\":[{\"involvedUserExpression\":%s}]}"},
        {"POST", "/filter/{filter}/count", "{\"followUpBeforeExpression\":%s}"},
    };
    for (String door : List.of("engine-rest", "tasklist")) {
      for (String user : List.of("olivia", "alice", "admin")) {
        for (String[] s : shape) {
          shapes.add(Arguments.of(door, user, s[0], s[1], s[2]));
        }
      }
    }
    return shapes.stream();
  }

  @ParameterizedTest(name = "{0} as {1}: {2} {3} {4}")
  @MethodSource("payloadShapes")
  void anExpressionInAnyQueryIsRefusedAndNeverRuns(String door, String user, String method, String path, String body)
      throws Exception {
    File marker = marker();
    String payload = payload(marker);
    String target = path.replace("{filter}", filterId);
    HttpResponse<String> answer;
    if (body == null) {
      answer = call(door, user, method, target + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8), null);
    } else {
      answer = call(door, user, method, target, body.formatted(json.writeValueAsString(payload)));
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("Expression");
    assertThat(marker).as("the payload ran").doesNotExist();
  }

  /** Walks the REST API's task query by reflection, so a property a later version adds cannot slip past. */
  static Stream<Arguments> everyExpressionProperty() {
    List<Arguments> properties = new ArrayList<>();
    for (Method setter : TaskQueryDto.class.getMethods()) {
      if (setter.getName().startsWith("set") && setter.getName().endsWith("Expression") && setter.getParameterCount() == 1) {
        String property = java.beans.Introspector.decapitalize(setter.getName().substring(3));
        properties.add(Arguments.of(property, false));
        properties.add(Arguments.of(property, true));
      }
    }
    assertThat(properties).hasSizeGreaterThanOrEqualTo(40);
    return properties.stream();
  }

  @ParameterizedTest(name = "{0}, inside orQueries: {1}")
  @MethodSource("everyExpressionProperty")
  void everyExpressionPropertyOfTheTaskQueryIsRefused(String property, boolean insideOrQuery) throws Exception {
    File marker = marker();
    ObjectNode query = json.createObjectNode().put(property, payload(marker));
    String body = insideOrQuery ? json.createObjectNode().set("orQueries", json.createArrayNode().add(query)).toString()
        : query.toString();
    HttpResponse<String> answer = call("engine-rest", "olivia", "POST", "/task", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("'" + property + "'");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aStoredFilterMayHoldOnlyTasklistsOwnExpressionsEvenForAnAdministrator() throws Exception {
    File marker = marker();
    HttpResponse<String> answer = call("engine-rest", "admin", "POST", "/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Evil\",\"query\":{\"assigneeExpression\":" + json.writeValueAsString(payload(marker)) + "}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(filterService.createTaskFilterQuery().filterName("Evil").count()).isZero();
    HttpResponse<String> mine = call("engine-rest", "admin", "POST", "/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Mine (doors test)\",\"query\":{\"assigneeExpression\":\"${currentUser()}\","
            + "\"dueBeforeExpression\":\"${dateTime().plusDays(7)}\"}}");
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    String id = json.readTree(mine.body()).get("id").asText();
    assertThat(call("engine-rest", "olivia", "GET", "/filter/" + id + "/count", null).statusCode()).isEqualTo(200);
    assertThat(call("engine-rest", "olivia", "POST", "/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Officer's own\",\"query\":{}}").statusCode()).isEqualTo(403);
    assertThat(marker).doesNotExist();
  }

  // ------------------------------------------------------------------ variables that carry authority

  @Test
  void aCompletionCarriesOnlyItsFormsFields() throws Exception {
    Recommendation essential = raise("Essential", "olivia").get(0);
    Task agree = open(essential, LifecycleVariables.TASK_AGREE_ACTION);
    HttpResponse<String> answer = call("engine-rest", "olivia", "POST", "/task/" + agree.getId() + "/complete",
        "{\"variables\":{\"agreement\":{\"value\":\"NOT_AGREED\"},\"notAgreedReason\":{\"value\":\"Too costly.\"},"
            + "\"grade\":{\"value\":\"LOW\"}}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("grade");
    assertThat(taskService.createTaskQuery().taskId(agree.getId()).count()).isOne();
    assertThat(runtimeService.getVariable(agree.getProcessInstanceId(), LifecycleVariables.GRADE)).isEqualTo("ESSENTIAL");

    HttpResponse<String> tasklist = call("tasklist", "olivia", "POST", "/task/" + agree.getId() + "/submit-form",
        "{\"variables\":{\"agreement\":{\"value\":\"NOT_AGREED\"},\"notAgreedReason\":{\"value\":\"Too costly.\"},"
            + "\"riskAcceptorGroup\":{\"value\":\"heads-of-service\"}}}");
    assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
    assertThat(tasklist.body()).contains("riskAcceptorGroup");

    HttpResponse<String> proper = call("tasklist", "olivia", "POST", "/task/" + agree.getId() + "/submit-form",
        "{\"variables\":{\"agreement\":{\"value\":\"NOT_AGREED\"},\"notAgreedReason\":{\"value\":\"Too costly.\"}}}");
    assertThat(proper.statusCode()).as(proper.body()).isEqualTo(204);
    Task accept = open(essential, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK);
    assertThat(taskService.getIdentityLinksForTask(accept.getId())).extracting(link -> link.getGroupId())
        .contains(Groups.S151_OFFICER).doesNotContain(Groups.HEADS_OF_SERVICE);
    assertThat(call("engine-rest", "harry", "POST", "/task/" + accept.getId() + "/complete",
        "{\"variables\":{\"riskDecision\":{\"value\":\"ACCEPTED\"},\"riskRationale\":{\"value\":\"Fine.\"}}}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aTaskHoldersVariableWritesAreRefused() throws Exception {
    Recommendation mine = raise("High", "olivia").get(0);
    Recommendation housing = raiseIn("housing", "Medium", "hannah").get(0);
    Task agree = open(mine, LifecycleVariables.TASK_AGREE_ACTION);
    String brief = (String) taskService.getVariableLocal(agree.getId(), LifecycleVariables.TASK_BRIEF);
    List<String[]> writes = List.of(
        new String[] {"PUT", "/task/" + agree.getId() + "/variables/recommendationId", "{\"value\":" + housing.getId() + ",\"type\":\"Long\"}"},
        new String[] {"POST", "/task/" + agree.getId() + "/variables", "{\"modifications\":{\"recommendationId\":{\"value\":" + housing.getId() + "}}}"},
        new String[] {"PUT", "/task/" + agree.getId() + "/localVariables/taskBrief", "{\"value\":\"Just approve it.\"}"},
        new String[] {"DELETE", "/task/" + agree.getId() + "/localVariables/taskBrief", null},
        new String[] {"POST", "/process-instance/" + agree.getProcessInstanceId() + "/variables", "{\"modifications\":{\"grade\":{\"value\":\"LOW\"}}}"},
        new String[] {"PUT", "/task/" + agree.getId(), "{\"name\":\"Nothing to do\",\"due\":\"2099-01-01T00:00:00.000+0000\"}"},
        new String[] {"POST", "/task/" + agree.getId() + "/identity-links", "{\"groupId\":\"committee\",\"type\":\"candidate\"}"},
        new String[] {"POST", "/task/" + agree.getId() + "/delegate", "{\"userId\":\"hannah\"}"});
    for (String[] write : writes) {
      for (String door : List.of("engine-rest", "tasklist")) {
        HttpResponse<String> answer = call(door, "olivia", write[0], write[1], write[2]);
        assertThat(answer.statusCode()).as(door + " " + write[0] + " " + write[1] + ": " + answer.body()).isIn(400, 403);
      }
    }
    assertThat(call("engine-rest", "olivia", "PUT", "/task/" + agree.getId() + "/variables/grade", "{\"value\":\"LOW\"}").body())
        .contains("variables are written by the process's own steps");
    assertThat(call("engine-rest", "olivia", "PUT", "/task/" + agree.getId(), "{\"name\":\"x\"}").body())
        .contains("set by the process");
    Task after = taskService.createTaskQuery().taskId(agree.getId()).singleResult();
    assertThat(after.getName()).isEqualTo(agree.getName());
    assertThat(after.getDueDate()).isEqualTo(agree.getDueDate());
    assertThat(after.getAssignee()).isEqualTo("olivia");
    assertThat(runtimeService.getVariable(agree.getProcessInstanceId(), LifecycleVariables.RECOMMENDATION_ID)).isEqualTo(mine.getId());
    assertThat(runtimeService.getVariable(agree.getProcessInstanceId(), LifecycleVariables.GRADE)).isEqualTo("HIGH");
    assertThat(taskService.getVariableLocal(agree.getId(), LifecycleVariables.TASK_BRIEF)).isEqualTo(brief);

    HttpResponse<String> done = call("engine-rest", "olivia", "POST", "/task/" + agree.getId() + "/complete",
        "{\"variables\":{\"agreement\":{\"value\":\"AGREED\"},\"agreedAction\":{\"value\":\"Our own action.\"},"
            + "\"targetDate\":{\"value\":\"2030-01-31\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(recommendations.findById(mine.getId()).orElseThrow().getAgreedAction()).isEqualTo("Our own action.");
    assertThat(recommendations.findById(housing.getId()).orElseThrow().getAgreedAction()).isNull();
  }

  @Test
  void aJavaSerialisedValueIsRefused() throws Exception {
    Task agree = open(raise("Low", "olivia").get(0), LifecycleVariables.TASK_AGREE_ACTION);
    HttpResponse<String> answer = call("engine-rest", "olivia", "POST", "/task/" + agree.getId() + "/submit-form",
        "{\"variables\":{\"agreement\":{\"type\":\"Object\",\"value\":\"rO0ABXQABUFHUkVF\",\"valueInfo\":"
            + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(agree.getId()).count()).isOne();
  }

  // ------------------------------------------------------------------ who may hold a task

  @Test
  void aTaskGoesOnlyToSomeoneItIsOfferedTo() throws Exception {
    Task agree = open(raise("Medium", "Head of Financial Services").get(0), LifecycleVariables.TASK_AGREE_ACTION);
    assertThat(agree.getAssignee()).isNull();
    for (String stranger : List.of("hannah", "carol", "alice")) {
      HttpResponse<String> claim = call("engine-rest", "olivia", "POST", "/task/" + agree.getId() + "/claim",
          "{\"userId\":\"" + stranger + "\"}");
      assertThat(claim.statusCode()).as(stranger + ": " + claim.body()).isEqualTo(403);
      assertThat(call("tasklist", "olivia", "POST", "/task/" + agree.getId() + "/assignee",
          "{\"userId\":\"" + stranger + "\"}").statusCode()).isEqualTo(403);
      assertThat(taskService.createTaskQuery().taskId(agree.getId()).singleResult().getAssignee()).isNull();
    }
    assertThat(call("engine-rest", "olivia", "POST", "/task/" + agree.getId() + "/claim", "{\"userId\":\"olivia\"}").statusCode())
        .isEqualTo(204);
    // Sam manages the finance officers: the task is offered to their group, so Olivia may give it to him.
    assertThat(call("engine-rest", "olivia", "POST", "/task/" + agree.getId() + "/assignee", "{\"userId\":\"sam\"}").statusCode())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(agree.getId()).singleResult().getAssignee()).isEqualTo("sam");
  }

  @Test
  void peopleCannotRenameThemselvesButMayChangeTheirPassword() throws Exception {
    String id = "doors-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(id);
    user.setFirstName("Hana");
    user.setLastName("Newman");
    user.setPassword("first-secret-1");
    identityService.saveUser(user);
    identityService.createMembership(id, Groups.OFFICERS);
    HttpResponse<String> rename = basic(id, "first-secret-1", "PUT", "/engine-rest/user/" + id + "/profile",
        "{\"id\":\"" + id + "\",\"firstName\":\"Head of\",\"lastName\":\"Financial Services\",\"email\":\"x@council.example\"}");
    assertThat(rename.statusCode()).as(rename.body()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId(id).singleResult().getLastName()).isEqualTo("Newman");
    HttpResponse<String> password = basic(id, "first-secret-1", "PUT", "/engine-rest/user/" + id + "/credentials",
        "{\"password\":\"second-secret-2\",\"authenticatedUserPassword\":\"first-secret-1\"}");
    assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
    assertThat(identityService.checkPassword(id, "second-secret-2")).isTrue();
    assertThat(basic("admin", DemoUsers.PASSWORD, "PUT", "/engine-rest/user/" + id + "/profile",
        "{\"id\":\"" + id + "\",\"firstName\":\"Hana\",\"lastName\":\"Newman-Smith\"}").statusCode()).isEqualTo(204);
  }

  // ------------------------------------------------------------------ lifecycles start once

  @Test
  void aRecommendationIsFollowedUpOnceAndAClosedOneIsNotReopened() throws Exception {
    List<Recommendation> raised = raise("High", "olivia");
    Recommendation first = raised.get(0);
    String audit = first.getBusinessKey().substring(0, first.getBusinessKey().lastIndexOf('/'));
    Long auditId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(audit).singleResult() == null ? null
        : (Long) runtimeService.getVariable(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(audit)
            .singleResult().getId(), LifecycleVariables.AUDIT_ID);
    HttpResponse<String> again = call("engine-rest", "alice", "POST", "/process-definition/key/audit-follow-up/start",
        "{\"businessKey\":\"" + audit + "\",\"variables\":{\"auditId\":{\"value\":" + auditId + ",\"type\":\"Long\"}}}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(403);
    assertThat(lifecycles(first)).isOne();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS, first.getBusinessKey()))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("already being followed up");
    supersession.supersede(first.getId(), Supersession.Kind.WITHDRAWN, "No longer needed.", "helen");
    assertThat(lifecycles(first)).isZero();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS, first.getBusinessKey()))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("is closed");
  }

  // ------------------------------------------------------------------ the engine's other doors

  static Stream<Arguments> doorsClosedToEveryone() {
    return Stream.of("admin", "helen", "alice", "olivia").map(Arguments::of);
  }

  @ParameterizedTest(name = "as {0}")
  @MethodSource("doorsClosedToEveryone")
  void theEnginesOtherDoorsAreClosed(String user) throws Exception {
    Task agree = open(raise("Low", "olivia").get(0), LifecycleVariables.TASK_AGREE_ACTION);
    String instance = agree.getProcessInstanceId();
    String definition = agree.getProcessDefinitionId();
    Job cleanup = historyService.findHistoryCleanupJobs().get(0);
    String jobDefinition = managementService.createJobDefinitionQuery().list().get(0).getId();
    List<String[]> doors = List.of(
        new String[] {"POST", "/process-definition/key/recommendation-lifecycle/start", "{\"businessKey\":\"X-1\"}"},
        new String[] {"POST", "/process-definition/" + definition + "/submit-form", "{}"},
        new String[] {"POST", "/message", "{\"messageName\":\"" + LifecycleVariables.MESSAGE_SUPERSEDED + "\",\"processInstanceId\":\"" + instance + "\"}"},
        new String[] {"POST", "/signal", "{\"name\":\"anything\"}"},
        new String[] {"POST", "/process-instance/" + instance + "/modification",
            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_CloseAsImplemented\"}]}"},
        new String[] {"DELETE", "/process-instance/" + instance, null},
        new String[] {"PUT", "/process-instance/" + instance + "/suspended", "{\"suspended\":true}"},
        new String[] {"POST", "/process-definition/" + definition + "/restart", "{\"processInstanceIds\":[\"" + instance + "\"],"
            + "\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_AgreeAction\"}]}"},
        new String[] {"POST", "/migration/execute", "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + definition
            + "\",\"targetProcessDefinitionId\":\"" + definition + "\",\"instructions\":[]},\"processInstanceIds\":[\"" + instance + "\"]}"},
        new String[] {"PUT", "/job/" + cleanup.getId() + "/suspended", "{\"suspended\":true}"},
        new String[] {"DELETE", "/job/" + cleanup.getId(), null},
        new String[] {"POST", "/job/" + cleanup.getId() + "/execute", null},
        new String[] {"PUT", "/job/" + cleanup.getId() + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"},
        new String[] {"PUT", "/job-definition/" + jobDefinition + "/suspended", "{\"suspended\":true}"},
        new String[] {"POST", "/history/cleanup?immediatelyDue=true", null},
        new String[] {"PUT", "/process-definition/" + definition + "/suspended", "{\"suspended\":true}"});
    for (String[] door : doors) {
      HttpResponse<String> answer = call("engine-rest", user, door[0], door[1], door[2]);
      assertThat(answer.statusCode()).as(door[0] + " " + door[1] + ": " + answer.body()).isIn(403);
    }
    HttpResponse<String> deploy = deploy(user);
    assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(agree.getId()).active().count()).isOne();
    assertThat(managementService.createJobQuery().jobId(cleanup.getId()).active().count()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("X-1").count()).isZero();
  }

  // ------------------------------------------------------------------ helpers

  private long lifecycles(Recommendation recommendation) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleVariables.LIFECYCLE_PROCESS)
        .processInstanceBusinessKey(recommendation.getBusinessKey()).count();
  }

  private static File marker() {
    return new File(MARKER_DIR, "owned-" + UUID.randomUUID()).getAbsoluteFile();
  }

  /** Would create the marker file if the engine evaluated it. */
  private static String payload(File marker) {
    return "${\"x\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch "
        + marker.getPath() + "\")}";
  }

  private List<Recommendation> raise(String grade, String leadOfficer) {
    return raiseIn("finance", grade, leadOfficer);
  }

  private List<Recommendation> raiseIn(String service, String grade, String leadOfficer) {
    String reference = "ED-" + UUID.randomUUID().toString().substring(0, 8);
    Long id = audits.create(new NewAudit(reference, "Doors " + reference, service, LocalDate.now(),
        List.of(new NewRecommendation("1", "Keep a register.", null, grade, leadOfficer, null))), "alice").getId();
    return recommendations.findByAuditIdOrderByIdAsc(id);
  }

  private Task open(Recommendation recommendation, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
        .taskDefinitionKey(key).singleResult();
  }

  private HttpResponse<String> call(String door, String user, String method, String path, String body) throws Exception {
    return door.equals("engine-rest") ? basic(user, DemoUsers.PASSWORD, method, "/engine-rest" + path, body)
        : webapp(user, method, "/camunda/api/engine/engine/default" + path, body);
  }

  private HttpResponse<String> basic(String user, String password, String method, String path, String body) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Tasklist's own API with a signed-in browser session and the webapps' CSRF token, as Tasklist sends it. */
  private HttpResponse<String> webapp(String user, String method, String path, String body) throws Exception {
    String[] session = webappSessions.get(user);
    if (session == null) {
      String id = FormLogin.session(client, base(), user, DemoUsers.PASSWORD);
      HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default"))
          .header("Cookie", "JSESSIONID=" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
      String token = first.headers().firstValue("X-XSRF-TOKEN")
          .or(() -> FormLogin.cookie(first, "XSRF-TOKEN")).orElseThrow(() -> new AssertionError("no CSRF token from the webapps"));
      session = new String[] {id, token};
      webappSessions.put(user, session);
    }
    return client.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Cookie", "JSESSIONID=" + session[0] + "; XSRF-TOKEN=" + session[1]).header("X-XSRF-TOKEN", session[1])
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> deploy(String user) throws Exception {
    String boundary = "doors" + UUID.randomUUID();
    String bpmn = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " targetNamespace=\"x\"><process id=\"evil\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/>"
        + "</process></definitions>";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"evil.bpmn\"; filename=\"evil.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
        + bpmn + "\r\n--" + boundary + "--\r\n";
    String credentials = Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
