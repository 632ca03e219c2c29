package com.rectify.bench;

import com.rectify.common.Groups;
import com.rectify.demo.DemoUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The bench's services and their lead officers. Rows are numbered across the whole run and fall into services
 * of {@code serviceSize} rows each, in order ({@code bench01} holds rows 0 to serviceSize - 1, and so on), so
 * no service has more open recommendations than that. Each service has its own officers (officers of that
 * service only, each with a login and an address); a row's lead officer is one of its service's, in turn.
 */
record BenchUsers(int serviceSize, int officersPerService) {

  String service(int row) {
    return String.format("bench%02d", row / serviceSize + 1);
  }

  String officer(int row) {
    return officerOf(row / serviceSize, row % officersPerService);
  }

  /** An officer of the service that holds the row: the first of its officers. */
  String firstOfficerOfServiceHolding(int row) {
    return officerOf(row / serviceSize, 0);
  }

  /** The groups an officer is in, as Tasklist's "My group's tasks" asks for them. */
  java.util.List<String> groupsOf(String officer) {
    return java.util.List.of(Groups.OFFICERS, Groups.ofService("bench" + officer.substring(2, 4)));
  }

  private String officerOf(int service, int n) {
    return String.format("bo%02d%03d", service + 1, n + 1);
  }

  /** Creates the services holding rows 0 to {@code rows - 1} and their officers; returns how many officers. */
  int create(IdentityService identityService, int rows) {
    int services = (rows + serviceSize - 1) / serviceSize;
    for (int s = 0; s < services; s++) {
      String serviceGroup = Groups.ofService(service(s * serviceSize));
      if (identityService.createGroupQuery().groupId(serviceGroup).count() == 0) {
        Group group = identityService.newGroup(serviceGroup);
        group.setName("Bench service " + (s + 1));
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
      for (int n = 0; n < officersPerService; n++) {
        String id = officerOf(s, n);
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
    return services * officersPerService;
  }
}
