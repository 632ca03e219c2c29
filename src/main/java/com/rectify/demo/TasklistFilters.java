package com.rectify.demo;

import static com.rectify.common.TasklistFilterNames.*;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every officer and auditor starts from. Each is created once when missing and left
 * alone after, since a council may edit it; one that still reads exactly as an earlier release of Rectify
 * wrote it is brought up to date.
 */
@Component
public class TasklistFilters {

  private static final String OVERDUE_DESCRIPTION = "Open tasks past their due date (the recommendation's target date)";

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  private record Definition(String name, int priority, String description, TaskQuery query) {}

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void ensureFilters() {
    ensure(new Definition(MY_TASKS, 1, "Tasks assigned to me", assignedToMe()));
    ensure(new Definition(OFFERED_TO_ME_BY_NAME, 2,
        "Tasks offered to me by name, as a lead officer of the recommendation, that nobody has claimed yet", offeredToMeByName()));
    ensure(new Definition(MY_GROUPS_TASKS, 3, "Tasks offered to my groups, claimed or not", offeredToMyGroups()),
        new Definition(MY_GROUPS_TASKS, 2, "Unclaimed tasks offered to my groups or to me", offeredToMyGroups()));
    ensure(new Definition(OVERDUE, 4, OVERDUE_DESCRIPTION, overdue()),
        new Definition(OVERDUE, 3, OVERDUE_DESCRIPTION, overdue()));
  }

  private TaskQuery assignedToMe() {
    return taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
  }

  /** Without withCandidateUsers() the engine would also count the tasks offered to the user's groups. */
  private TaskQuery offeredToMeByName() {
    return taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").withCandidateUsers();
  }

  private TaskQuery offeredToMyGroups() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  private TaskQuery overdue() {
    return taskService.createTaskQuery().dueBeforeExpression("${now()}");
  }

  /** Creates the filter when none has its name; updates one that is exactly as the earlier release wrote it. */
  private void ensure(Definition current, Definition... earlier) {
    List<Filter> existing = filterService.createFilterQuery().filterName(current.name()).list();
    if (existing.isEmpty()) {
      filterService.saveFilter(filterService.newTaskFilter(current.name()).setQuery(current.query()).setProperties(properties(current)));
      keepOne(current.name());
      return;
    }
    for (Filter filter : existing) {
      for (Definition old : earlier) {
        if (is(filter, old)) {
          filterService.saveFilter(filter.setQuery(current.query()).setProperties(properties(current)));
          break;
        }
      }
    }
  }

  private static Map<String, Object> properties(Definition definition) {
    return Map.of(
        "priority", definition.priority(),
        "description", definition.description(),
        "refresh", true,
        "variables", List.of());
  }

  private static boolean is(Filter filter, Definition definition) {
    Map<String, Object> properties = filter.getProperties();
    return filter.getOwner() == null
        && definition.name().equals(filter.getName())
        && properties != null && properties.size() == 4
        && properties.get("priority") instanceof Number priority && priority.intValue() == definition.priority()
        && definition.description().equals(properties.get("description"))
        && Boolean.TRUE.equals(properties.get("refresh"))
        && properties.get("variables") instanceof List<?> variables && variables.isEmpty()
        && filter.getQuery() instanceof TaskQuery query && Objects.equals(json(query), json(definition.query()));
  }

  private static String json(TaskQuery query) {
    return new JsonTaskQueryConverter().toJsonObject(query).toString();
  }

  /**
   * Nodes of a cluster starting together may each have created the filter; every node keeps the same one
   * (the lowest id) and drops the others.
   */
  private void keepOne(String name) {
    List<Filter> same = filterService.createFilterQuery().filterName(name).orderByFilterId().asc().list();
    for (Filter duplicate : same.subList(Math.min(1, same.size()), same.size())) {
      try {
        filterService.deleteFilter(duplicate.getId());
      } catch (ProcessEngineException alreadyGone) {
        // The other node dropped it first.
      }
    }
  }
}
