package com.rectify.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The three Tasklist filters every officer and auditor starts from; created once, left alone after. */
@Component
public class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void ensureFilters() {
    create("My tasks", 1, "Tasks assigned to me", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    create("My group's tasks", 2, "Unclaimed tasks offered to my groups or to me",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    create("Overdue", 3, "Open tasks past their due date (the recommendation's target date)",
        taskService.createTaskQuery().dueBeforeExpression("${now()}"));
  }

  private void create(String name, int priority, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(Map.of(
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", List.of()));
    filterService.saveFilter(filter);
    keepOne(name);
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
