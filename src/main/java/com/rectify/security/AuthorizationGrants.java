package com.rectify.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.rectify.common.Groups;
import com.rectify.common.LifecycleVariables;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the permission matrix (README, "Who may do what"), granted to the role groups at
 * every start and only where missing, so a council's own users get them by joining a group in Admin.
 * Tasks need no grant here: the engine itself lets a task's assignee and candidate users and groups read
 * and work on it (and nobody else without a grant below).
 */
@Component
class AuthorizationGrants {

  /** Everyone who works in Tasklist. */
  static final List<String> TASKLIST_USERS = List.of(Groups.OFFICERS, Groups.SERVICE_MANAGERS, Groups.AUDITORS,
      Groups.AUDIT_MANAGERS, Groups.SENIOR_OFFICERS, Groups.COMMITTEE);
  /** Auditors and the head of audit see every task and instance, read-only, in Tasklist and Cockpit. */
  static final List<String> SEE_ALL = List.of(Groups.AUDITORS, Groups.AUDIT_MANAGERS);

  private final AuthorizationService authorizations;

  public AuthorizationGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void grant() {
    for (String group : TASKLIST_USERS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.FILTER, ANY, Permissions.READ);
      // Names in Tasklist (assignees, candidate groups) and the lead officers an audit names.
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
      // The diagram and the name of the process a task belongs to; not its instances or their tasks.
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    }
    for (String group : SEE_ALL) {
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.TASK, ANY, Permissions.READ);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      // Raising an audit, importing, opening a cycle and superseding are Rectify's own moves, made as the
      // application after its own checks: nobody starts, moves or messages a process through the engine.
      revoke(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      revoke(group, Resources.PROCESS_DEFINITION, LifecycleVariables.AUDIT_FOLLOW_UP_PROCESS,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    revoke(Groups.AUDIT_MANAGERS, Resources.PROCESS_DEFINITION, LifecycleVariables.REPORTING_CYCLE_PROCESS,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    revoke(Groups.AUDIT_MANAGERS, Resources.PROCESS_DEFINITION, LifecycleVariables.LIFECYCLE_PROCESS,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    // Administrators manage users, groups, memberships and authorizations in Admin, and look after the
    // engine in Cockpit (what is deployed); they do not see recommendations' instances or tasks.
    for (Resource resource : List.of(Resources.APPLICATION, Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
        Resources.AUTHORIZATION, Resources.TENANT, Resources.TENANT_MEMBERSHIP, Resources.FILTER, Resources.SYSTEM)) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    grant(Groups.CAMUNDA_ADMIN, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(Groups.CAMUNDA_ADMIN, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Groups.CAMUNDA_ADMIN, Resources.DEPLOYMENT, ANY, Permissions.READ);
    // A job that failed its retries (an incident) is given new ones by an administrator in Cockpit.
    grant(Groups.CAMUNDA_ADMIN, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB);
  }

  /** Takes back a permission an earlier version granted, where it is still there. */
  private void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (existing.isPermissionGranted(permission)) {
        existing.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(existing);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    try {
      save(group, resource, resourceId, permissions);
    } catch (ProcessEngineException anotherNodeFirst) {
      // Nodes of a cluster starting together: another one saved this grant first; add what it lacks, if anything.
      save(group, resource, resourceId, permissions);
    }
  }

  private void save(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (!missing) {
      return;
    }
    authorizations.saveAuthorization(authorization);
  }
}
