package com.rectify.security.engine;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command the engine runs passes here first. Queries are checked for expressions whoever runs them.
 * A command a signed-in person asks for directly (through {@code /engine-rest}, the webapps, or a page) is
 * let through only if it is one a person needs: reading, claiming within the task's candidates,
 * completing with the task's own form fields, adding and reading the comments of a task they may see, and
 * for administrators the users, groups, authorizations and filters. Everything else (starting, moving,
 * messaging, signalling, modifying, migrating, restarting or deleting processes; deployments; jobs and job
 * definitions; writing variables; editing comments) is refused, whatever authorization the engine would
 * find: Rectify does those itself, as steps it has checked, and the job executor runs the rest. Commands
 * that run inside another command are its steps and are not checked again.
 */
final class EngineDoors extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(EngineDoors.class);

  private static final Pattern READ_COMMAND = Pattern.compile(
      "(Get|Find|Is|Check|Fetch)[A-Za-z]*|AuthorizationCheckCmd|Create(User|Group|Tenant)QueryCmd|[A-Za-z]*(QueryImpl|ReportImpl)");
  private static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.impl.cmd.";
  /** The webapps' own plugins: read-only queries of Cockpit, Tasklist and Admin. */
  private static final Set<String> WEBAPP_PACKAGES = Set.of("org.camunda.bpm.cockpit.", "org.camunda.bpm.admin.",
      "org.camunda.bpm.tasklist.", "org.camunda.bpm.webapp.");
  /** Users, groups, memberships, tenants, authorizations and filters: Admin's work, for administrators. */
  private static final Set<String> ADMINISTRATION = Set.of("CreateUserCmd", "DeleteUserCmd", "UnlockUserCmd",
      "CreateGroupCmd", "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd",
      "CreateTenantCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
      "CreateTenantGroupMembershipCmd", "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd",
      "CreateAuthorizationCommand", "SaveAuthorizationCmd", "DeleteAuthorizationCmd",
      "CreateFilterCmd", "SaveFilterCmd", "DeleteFilterCmd");
  /**
   * A task's comments and files: the engine reads and writes them without asking whether the task is the
   * person's to see, and the REST API asks only for some of them (not for one comment or file by its id).
   */
  private static final Set<String> TASK_NOTES = Set.of("AddCommentCmd", "GetTaskCommentCmd", "GetTaskCommentsCmd",
      "GetTaskAttachmentCmd", "GetTaskAttachmentsCmd", "GetTaskAttachmentContentCmd", "GetAttachmentCmd",
      "GetAttachmentContentCmd");

  private final String administratorsGroup;
  private final TaskRules tasks;

  EngineDoors(String administratorsGroup, TaskRules tasks) {
    this.administratorsGroup = administratorsGroup;
    this.tasks = tasks;
  }

  @Override
  public <T> T execute(Command<T> command) {
    checkExpressions(command);
    if (Context.getCommandContext() == null) {
      Authentication user = tasks.currentUser();
      if (user != null && user.getUserId() != null) {
        checkAskedBy(command, user);
      }
    }
    return next.execute(command);
  }

  private static void checkExpressions(Command<?> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      QueryExpressions.refuseAny(query, "a query");
    } else if (command instanceof AbstractExecuteFilterCmd) {
      QueryExpressions.refuseInExtension(CommandFields.read(command, "extendingQuery"));
    } else if (command instanceof SaveFilterCmd) {
      QueryExpressions.allowOnlyStoredForms((Filter) CommandFields.read(command, "filter"));
    }
  }

  private void checkAskedBy(Command<?> command, Authentication user) {
    Class<?> type = command.getClass();
    String name = type.getSimpleName();
    if (TASK_NOTES.contains(name) && type.getName().startsWith(ENGINE_COMMANDS)) {
      tasks.checkMaySee(taskOf(command), user);
      return;
    }
    if (command instanceof AbstractQuery<?, ?> || command instanceof AbstractExecuteFilterCmd || isRead(type, name)) {
      return;
    }
    if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
      tasks.checkAssignment(CommandFields.string(command, "taskId"), CommandFields.string(command, "userId"));
    } else if (command instanceof CompleteTaskCmd) {
      checkCompletion(command, "variables", user);
    } else if (command instanceof SubmitTaskFormCmd) {
      checkCompletion(command, "properties", user);
    } else if (command instanceof SaveUserCmd) {
      if (!isAdministrator(user)) {
        tasks.checkOwnPasswordOnly((org.camunda.bpm.engine.identity.User) CommandFields.read(command, "user"), user);
      }
    } else if (ADMINISTRATION.contains(name) || command instanceof SetJobRetriesCmd) {
      if (!isAdministrator(user)) {
        throw refused(user, type, "only administrators manage users, groups, authorizations, filters and failed jobs.");
      }
    } else {
      throw refused(user, type, reasonFor(name));
    }
  }

  /** The task a comment or file belongs to; none for one asked for by its id alone or written on a process. */
  private static String taskOf(Command<?> command) {
    return command instanceof GetAttachmentCmd || command instanceof GetAttachmentContentCmd ? null
        : CommandFields.string(command, "taskId");
  }

  private void checkCompletion(Command<?> command, String variablesField, Authentication user) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) CommandFields.read(command, variablesField);
    String taskId = CommandFields.string(command, "taskId");
    tasks.checkCompletion(taskId, variables == null ? Set.of() : variables.keySet(), user);
    if (variables == null) {
      return;
    }
    for (String field : variables.keySet()) {
      // A serialised object is looked at as it came, never deserialised here.
      Object value = variables instanceof VariableMap typedMap ? typedMap.getValueTyped(field) : variables.get(field);
      if (value instanceof TypedValue typed && typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
        throw new FormFieldValidationException(field, "Field '" + field + "' must be plain text, a number, a date or yes/no, not "
            + typed.getType().getName() + ".");
      }
    }
  }

  private static String reasonFor(String command) {
    if (command.contains("Comment") || command.contains("Attachment")) {
      return "a comment stays as it was written, and evidence files are added on the recommendation's evidence page.";
    }
    if (command.contains("Variable")) {
      return "variables are written by the process's own steps; a task takes its form's fields when it is completed.";
    }
    if (command.startsWith("SetTask") || command.equals("SaveTaskCmd") || command.contains("IdentityLink")
        || command.equals("DelegateTaskCmd") || command.equals("ResolveTaskCmd")) {
      return "a task's name, dates and the people it is offered to are set by the process; claim it, or give it to one of its candidates.";
    }
    return "Rectify starts, moves and closes recommendations itself, through its own steps.";
  }

  private static boolean isRead(Class<?> type, String name) {
    String className = type.getName();
    if (WEBAPP_PACKAGES.stream().anyMatch(className::startsWith)) {
      return true;
    }
    return className.startsWith("org.camunda.bpm.engine.") && READ_COMMAND.matcher(name).matches()
        && !name.startsWith("CreateNative");
  }

  private boolean isAdministrator(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(administratorsGroup);
  }

  private static AuthorizationException refused(Authentication user, Class<?> command, String why) {
    LOG.warn("Refused {} asked for by {}", command.getSimpleName(), user.getUserId());
    return new AuthorizationException("This is not open through the engine's API: " + why);
  }
}
