package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Groups;
import com.rectify.common.LifecycleVariables;
import com.rectify.demo.DemoUsers;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees a task, now that the engine writes no authorization row per task: its lead officer (a candidate
 * user), the officers of its service (its candidate group) whoever holds it, the auditors (a grant on every
 * task), and nobody else, however the query is put and whether it is asked for by id; the same people read
 * and add its comments.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskVisibilityTest {

  static final String PASSWORD = "visibility-secret";
  static final Map<String, List<String>> USERS = Map.of(
      "tv-lead", List.of(Groups.OFFICERS, Groups.ofService("finance")),
      "tv-colleague", List.of(Groups.OFFICERS, Groups.ofService("finance")),
      "tv-other", List.of(Groups.OFFICERS, Groups.ofService("housing")),
      "tv-auditor", List.of(Groups.AUDITORS));

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired DemoUsers demoUsers;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private Recommendation recommendation;
  private Task agree;

  @BeforeAll
  void aRecommendationOfTheFinanceService() {
    demoUsers.ensure();
    USERS.forEach(this::user);
    String reference = "TV-" + UUID.randomUUID().toString().substring(0, 8);
    Long auditId = audits.create(new NewAudit(reference, "Visibility " + reference, "finance", LocalDate.now(),
        List.of(new NewRecommendation("1", "Reconcile the ledger monthly.", null, "High", "tv-lead", null))), "tv-auditor").getId();
    recommendation = recommendations.findByAuditIdOrderByIdAsc(auditId).get(0);
    agree = taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
        .taskDefinitionKey(LifecycleVariables.TASK_AGREE_ACTION).singleResult();
  }

  @Test
  void theEngineWritesNoAuthorizationForATask() {
    assertThat(agree.getAssignee()).as("given to its lead officer").isEqualTo("tv-lead");
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(agree.getId()).count())
        .as("given to a user, offered to a user and a group: no row for any of them").isZero();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(agree.getId())
        .count()).isZero();
  }

  @Test
  void theLeadTheServiceAndTheAuditorsSeeItWhoeverHoldsIt() throws Exception {
    assertThat(counts()).containsExactly(1, 1, 0, 1);
    handOver("tv-lead", "tv-colleague");
    try {
      assertThat(counts()).as("held by a colleague: still the lead's and the service's to see").containsExactly(1, 1, 0, 1);
      assertThat(count("tv-lead", "?processInstanceBusinessKey=" + recommendation.getBusinessKey() + "&assignee=tv-lead"))
          .as("the lead's own question is still asked: not held by the lead").isZero();
      assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(agree.getId()).count())
          .isZero();
    } finally {
      handOver("tv-colleague", "tv-lead");
    }
  }

  private void handOver(String from, String to) throws Exception {
    assertThat(send(from, "POST", "/engine-rest/task/" + agree.getId() + "/unclaim", null).statusCode()).isEqualTo(204);
    assertThat(send(to, "POST", "/engine-rest/task/" + agree.getId() + "/claim", "{\"userId\":\"" + to + "\"}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void anotherServiceSeesNothingHoweverItAsks() throws Exception {
    String key = recommendation.getBusinessKey();
    assertThat(count("tv-other", "?candidateGroup=" + Groups.ofService("finance") + "&processInstanceBusinessKey=" + key)).isZero();
    assertThat(count("tv-other", "?candidateUser=tv-lead&includeAssignedTasks=true&processInstanceBusinessKey=" + key)).isZero();
    HttpResponse<String> widened = send("tv-other", "POST", "/engine-rest/task", "{\"processInstanceBusinessKey\":\"" + key
        + "\",\"orQueries\":[{\"candidateGroup\":\"" + Groups.ofService("finance") + "\",\"assignee\":\"tv-lead\"}]}");
    assertThat(widened.statusCode()).as(widened.body()).isEqualTo(200);
    assertThat(json.readTree(widened.body())).isEmpty();
    HttpResponse<String> task = send("tv-other", "GET", "/engine-rest/task/" + agree.getId(), null);
    assertThat(task.statusCode()).as("asked for by id, it is not there for them: " + task.body()).isEqualTo(404);
    for (String path : List.of("/form-variables", "/variables", "/identity-links")) {
      HttpResponse<String> byId = send("tv-other", "GET", "/engine-rest/task/" + agree.getId() + path, null);
      assertThat(byId.statusCode()).as(path + ": " + byId.body()).isEqualTo(403);
    }
    assertThat(send("tv-other", "POST", "/engine-rest/task/" + agree.getId() + "/claim", "{\"userId\":\"tv-other\"}").statusCode())
        .isEqualTo(403);
  }

  /** Queries already within what the officer is involved in are asked as they are ({@code TaskInvolvementTest}). */
  @Test
  void askingForTheirOwnTasksOrGroupsFindsItAndReachingBeyondFindsNothing() throws Exception {
    String key = "&processInstanceBusinessKey=" + recommendation.getBusinessKey();
    String finance = Groups.ofService("finance");
    String housing = Groups.ofService("housing");
    assertThat(count("tv-lead", "?assignee=tv-lead" + key)).isOne();
    assertThat(count("tv-lead", "?candidateUser=tv-lead&includeAssignedTasks=true" + key)).isOne();
    assertThat(count("tv-colleague", "?candidateGroups=" + Groups.OFFICERS + "," + finance + "&includeAssignedTasks=true" + key))
        .isOne();
    assertThat(count("tv-colleague", "?candidateGroup=" + finance + key)).as("held by the lead: not unclaimed").isZero();
    assertThat(count("tv-other", "?candidateGroups=" + Groups.OFFICERS + "," + housing + "&includeAssignedTasks=true" + key))
        .isZero();

    assertThat(count("tv-other", "?candidateGroups=" + Groups.OFFICERS + "," + finance + "&includeAssignedTasks=true" + key))
        .as("one of the groups asked is not theirs").isZero();
    assertThat(count("tv-other", "?assignee=tv-lead" + key)).isZero();
    assertThat(count("tv-other", "?owner=tv-lead" + key)).isZero();
    assertThat(count("tv-other", "?candidateGroupLike=service-%25&includeAssignedTasks=true" + key)).isZero();
    assertThat(count("tv-auditor", "?candidateGroups=" + finance + "&includeAssignedTasks=true" + key))
        .as("auditors see every task through their grant").isOne();
  }

  @Test
  void theServiceReadsItByIdAndItsForm() throws Exception {
    for (String user : List.of("tv-lead", "tv-colleague", "tv-auditor")) {
      for (String path : List.of("", "/form-variables", "/identity-links")) {
        HttpResponse<String> byId = send(user, "GET", "/engine-rest/task/" + agree.getId() + path, null);
        assertThat(byId.statusCode()).as(user + path + ": " + byId.body()).isEqualTo(200);
      }
    }
  }

  /** Camunda's REST API finds the task in history first: the people it is for find it there while it is open. */
  @Test
  void theServiceAndTheAuditorsCommentOnItAndReadTheComments() throws Exception {
    String task = "/engine-rest/task/" + agree.getId();
    for (String user : List.of("tv-lead", "tv-colleague", "tv-auditor")) {
      String message = "Progress noted by " + user + ".";
      HttpResponse<String> added = send(user, "POST", task + "/comment/create", json.writeValueAsString(Map.of("message", message)));
      assertThat(added.statusCode()).as(user + ": " + added.body()).isEqualTo(200);
      String id = json.readTree(added.body()).get("id").asText();
      HttpResponse<String> listed = send(user, "GET", task + "/comment", null);
      assertThat(listed.statusCode()).as(user + ": " + listed.body()).isEqualTo(200);
      assertThat(listed.body()).contains(message);
      HttpResponse<String> one = send(user, "GET", task + "/comment/" + id, null);
      assertThat(one.statusCode()).as(user + ": " + one.body()).isEqualTo(200);
      assertThat(send(user, "GET", task + "/attachment", null).statusCode()).isEqualTo(200);
      assertThat(json.readTree(send(user, "GET", "/engine-rest/history/task?taskId=" + agree.getId(), null).body())).hasSize(1);
    }
    assertThat(taskService.getTaskComments(agree.getId())).extracting(comment -> comment.getUserId())
        .contains("tv-lead", "tv-colleague", "tv-auditor");
  }

  @Test
  void anotherServiceNeitherReadsNorAddsCommentsAndNobodyRewritesThem() throws Exception {
    String written = taskService.createComment(agree.getId(), agree.getProcessInstanceId(), "Between the lead and audit.").getId();
    int before = taskService.getTaskComments(agree.getId()).size();
    String task = "/engine-rest/task/" + agree.getId();
    assertThat(send("tv-other", "GET", task + "/comment", null).statusCode()).isEqualTo(404);
    assertThat(send("tv-other", "GET", task + "/attachment", null).statusCode()).isEqualTo(404);
    HttpResponse<String> one = send("tv-other", "GET", task + "/comment/" + written, null);
    assertThat(one.statusCode()).as("one comment by its id: " + one.body()).isEqualTo(403);
    assertThat(one.body()).doesNotContain("Between the lead and audit").contains("not a task");
    HttpResponse<String> added = send("tv-other", "POST", task + "/comment/create", "{\"message\":\"Not my service's.\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(400);
    assertThat(json.readTree(send("tv-other", "GET", "/engine-rest/history/task?taskId=" + agree.getId(), null).body())).isEmpty();

    HttpResponse<String> rewritten = send("tv-lead", "PUT", task + "/comment",
        json.writeValueAsString(Map.of("id", written, "message", "Rewritten.")));
    assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(403);
    assertThat(rewritten.body()).contains("stays as it was written");
    assertThat(send("tv-lead", "DELETE", task + "/comment/" + written, null).statusCode()).isEqualTo(403);
    assertThat(send("tv-auditor", "DELETE", task + "/comment", null).statusCode()).isEqualTo(403);
    assertThat(taskService.getTaskComments(agree.getId())).hasSize(before)
        .anySatisfy(comment -> assertThat(comment.getFullMessage()).isEqualTo("Between the lead and audit."));
  }

  private List<Integer> counts() throws Exception {
    String query = "?processInstanceBusinessKey=" + recommendation.getBusinessKey();
    return List.of(count("tv-lead", query), count("tv-colleague", query), count("tv-other", query), count("tv-auditor", query));
  }

  private int count(String user, String query) throws Exception {
    HttpResponse<String> answer = send(user, "GET", "/engine-rest/task/count" + query, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    int count = json.readTree(answer.body()).get("count").asInt();
    HttpResponse<String> list = send(user, "GET", "/engine-rest/task" + query, null);
    assertThat(json.readTree(list.body())).as("the list agrees with the count").hasSize(count);
    return count;
  }

  private void user(String id, List<String> groups) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName("Visibility");
    user.setLastName(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    groups.forEach(group -> identityService.createMembership(id, group));
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
