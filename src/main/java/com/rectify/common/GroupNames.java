package com.rectify.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The name of a group as pages and refusals show it, from its id: the product's own words for its groups
 * ({@link Groups#wordsFor}); for a group a council added (one its decision tables name), the name the engine holds
 * for it; its id with spaces for hyphens when the engine holds none. Templates call it as {@code @groupNames.of(id)}.
 */
@Component
public class GroupNames {

  private final IdentityService identityService;
  private final AsApplication asApplication;

  public GroupNames(IdentityService identityService, AsApplication asApplication) {
    this.identityService = identityService;
    this.asApplication = asApplication;
  }

  /** "Section 151 officer" for {@code s151-officer}; blank stays blank. */
  public String of(String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return groupId;
    }
    return Groups.wordsFor(groupId).orElseGet(() -> councilGroup(groupId));
  }

  private String councilGroup(String groupId) {
    Group group = asApplication.read(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group != null && group.getName() != null && !group.getName().isBlank() ? group.getName().trim()
        : groupId.replace('-', ' ').replace('_', ' ');
  }
}
