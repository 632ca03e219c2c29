package com.rectify.security.engine;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization manager, except for task queries. Someone granted every task (auditors, the
 * head of audit) is checked by the engine as before, against that one grant. Anyone else sees the tasks
 * they are involved in ({@link TaskInvolvement}), asked of the task and identity-link tables directly
 * instead of through one authorization row per task, so an officer's list costs the same in a service of
 * fifty tasks as in one of five thousand. They also find an open task of theirs in history by its id.
 */
final class TaskQueriesByInvolvement extends AuthorizationManager {

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    if (!query.getAuthCheck().isAuthorizationCheckEnabled()) {
      return;
    }
    Authentication user = getCurrentAuthentication();
    if (seesEveryTask(user)) {
      return;
    }
    query.getAuthCheck().setAuthorizationCheckEnabled(false);
    query.getAuthCheck().getPermissionChecks().clear();
    TaskInvolvement.restrictToInvolved(query, user);
  }

  /**
   * The REST API looks a task up in history before it reads or adds the task's comments: the people an open task
   * is for find it there by its id, as they find it in their list. Everything else in history stays behind the
   * engine's grants.
   */
  @Override
  public void configureHistoricTaskInstanceQuery(HistoricTaskInstanceQueryImpl query) {
    super.configureHistoricTaskInstanceQuery(query);
    if (query.getAuthCheck().isAuthorizationCheckEnabled() && query.getTaskId() != null && isOpenAndFor(query.getTaskId())) {
      query.getAuthCheck().setAuthorizationCheckEnabled(false);
      query.getAuthCheck().getPermissionChecks().clear();
    }
  }

  private boolean isOpenAndFor(String taskId) {
    Authentication user = getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return false;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    return task != null && TaskInvolvement.isInvolved(task, user);
  }

  private boolean seesEveryTask(Authentication user) {
    return isAuthorized(user.getUserId(), user.getGroupIds(), Permissions.READ, Resources.TASK, ANY)
        || isAuthorized(user.getUserId(), user.getGroupIds(), ProcessDefinitionPermissions.READ_TASK,
            Resources.PROCESS_DEFINITION, ANY);
  }
}
