package com.rectify.security.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Groups;
import com.rectify.common.TasklistFilterNames;
import com.rectify.demo.DemoUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A group's tasks found from the group's links answer exactly what the engine's own statement answers: the
 * same tasks, in the same order, page by page, and the same count; any other query is left to the engine.
 * The engine's statement is reached by adding a condition that every task here meets (not a subtask), which
 * sends the query back to the engine.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueriesFromGroupLinksTest {

  static final String PASSWORD = "group-links-secret";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired DemoUsers demoUsers;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String north = "gl-north-" + run;
  private final String south = "gl-south-" + run;
  private final String elsewhere = "gl-elsewhere-" + run;
  private final String officer = "gl-officer-" + run;
  private final List<String> taskIds = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void tasksOfferedToSeveralGroups() {
    demoUsers.ensure();
    for (String group : List.of(north, south, elsewhere)) {
      identityService.saveGroup(identityService.newGroup(group));
    }
    User user = identityService.newUser(officer);
    user.setFirstName("Group");
    user.setLastName("Links");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(officer, Groups.OFFICERS);
    identityService.createMembership(officer, north);
    identityService.createMembership(officer, south);

    long day = 86_400_000L;
    long start = System.currentTimeMillis();
    for (int i = 0; i < 24; i++) {
      Task task = taskService.newTask();
      task.setName("Task " + (char) ('A' + (i * 7) % 24) + " " + run);
      task.setPriority(50 + (i % 3) * 10);
      task.setDueDate(i % 5 == 0 ? null : new Date(start + (i % 4) * day));
      taskService.saveTask(task);
      taskIds.add(task.getId());
      switch (i % 4) {
        case 0 -> taskService.addCandidateGroup(task.getId(), north);
        case 1 -> taskService.addCandidateGroup(task.getId(), south);
        case 2 -> {
          taskService.addCandidateGroup(task.getId(), north);
          taskService.addCandidateGroup(task.getId(), south);
        }
        default -> taskService.addCandidateGroup(task.getId(), elsewhere);
      }
      if (i % 6 == 0) {
        taskService.addCandidateUser(task.getId(), officer);
      }
      if (i % 3 == 0) {
        taskService.setAssignee(task.getId(), "gl-someone-" + run);
      }
    }
  }

  @AfterAll
  void removeThem() {
    taskService.deleteTasks(taskIds, true);
    identityService.deleteUser(officer);
    for (String group : List.of(north, south, elsewhere)) {
      identityService.deleteGroup(group);
    }
  }

  @Test
  void theGroupsTasksAreTheEnginesInTheEnginesOrder() {
    List<Supplier<TaskQuery>> queries = List.of(
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).includeAssignedTasks()
            .orderByDueDate().asc().orderByTaskId().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).orderByDueDate().asc().orderByTaskId().desc(),
        () -> taskService.createTaskQuery().taskCandidateGroup(north).includeAssignedTasks().orderByTaskCreateTime().desc()
            .orderByTaskName().asc().orderByTaskId().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroup(south).taskCandidateGroupIn(List.of(north, south))
            .includeAssignedTasks().orderByTaskPriority().desc().orderByTaskId().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south, elsewhere)).includeAssignedTasks()
            .orderByTaskName().desc().orderByTaskId().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).includeAssignedTasks());
    for (Supplier<TaskQuery> query : queries) {
      assertThat(answeredFromGroupLinks(query.get())).as(query.get().toString()).isTrue();
      List<String> engine = ids(query.get().excludeSubtasks().list());
      assertThat(engine).as("the tasks offered to the groups are there to compare").isNotEmpty();
      assertThat(ids(query.get().list())).isEqualTo(engine);
      assertThat(query.get().count()).isEqualTo(query.get().excludeSubtasks().count()).isEqualTo(engine.size());
      for (int first = 0; first < engine.size(); first += 5) {
        assertThat(ids(query.get().listPage(first, 5))).as("page from " + first)
            .isEqualTo(ids(query.get().excludeSubtasks().listPage(first, 5)));
      }
    }
    assertThat(taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).includeAssignedTasks().count())
        .as("a task offered to both groups counts once").isEqualTo(18);
  }

  /**
   * A page by due date or by creation is read from the front of task_offer's indexes: the same tasks in the same
   * order as the engine's, page by page, and the same count. A date alone is followed by the id there, in the date's
   * direction, which the engine's order leaves open, so the engine is asked with the id after the date.
   */
  @Test
  void aPageByDueDateOrCreationIsTheEngines() {
    for (Supplier<TaskQuery> query : offeredOrders()) {
      assertThat(answeredFromGroupLinks(query.get())).as(query.get().toString()).isTrue();
      assertThat(pageReadFromOffers(query.get(), 0, 15)).as("read from task_offer: " + query.get()).isTrue();
      assertThat(pageReadFromOffers(query.get(), 0, Integer.MAX_VALUE)).as("a whole list is read from the links").isFalse();
      assertPagesAreTheEngines(query);
    }
  }

  /** The table follows the engine: a due date moved, a group taken off a task, a task completed, a task added. */
  @Test
  void theOffersFollowWhatTheEngineChanges() {
    Task moved = taskService.createTaskQuery().taskId(taskIds.get(1)).singleResult();
    moved.setDueDate(new Date(System.currentTimeMillis() - 40 * 86_400_000L));
    taskService.saveTask(moved);
    taskService.deleteCandidateGroup(taskIds.get(2), north);
    Task added = taskService.newTask();
    added.setName("Task added " + run);
    added.setDueDate(new Date(System.currentTimeMillis() - 20 * 86_400_000L));
    taskService.saveTask(added);
    taskIds.add(added.getId());
    taskService.addCandidateGroup(added.getId(), elsewhere);
    Task gone = taskService.newTask();
    gone.setName("Task gone " + run);
    taskService.saveTask(gone);
    taskService.addCandidateGroup(gone.getId(), north);
    taskService.complete(gone.getId());

    assertThat(offers()).as("task_offer holds the engine's candidate group links, with their tasks' dates")
        .containsExactlyInAnyOrderElementsOf(enginesLinks());
    for (Supplier<TaskQuery> query : offeredOrders()) {
      assertPagesAreTheEngines(query);
    }
  }

  /** A database from before the triggers, or one whose table drifted while they were away, is brought level. */
  @Test
  void madeAgainTheTriggersBringTheTableLevel() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    jdbc.update("update task_offer set due_date = null where task_id = ?", taskIds.get(6));
    List<String> drifted = offers();
    assertThat(drifted).isNotEqualTo(enginesLinks());
    TaskOffers whileThere = new TaskOffers();
    whileThere.keep(engine);
    assertThat(whileThere.kept()).isTrue();
    assertThat(offers()).as("with the triggers there, a start finds them and reads nothing again")
        .containsExactlyInAnyOrderElementsOf(drifted);

    boolean postgres = "postgres".equals(engine.getDatabaseType());
    if (postgres) {
      jdbc.execute("drop trigger rectify_task_offer_added on ACT_RU_IDENTITYLINK");
    } else {
      jdbc.execute("drop trigger RECTIFY_TASK_OFFER_LINKS");
    }
    taskService.addCandidateGroup(taskIds.get(3), north);
    jdbc.update("delete from task_offer where task_id = ?", taskIds.get(4));
    jdbc.update("insert into task_offer (link_id, task_id, group_id) values (?, ?, ?)", "gone-" + run, taskIds.get(0), elsewhere);
    assertThat(offers()).isNotEqualTo(enginesLinks());

    TaskOffers offers = new TaskOffers();
    offers.keep(engine);

    assertThat(offers.kept()).isTrue();
    assertThat(offers()).containsExactlyInAnyOrderElementsOf(enginesLinks());
    taskService.deleteCandidateGroup(taskIds.get(3), north);
    assertThat(offers()).as("the trigger made again keeps the table").containsExactlyInAnyOrderElementsOf(enginesLinks());
  }

  private List<Supplier<TaskQuery>> offeredOrders() {
    return List.of(
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).includeAssignedTasks().orderByDueDate().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).includeAssignedTasks().orderByDueDate().desc()
            .orderByTaskId().desc(),
        () -> taskService.createTaskQuery().taskCandidateGroup(north).includeAssignedTasks().orderByTaskCreateTime().desc(),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south)).includeAssignedTasks().orderByDueDate().desc(),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(north, south, elsewhere)).includeAssignedTasks()
            .orderByTaskCreateTime().asc().orderByTaskId().desc());
  }

  private void assertPagesAreTheEngines(Supplier<TaskQuery> query) {
    List<String> engine = ids(withIdAfterADate(query.get()).excludeSubtasks().list());
    assertThat(engine).as("the tasks offered to the groups are there to compare").isNotEmpty();
    assertThat(query.get().count()).as("counted from task_offer").isEqualTo(engine.size());
    for (int first = 0; first < engine.size() + 5; first += 5) {
      assertThat(ids(query.get().listPage(first, 5))).as("page from " + first + " of " + query.get())
          .isEqualTo(engine.subList(Math.min(first, engine.size()), Math.min(first + 5, engine.size())));
    }
  }

  /** The id after a date alone, in the date's direction. */
  private static TaskQuery withIdAfterADate(TaskQuery query) {
    List<QueryOrderingProperty> orderings = ((TaskQueryImpl) query).getOrderingProperties();
    if (orderings.size() != 1) {
      return query;
    }
    return orderings.get(0).getDirection() == Direction.DESCENDING ? query.orderByTaskId().desc() : query.orderByTaskId().asc();
  }

  private boolean pageReadFromOffers(TaskQuery query, int first, int max) {
    TaskQueryImpl impl = (TaskQueryImpl) query;
    impl.setFirstResult(first);
    impl.setMaxResults(max);
    return TaskQueriesFromGroupLinks.isFirstPageByOfferedDate(impl);
  }

  private List<String> offers() {
    return jdbc.query("select link_id, task_id, group_id, due_date, create_time from task_offer where group_id in (?, ?, ?)",
        (row, i) -> String.join(" ", row.getString(1), row.getString(2), row.getString(3), String.valueOf(row.getTimestamp(4)),
            String.valueOf(row.getTimestamp(5))), north, south, elsewhere);
  }

  private List<String> enginesLinks() {
    return jdbc.query("select I.ID_, I.TASK_ID_, I.GROUP_ID_, T.DUE_DATE_, T.CREATE_TIME_ from ACT_RU_IDENTITYLINK I"
            + " join ACT_RU_TASK T on T.ID_ = I.TASK_ID_ where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (?, ?, ?)",
        (row, i) -> String.join(" ", row.getString(1), row.getString(2), row.getString(3), String.valueOf(row.getTimestamp(4)),
            String.valueOf(row.getTimestamp(5))), north, south, elsewhere);
  }

  @Test
  void anyOtherQueryIsTheEngines() {
    assertThat(answeredFromGroupLinks(taskService.createTaskQuery().taskCandidateGroup(north).excludeSubtasks())).isFalse();
    assertThat(answeredFromGroupLinks(taskService.createTaskQuery().taskCandidateGroup(north).taskNameLike("Task%"))).isFalse();
    assertThat(answeredFromGroupLinks(taskService.createTaskQuery().taskCandidateUser(officer))).isFalse();
    assertThat(answeredFromGroupLinks(taskService.createTaskQuery().taskCandidateGroup(north).dueBefore(new Date()))).isFalse();
    assertThat(answeredFromGroupLinks(taskService.createTaskQuery().taskCandidateGroup(north)
        .orderByProcessVariable("reference", org.camunda.bpm.engine.variable.type.ValueType.STRING).asc())).isFalse();
    TaskQuery withOr = taskService.createTaskQuery().taskCandidateGroup(north).or().taskAssignee(officer).taskOwner(officer).endOr();
    assertThat(answeredFromGroupLinks(withOr)).isFalse();
    assertThat(answeredFromGroupLinks(taskService.createTaskQuery())).isFalse();
  }

  /** Tasklist's "My group's tasks" for an officer: what is offered to any of their groups, once, by due date. */
  @Test
  void myGroupsTasksInTasklistAreWhatTheirGroupsAreOffered() throws Exception {
    String filter = filterService.createFilterQuery().filterName(TasklistFilterNames.MY_GROUPS_TASKS).list().get(0).getId();
    HttpResponse<String> list;
    HttpResponse<String> count;
    try (StatementsRun run = new StatementsRun()) {
      list = send("POST", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=50",
          "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"id\",\"sortOrder\":\"asc\"}]}");
      count = send("GET", "/engine-rest/filter/" + filter + "/count", null);
      assertThat(run.statements()).as("Tasklist's list and count read from task_offer")
          .containsExactlyInAnyOrder(TaskQueriesFromGroupLinks.SELECT_FIRST_TASKS, TaskQueriesFromGroupLinks.SELECT_COUNT_FROM_OFFERS);
    }
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    json.readTree(list.body()).forEach(task -> listed.add(task.get("id").asText()));
    TaskQuery theirGroups = taskService.createTaskQuery().taskCandidateGroupIn(List.of(Groups.OFFICERS, north, south))
        .includeAssignedTasks().excludeSubtasks();
    assertThat(listed).isEqualTo(ids(theirGroups.orderByDueDate().asc().orderByTaskId().asc().listPage(0, 50)));
    JsonNode counted = json.readTree(count.body());
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(counted.get("count").asLong()).isEqualTo(theirGroups.count()).isGreaterThanOrEqualTo(18);
  }

  private boolean answeredFromGroupLinks(TaskQuery query) {
    return ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired()
        .execute(context -> TaskQueriesFromGroupLinks.isOnlyOfferedToGroups((TaskQueryImpl) query));
  }

  /** The statements of this class the engine runs meanwhile, read off MyBatis's statement log. */
  static final class StatementsRun implements AutoCloseable {
    private final List<Logger> loggers = List.of(TaskQueriesFromGroupLinks.SELECT_TASKS,
            TaskQueriesFromGroupLinks.SELECT_TASKS_ON_POSTGRES, TaskQueriesFromGroupLinks.SELECT_COUNT,
            TaskQueriesFromGroupLinks.SELECT_FIRST_TASKS, TaskQueriesFromGroupLinks.SELECT_COUNT_FROM_OFFERS)
        .stream().map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    StatementsRun() {
      appender.start();
      loggers.forEach(logger -> {
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
      });
    }

    List<String> statements() {
      return appender.list.stream().map(ILoggingEvent::getLoggerName).distinct().toList();
    }

    @Override
    public void close() {
      loggers.forEach(logger -> {
        logger.detachAppender(appender);
        logger.setLevel(null);
      });
    }
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((officer + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
        .header("Accept", "application/json").timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
