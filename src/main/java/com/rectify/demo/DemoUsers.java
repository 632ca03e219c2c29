package com.rectify.demo;

import com.rectify.common.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** One demo user in each group the product uses, all with the password "demo". */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void ensure() {
    group(Groups.OFFICERS);
    group(Groups.SERVICE_MANAGERS);
    group(Groups.AUDITORS);
    group(Groups.AUDIT_MANAGERS);
    group(Groups.SENIOR_OFFICERS);
    group(Groups.S151_OFFICER);
    group(Groups.DIRECTORS);
    group(Groups.HEADS_OF_SERVICE);
    group(Groups.COMMITTEE);
    group(Groups.COMMITTEE_CHAIR);
    group(Groups.CAMUNDA_ADMIN);
    group(Groups.ofService("finance"));
    group(Groups.ofService("housing"));

    user("olivia", "Olivia", "Officer", Groups.OFFICERS, Groups.ofService("finance"));
    user("hannah", "Hannah", "Hughes", Groups.OFFICERS, Groups.ofService("housing"));
    user("sam", "Sam", "Manager", Groups.SERVICE_MANAGERS, Groups.ofService("finance"));
    user("alice", "Alice", "Auditor", Groups.AUDITORS);
    user("helen", "Helen", "Head-of-Audit", Groups.AUDIT_MANAGERS, Groups.AUDITORS);
    user("sarah", "Sarah", "Section151", Groups.SENIOR_OFFICERS, Groups.S151_OFFICER);
    user("dan", "Dan", "Director", Groups.SENIOR_OFFICERS, Groups.DIRECTORS);
    user("harry", "Harry", "Head-of-Service", Groups.SENIOR_OFFICERS, Groups.HEADS_OF_SERVICE);
    user("carol", "Carol", "Chair", Groups.COMMITTEE, Groups.COMMITTEE_CHAIR);
    user("admin", "Ada", "Admin", Groups.CAMUNDA_ADMIN);
  }

  private void group(String id) {
    if (groupExists(id)) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(Groups.wordsFor(id).orElseThrow());
    group.setType(Groups.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
    try {
      identityService.saveGroup(group);
    } catch (ProcessEngineException e) {
      // Nodes of a cluster starting together: another one created it first.
      if (!groupExists(id)) {
        throw e;
      }
    }
  }

  private void user(String id, String first, String last, String... groups) {
    if (userExists(id)) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@council.example");
    user.setPassword(PASSWORD);
    try {
      identityService.saveUser(user);
    } catch (ProcessEngineException e) {
      // Nodes of a cluster starting together: another one created the user and gives it its groups.
      if (userExists(id)) {
        return;
      }
      throw e;
    }
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }

  private boolean groupExists(String id) {
    return identityService.createGroupQuery().groupId(id).count() > 0;
  }

  private boolean userExists(String id) {
    return identityService.createUserQuery().userId(id).count() > 0;
  }
}
