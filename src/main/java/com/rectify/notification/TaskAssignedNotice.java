package com.rectify.notification;

import com.rectify.cycle.ReportingCycles;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.TaskActor;
import com.rectify.recommendation.RecommendationLookup;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Task listener (create and assignment) on every human task: tells the assignee a task is waiting, or,
 * while nobody is assigned, everyone it is offered to: the people it names and the members of its
 * candidate groups. Whoever claims a task for themselves is not told about it; a person hears of one task
 * once. A reporting cycle's update task says nothing as it is made: when the cycle has asked everyone, each person
 * hears of all theirs in one mail ({@link UpdateRequestDigest}). Given to someone later, it tells them.
 */
@Component("taskAssignedNotice")
class TaskAssignedNotice implements TaskListener {

  private final RecommendationLookup lookup;
  private final Recipients recipients;
  private final Notifications notifications;
  private final TaskActor actors;
  private final ReportingCycles cycles;

  public TaskAssignedNotice(RecommendationLookup lookup, Recipients recipients, Notifications notifications, TaskActor actors,
      ReportingCycles cycles) {
    this.lookup = lookup;
    this.recipients = recipients;
    this.notifications = notifications;
    this.actors = actors;
    this.cycles = cycles;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean cycleUpdate = LifecycleVariables.TASK_PROVIDE_PROGRESS_UPDATE.equals(task.getTaskDefinitionKey());
    if (cycleUpdate && task.getLastUpdated() == null) {
      // Never updated: the task is being made, in the cycle's chunk, and the cycle's one mail a person tells of it.
      return;
    }
    List<Recipients.Person> people;
    if (task.getAssignee() != null) {
      if (task.getAssignee().equals(actors.current())) {
        return;
      }
      people = recipients.user(task.getAssignee());
    } else {
      Set<String> users = new TreeSet<>();
      Set<String> groups = new TreeSet<>();
      for (IdentityLink link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
      people = recipients.offeredTo(users, groups);
    }
    if (!people.isEmpty()) {
      if (cycleUpdate) {
        Long cycleId = ((Number) task.getVariable(LifecycleVariables.REPORTING_CYCLE_ID)).longValue();
        notifications.updateRequested(task.getId(), lookup.of(task), cycles.byId(cycleId), people);
      } else {
        notifications.taskAssigned(task.getId(), task.getName(), lookup.of(task), people);
      }
    }
  }
}
