package com.rectify.recommendation;

import com.rectify.lifecycle.LifecycleVariables;
import com.rectify.security.GroupCheck;
import com.rectify.security.Groups;
import com.rectify.web.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which recommendations, their evidence and the reports: the one place this rule lives, for
 * the API, the pages and the dashboard alike (README, "Who may do what").
 * <ul>
 *   <li>auditors and the head of audit: every recommendation and its evidence;
 *   <li>the Audit Committee: every recommendation (read-only), not the evidence files;
 *   <li>officers and service managers: those of their services (groups {@code service-<code>}) and those
 *       they are a lead officer of, with evidence;
 *   <li>senior officers: those whose risk they are asked to accept (an open <em>Accept residual risk</em>
 *       task offered to them or one of their groups) or have decided, with evidence;
 *   <li>administrators: none (they manage users and groups).
 * </ul>
 */
@Component
@Transactional(readOnly = true)
public class RecommendationAccess {

  private static final Set<String> SEE_ALL = Set.of(Groups.AUDITORS, Groups.AUDIT_MANAGERS);
  private static final Set<String> REPORT_READERS = Set.of(Groups.AUDIT_MANAGERS, Groups.AUDITORS, Groups.COMMITTEE,
      Groups.SENIOR_OFFICERS, Groups.CAMUNDA_ADMIN);

  private final RecommendationRepository recommendations;
  private final RiskAcceptanceRepository riskDecisions;
  private final TaskService taskService;

  public RecommendationAccess(RecommendationRepository recommendations, RiskAcceptanceRepository riskDecisions,
      TaskService taskService) {
    this.recommendations = recommendations;
    this.riskDecisions = riskDecisions;
    this.taskService = taskService;
  }

  /** The recommendations this user may read, as a rule for lists ({@link Visibility#toSpecification()}). */
  public Visibility visibleTo(Authentication user) {
    return visibility(user, true);
  }

  private Visibility visibility(Authentication user, boolean committeeIncluded) {
    Set<String> groups = groupsOf(user);
    if (groups.stream().anyMatch(SEE_ALL::contains) || (committeeIncluded && groups.contains(Groups.COMMITTEE))) {
      return Visibility.ofEverything();
    }
    Set<String> services = new HashSet<>();
    groups.forEach(group -> Groups.serviceOf(group).ifPresent(services::add));
    Set<Long> asked = groups.contains(Groups.SENIOR_OFFICERS) ? askedToAccept(user.getName(), groups) : Set.of();
    String leadOfficer = groups.contains(Groups.OFFICERS) ? user.getName() : null;
    return new Visibility(false, Set.copyOf(services), leadOfficer, asked);
  }

  public boolean canRead(Authentication user, Recommendation recommendation) {
    return user != null && visibleTo(user).includes(recommendation);
  }

  /** Evidence files and the evidence page: as {@link #canRead}, except the committee, which reads registers and reports. */
  public boolean canReadEvidence(Authentication user, Recommendation recommendation) {
    return user != null && visibility(user, false).includes(recommendation);
  }

  /** The Audit Committee report and its council-wide figures. */
  public boolean canReadReports(Authentication user) {
    return GroupCheck.isInAny(user, REPORT_READERS.toArray(String[]::new));
  }

  /** The recommendation, if this user may read it: 404 when there is none, 403 when it is not theirs to see. */
  public Recommendation requireReadable(Authentication user, Long id) {
    Recommendation recommendation = recommendations.findById(id).orElseThrow(() -> ApiException.notFound("Recommendation", id));
    if (!canRead(user, recommendation)) {
      throw refused(user, id);
    }
    return recommendation;
  }

  public Recommendation requireEvidenceReadable(Authentication user, Long id) {
    Recommendation recommendation = recommendations.findById(id).orElseThrow(() -> ApiException.notFound("Recommendation", id));
    if (!canReadEvidence(user, recommendation)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "id", "User '" + nameOf(user) + "' may not see the evidence of recommendation "
          + id + ": evidence is for audit, the owning service and the senior officer asked to decide its risk.");
    }
    return recommendation;
  }

  private static ApiException refused(Authentication user, Long id) {
    return ApiException.of(HttpStatus.FORBIDDEN, "id", "User '" + nameOf(user) + "' may not read recommendation " + id
        + ": officers read their own service's recommendations, senior officers those they are asked to decide.");
  }

  private Set<Long> askedToAccept(String user, Set<String> groups) {
    Set<Long> ids = new HashSet<>();
    List<Task> open = new ArrayList<>(taskService.createTaskQuery()
        .taskDefinitionKey(LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK).taskAssignee(user).list());
    open.addAll(taskService.createTaskQuery().taskDefinitionKey(LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK)
        .taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks().list());
    for (Task task : open) {
      Object id = taskService.getVariable(task.getId(), LifecycleVariables.RECOMMENDATION_ID);
      if (id instanceof Number number) {
        ids.add(number.longValue());
      }
    }
    riskDecisions.findByDecidedBy(user).forEach(decision -> ids.add(decision.getRecommendationId()));
    return ids;
  }

  private static Set<String> groupsOf(Authentication user) {
    if (user == null) {
      return Set.of();
    }
    Set<String> groups = new HashSet<>();
    for (GrantedAuthority authority : user.getAuthorities()) {
      groups.add(authority.getAuthority());
    }
    return groups;
  }

  private static String nameOf(Authentication user) {
    return user == null ? "anonymous" : user.getName();
  }
}
