package com.rectify.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.TasklistFilterNames;
import com.rectify.common.Groups;
import com.rectify.common.LifecycleVariables;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.security.FormLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's shared filters hold what their names say, for the person signed in: a task offered to a lead officer
 * by name is in that officer's "Offered to me by name" and in nobody else's, whether Tasklist asks or the REST API
 * does. An older installation gets the filter it lacks, and a filter its council changed is left as it is.
 */
@RectifyApplicationTest
class TasklistFiltersTest {

  /** An officer of the housing service, not named on any recommendation of this test. */
  private static final String HOUSING_OFFICER = "tf-housing-officer";

  @LocalServerPort int port;
  @Autowired TasklistFilters filters;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void usersAndFilters() {
    demoUsers.ensure();
    filters.ensureFilters();
    if (identityService.createUserQuery().userId(HOUSING_OFFICER).count() == 0) {
      User user = identityService.newUser(HOUSING_OFFICER);
      user.setFirstName("Harriet");
      user.setLastName("Housing");
      user.setPassword(DemoUsers.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(HOUSING_OFFICER, Groups.OFFICERS);
      identityService.createMembership(HOUSING_OFFICER, Groups.ofService("housing"));
    }
  }

  @AfterEach
  void forgetUser() {
    identityService.clearAuthentication();
  }

  @Test
  void aTaskOfferedToACoLeadOfficerByNameIsInHerOwnFilterAndInNoOtherOfficers() throws Exception {
    String reference = "TF-" + UUID.randomUUID().toString().substring(0, 6);
    String key = reference + "/1";
    audits.create(new NewAudit(reference, "Filters " + reference, "housing", LocalDate.now(), List.of(new NewAudit.NewRecommendation(
        "1", "Contractor performance must be reported monthly.", null, "Essential", "Hannah Hughes/Olivia Officer", null))), "helen");
    Task agree = taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(LifecycleVariables.TASK_AGREE_ACTION).singleResult();
    assertThat(agree.getAssignee()).as("two lead officers with a login: offered to both, given to neither").isNull();

    String offered = filterId(TasklistFilterNames.OFFERED_TO_ME_BY_NAME);
    String groups = filterId(TasklistFilterNames.MY_GROUPS_TASKS);
    String mine = filterId(TasklistFilterNames.MY_TASKS);

    // Olivia co-leads a housing recommendation but is a finance officer: only her name brings it to her.
    assertThat(restList("olivia", offered, key)).containsExactly(agree.getId());
    assertThat(tasklistList("olivia", offered, key)).containsExactly(agree.getId());
    assertThat(filterServiceList("olivia", offered, key)).containsExactly(agree.getId());
    assertThat(restList("olivia", groups, key)).isEmpty();
    assertThat(restList("olivia", mine, key)).isEmpty();

    assertThat(restList("hannah", offered, key)).containsExactly(agree.getId());
    // Another housing officer finds it among her groups' tasks, but it is not offered to her by name.
    assertThat(restList(HOUSING_OFFICER, offered, key)).isEmpty();
    assertThat(tasklistList(HOUSING_OFFICER, offered, key)).isEmpty();
    assertThat(filterServiceList(HOUSING_OFFICER, offered, key)).isEmpty();
    assertThat(restList(HOUSING_OFFICER, groups, key)).containsExactly(agree.getId());

    // Once Hannah has claimed it, it is hers: no longer waiting for Olivia to take it.
    assertThat(basic("hannah", "POST", "/engine-rest/task/" + agree.getId() + "/claim", "{\"userId\":\"hannah\"}").statusCode())
        .isEqualTo(204);
    assertThat(restList("hannah", mine, key)).containsExactly(agree.getId());
    assertThat(restList("olivia", offered, key)).isEmpty();
    assertThat(restList("hannah", offered, key)).isEmpty();
  }

  @Test
  void anOlderInstallationGetsTheFilterItLacksAndKeepsWhatItsCouncilChanged() {
    List<String> names = List.of(TasklistFilterNames.MY_TASKS, TasklistFilterNames.OFFERED_TO_ME_BY_NAME, TasklistFilterNames.MY_GROUPS_TASKS,
        TasklistFilterNames.OVERDUE);
    try {
      names.forEach(this::delete);
      // The three filters an earlier release created; the council has since made "Overdue" its own.
      save(TasklistFilterNames.MY_TASKS, 1, "Tasks assigned to me", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      save(TasklistFilterNames.MY_GROUPS_TASKS, 2, "Unclaimed tasks offered to my groups or to me",
          taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
      save(TasklistFilterNames.OVERDUE, 3, "Past due: chase these first", taskService.createTaskQuery().dueBeforeExpression("${now()}"));
      Map<String, String> idsBefore = ids(names.stream().filter(n -> !n.equals(TasklistFilterNames.OFFERED_TO_ME_BY_NAME)).toList());

      filters.ensureFilters();

      assertThat(filterService.createFilterQuery().filterName(TasklistFilterNames.OFFERED_TO_ME_BY_NAME).count()).isOne();
      assertThat(ids(idsBefore.keySet().stream().toList())).as("nothing recreated").isEqualTo(idsBefore);
      assertThat(description(TasklistFilterNames.OFFERED_TO_ME_BY_NAME)).contains("offered to me by name").contains("nobody has claimed");
      assertThat(description(TasklistFilterNames.MY_GROUPS_TASKS)).as("still the product's own: brought up to date")
          .isEqualTo("Tasks offered to my groups, claimed or not");
      assertThat(priority(TasklistFilterNames.MY_GROUPS_TASKS)).isEqualTo(3);
      assertThat(description(TasklistFilterNames.OVERDUE)).as("the council's own, left alone").isEqualTo("Past due: chase these first");
      assertThat(priority(TasklistFilterNames.OVERDUE)).isEqualTo(3);
      assertThat(description(TasklistFilterNames.MY_TASKS)).isEqualTo("Tasks assigned to me");

      Map<String, String> idsAfter = ids(names);
      filters.ensureFilters();
      assertThat(ids(names)).as("a second start changes nothing").isEqualTo(idsAfter);
      assertThat(description(TasklistFilterNames.OVERDUE)).isEqualTo("Past due: chase these first");
    } finally {
      names.forEach(this::delete);
      filters.ensureFilters();
    }
  }

  // ---------------------------------------------------------------- helpers

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  private void delete(String name) {
    filterService.createFilterQuery().filterName(name).list().forEach(f -> filterService.deleteFilter(f.getId()));
  }

  private void save(String name, int priority, String description, TaskQuery query) {
    filterService.saveFilter(filterService.newTaskFilter(name).setQuery(query).setProperties(Map.of(
        "priority", priority, "description", description, "refresh", true, "variables", List.of())));
  }

  private Map<String, String> ids(List<String> names) {
    Map<String, String> ids = new java.util.TreeMap<>();
    for (String name : names) {
      List<Filter> found = filterService.createFilterQuery().filterName(name).list();
      assertThat(found).as(name).hasSize(1);
      ids.put(name, found.get(0).getId());
    }
    return ids;
  }

  private String description(String name) {
    return (String) filterService.createFilterQuery().filterName(name).singleResult().getProperties().get("description");
  }

  private int priority(String name) {
    return ((Number) filterService.createFilterQuery().filterName(name).singleResult().getProperties().get("priority")).intValue();
  }

  /** The filter's tasks for this recommendation, through {@code /engine-rest} with the user's password. */
  private List<String> restList(String user, String filterId, String businessKey) throws Exception {
    HttpResponse<String> answer = basic(user, "POST", "/engine-rest/filter/" + filterId + "/list",
        "{\"processInstanceBusinessKey\":\"" + businessKey + "\"}");
    return taskIds(answer);
  }

  /** The same as Tasklist asks it: its own API, a signed-in session and the webapps' CSRF token. */
  private List<String> tasklistList(String user, String filterId, String businessKey) throws Exception {
    String session = FormLogin.session(client, base(), user, DemoUsers.PASSWORD);
    HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default"))
        .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    String token = first.headers().firstValue("X-XSRF-TOKEN")
        .or(() -> FormLogin.cookie(first, "XSRF-TOKEN")).orElseThrow(() -> new AssertionError("no CSRF token from the webapps"));
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base()
            + "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processInstanceBusinessKey\":\"" + businessKey + "\","
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return taskIds(answer);
  }

  /** The same through the engine's FilterService, with the user signed in to the engine. */
  private List<String> filterServiceList(String user, String filterId, String businessKey) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identityService.setAuthentication(user, groups);
    try {
      List<Task> tasks = filterService.list(filterId, taskService.createTaskQuery().processInstanceBusinessKey(businessKey));
      return tasks.stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> taskIds(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : json.readTree(answer.body())) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }

  private HttpResponse<String> basic(String user, String method, String path, String body) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
