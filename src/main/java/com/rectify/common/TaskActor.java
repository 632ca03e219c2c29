package com.rectify.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is making a move: the logged-in user, else the user the task is assigned to. */
@Component
public class TaskActor {

  public static final String SYSTEM = "system";

  private final IdentityService identityService;
  private final PeopleNames names;
  private final GroupNames groupNames;

  public TaskActor(IdentityService identityService, PeopleNames names, GroupNames groupNames) {
    this.identityService = identityService;
    this.names = names;
    this.groupNames = groupNames;
  }

  /** The person's name, for a refusal a person reads. */
  public String nameOf(String userId) {
    return names.of(userId);
  }

  public String current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  public String currentOrSystem() {
    String user = current();
    return user == null ? SYSTEM : user;
  }

  /** The person completing the task; a rule-holding step refuses a completion by nobody in particular. */
  public String required(DelegateTask task, String doing) {
    String user = current();
    if (user == null) {
      user = task.getAssignee();
    }
    if (user == null) {
      throw new LifecycleRuleViolation("assignee",
          "Only a named user may " + doing + ": log in, or claim the task, before completing it.");
    }
    return user;
  }

  public boolean isMember(String userId, String groupId) {
    return identityService.createGroupQuery().groupMember(userId).groupId(groupId).count() > 0;
  }

  public void requireMembership(String userId, String groupId, String doing) {
    if (!isMember(userId, groupId)) {
      throw new LifecycleRuleViolation("assignee",
          nameOf(userId) + " may not " + doing + ": this decision belongs to the " + groupNames.of(groupId) + "."
              + " Leave the task for one of them.");
    }
  }
}
