package com.rectify.security.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who a task is for, read from the task itself: the person who holds it, its owner, and the people and
 * groups it is offered to (its candidates). These are the people the engine's default authorizations would
 * have written a row for, one per task; here they are found from the task's own columns and identity links,
 * so what it costs does not grow with how many tasks a group has.
 */
final class TaskInvolvement {

  private TaskInvolvement() {
  }

  static boolean isInvolved(TaskEntity task, Authentication user) {
    String userId = user.getUserId();
    if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
      return true;
    }
    List<String> groups = groupsOf(user);
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Narrows a task query to the tasks the user is involved in, whatever else it asks: held by them, owned by
   * them, or offered to them or to one of their groups (held by a colleague or not). A query that already
   * asks only for such tasks is left as it is: the or-query would make the database weigh three more ways
   * into every task, and a group's tasks could no longer be found from its links ({@link TaskQueriesFromGroupLinks}).
   */
  static void restrictToInvolved(TaskQueryImpl query, Authentication user) {
    if (asksOnlyForInvolved(query, user)) {
      return;
    }
    TaskQueryImpl involved = (TaskQueryImpl) query.or();
    involved.taskAssignee(user.getUserId()).taskOwner(user.getUserId()).taskCandidateUser(user.getUserId());
    List<String> groups = groupsOf(user);
    if (!groups.isEmpty()) {
      involved.taskCandidateGroupIn(groups);
    }
    involved.includeAssignedTasks().endOr();
  }

  /**
   * Whether the query's own conditions, which the engine joins with "and" to everything else it asks, already
   * hold only tasks the user is involved in: held by them, owned by them, or offered only to them and to
   * groups they belong to (Tasklist's "My tasks" and "My group's tasks").
   */
  static boolean asksOnlyForInvolved(TaskQueryImpl query, Authentication user) {
    String userId = user.getUserId();
    if (userId.equals(query.getAssignee()) || userId.equals(query.getOwner())) {
      return true;
    }
    if (query.getCandidateGroupLike() != null
        || (query.getCandidateUser() != null && !userId.equals(query.getCandidateUser()))) {
      return false;
    }
    if (query.getCandidateUser() == null && query.getCandidateGroup() == null && query.getCandidateGroupsInternal() == null) {
      return false;
    }
    List<String> offeredTo = query.getCandidateGroups();
    return offeredTo != null && (query.getCandidateUser() != null || !offeredTo.isEmpty()) && groupsOf(user).containsAll(offeredTo);
  }

  private static List<String> groupsOf(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }
}
