package com.rectify.security.engine;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's checks on one task, with the people the task is for let through as the engine's default
 * per-task authorizations let them (to read it and its variables, and to claim and complete it); anyone
 * else needs a grant, as before (auditors read every task through a grant on all tasks).
 */
final class TaskChecksByInvolvement extends AuthorizationCommandChecker {

  @Override
  public void checkReadTask(TaskEntity task) {
    if (!isInvolved(task)) {
      super.checkReadTask(task);
    }
  }

  @Override
  public void checkReadTaskVariable(TaskEntity task) {
    if (!isInvolved(task)) {
      super.checkReadTaskVariable(task);
    }
  }

  @Override
  public void checkUpdateTaskVariable(TaskEntity task) {
    if (!isInvolved(task)) {
      super.checkUpdateTaskVariable(task);
    }
  }

  @Override
  public void checkTaskAssign(TaskEntity task) {
    if (!isInvolved(task)) {
      super.checkTaskAssign(task);
    }
  }

  @Override
  public void checkTaskWork(TaskEntity task) {
    if (!isInvolved(task)) {
      super.checkTaskWork(task);
    }
  }

  private static boolean isInvolved(TaskEntity task) {
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null || !context.isAuthorizationCheckEnabled()
        || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return false;
    }
    return TaskInvolvement.isInvolved(task, user);
  }
}
