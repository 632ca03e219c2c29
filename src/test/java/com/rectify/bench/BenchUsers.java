package com.rectify.bench;

import com.rectify.demo.DemoUsers;
import com.rectify.common.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** The bench's lead officers (officers of the service {@code bench}), each with a login and an address. */
final class BenchUsers {

  static final String SERVICE = "bench";

  private BenchUsers() {}

  static String officer(int n) {
    return String.format("bo%04d", n + 1);
  }

  static void create(IdentityService identityService, int officers) {
    String serviceGroup = Groups.ofService(SERVICE);
    if (identityService.createGroupQuery().groupId(serviceGroup).count() == 0) {
      Group group = identityService.newGroup(serviceGroup);
      group.setName("Bench officers");
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
    for (int n = 0; n < officers; n++) {
      String id = officer(n);
      if (identityService.createUserQuery().userId(id).count() > 0) {
        continue;
      }
      User user = identityService.newUser(id);
      user.setFirstName("Officer");
      user.setLastName(id.toUpperCase());
      user.setEmail(id + "@council.example");
      user.setPassword(DemoUsers.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, Groups.OFFICERS);
      identityService.createMembership(id, serviceGroup);
    }
  }
}
