package com.rectify.security.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.common.PeopleNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * What a person may do with a task, decided from what the engine itself recorded about it: it is claimed
 * or given only to someone it is offered to (its candidate users, the members of its candidate groups);
 * it is completed by whoever holds it or by someone it is offered to; and a completion carries the
 * fields of the task's own form and nothing else, so the variables the process routes on (which
 * recommendation, its grade, who decides) stay as the product's steps wrote them.
 */
final class TaskRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngineConfigurationImpl configuration;
  /** Form fields by process definition and task: a deployed form does not change. */
  private final ConcurrentMap<String, Set<String>> formFields = new ConcurrentHashMap<>();

  TaskRules(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  Authentication currentUser() {
    return identity().getCurrentAuthentication();
  }

  void checkAssignment(String taskId, String newAssignee) {
    if (newAssignee == null) {
      return;
    }
    Task task = asEngine(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null || newAssignee.equals(task.getAssignee())) {
      return;
    }
    if (!isOfferedTo(taskId, newAssignee)) {
      throw new AuthorizationException("The task '" + task.getName() + "' is not offered to " + nameOf(newAssignee)
          + ": it can be given only to the people and groups the process offers it to. Give it to one of them, or leave it"
          + " for them to claim.");
    }
  }

  void checkCompletion(String taskId, Collection<String> fields, Authentication user) {
    Task task = asEngine(() -> configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return;
    }
    if (!user.getUserId().equals(task.getAssignee()) && !isOfferedTo(taskId, user.getUserId())) {
      throw new AuthorizationException("The task '" + task.getName() + "' is not offered to " + nameOf(user.getUserId())
          + ": only the person who holds it, or someone it is offered to, can complete it. Leave it for them, or ask the"
          + " audit team if it should be yours.");
    }
    Set<String> allowed = formFields.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        key -> fieldsOfForm(taskId));
    Set<String> unknown = new TreeSet<>(fields);
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      // Reported as a form field problem, which the REST API and Tasklist answer with 400 and these words.
      throw new FormFieldValidationException(unknown.iterator().next(), "The task '" + task.getName()
          + "' takes only its form's fields " + allowed + "; these are not among them: " + unknown + ".");
    }
  }

  /**
   * A task's comments and files are for the people who may see the task in history: those it is for while it
   * is open ({@link TaskQueriesByInvolvement}), and those who read the process's history (the auditors).
   */
  void checkMaySee(String taskId, Authentication user) {
    if (taskId == null || configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() == 0) {
      throw new AuthorizationException("Comments and files belong to a task, and this is not a task "
          + nameOf(user.getUserId()) + " may see.");
    }
  }

  void checkOwnPasswordOnly(User changed, Authentication user) {
    User stored = asEngine(() -> identity().createUserQuery().userId(changed.getId()).singleResult());
    if (stored == null || !changed.getId().equals(user.getUserId())) {
      throw new AuthorizationException("Only administrators create users or change another user's profile.");
    }
    if (!Objects.equals(stored.getFirstName(), changed.getFirstName()) || !Objects.equals(stored.getLastName(), changed.getLastName())
        || !Objects.equals(stored.getEmail(), changed.getEmail())) {
      throw new AuthorizationException("Your name and e-mail address are kept by the administrators, because they decide"
          + " which recommendations name you and where your tasks are sent; you may change your password.");
    }
  }

  private boolean isOfferedTo(String taskId, String userId) {
    return asEngine(() -> {
      for (IdentityLink link : configuration.getTaskService().getIdentityLinksForTask(taskId)) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (userId.equals(link.getUserId())) {
          return true;
        }
        if (link.getGroupId() != null
            && identity().createUserQuery().userId(userId).memberOfGroup(link.getGroupId()).count() > 0) {
          return true;
        }
      }
      return false;
    });
  }

  private Set<String> fieldsOfForm(String taskId) {
    Set<String> keys = new TreeSet<>();
    try (InputStream form = asEngine(() -> configuration.getFormService().getDeployedTaskForm(taskId))) {
      collectKeys(JSON.readTree(form), keys);
    } catch (BadUserRequestException noForm) {
      return Set.of();
    } catch (IOException | ProcessEngineException e) {
      throw new ProcessEngineException("The form of task " + taskId + " cannot be read", e);
    }
    return Set.copyOf(keys);
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    if (node.isObject() && node.hasNonNull("key") && node.get("key").isTextual() && node.has("type")) {
      keys.add(node.get("key").asText());
    }
    node.forEach(child -> collectKeys(child, keys));
  }

  private String nameOf(String userId) {
    User found = asEngine(() -> identity().createUserQuery().userId(userId).singleResult());
    return found == null ? userId : PeopleNames.nameOf(found);
  }

  /** Looks as the engine, not as the person, so that the rule sees the task whether or not they may. */
  private <T> T asEngine(Supplier<T> lookup) {
    Authentication user = identity().getCurrentAuthentication();
    identity().clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (user != null) {
        identity().setAuthentication(user);
      }
    }
  }

  private IdentityService identity() {
    return configuration.getIdentityService();
  }
}
