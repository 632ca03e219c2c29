package com.rectify.recommendation.access;

import com.rectify.common.AsApplication;
import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import com.rectify.common.ApiException;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import com.rectify.recommendation.risk.RiskAcceptanceRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 *   <li>whoever is asked to decide on one, with its evidence: the assignee, a candidate user, or a member of
 *       a candidate group of an open task that a decision table routes (a revised date, a risk to accept),
 *       the groups being any that the deployed tables can name ({@link DecidingGroups}): the S151 officer,
 *       directors, heads of service, the committee chair, and whatever group a council's own tables name;
 *       and, afterwards, whoever decided a revised date or a risk;
 *   <li>administrators: none (they manage users and groups).
 * </ul>
 * Which recommendation a task is on is what the engine recorded: its process instance's business key, never
 * a process variable.
 */
@Component
@Transactional(readOnly = true)
public class RecommendationAccess {

  private static final Set<String> SEE_ALL = Set.of(Groups.AUDITORS, Groups.AUDIT_MANAGERS);
  private static final Set<String> REPORT_READERS = Set.of(Groups.AUDIT_MANAGERS, Groups.AUDITORS, Groups.COMMITTEE,
      Groups.SENIOR_OFFICERS, Groups.CAMUNDA_ADMIN);

  private final RecommendationRepository recommendations;
  private final RiskAcceptanceRepository riskDecisions;
  private final TargetDateRevisionRepository revisions;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final DecidingGroups decidingGroups;
  private final AsApplication asApplication;

  public RecommendationAccess(RecommendationRepository recommendations, RiskAcceptanceRepository riskDecisions,
      TargetDateRevisionRepository revisions, TaskService taskService, RuntimeService runtimeService, DecidingGroups decidingGroups,
      AsApplication asApplication) {
    this.recommendations = recommendations;
    this.riskDecisions = riskDecisions;
    this.revisions = revisions;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.decidingGroups = decidingGroups;
    this.asApplication = asApplication;
  }

  /** The recommendations this user may read, as a rule for lists ({@link Visibility#toSpecification()}). */
  public Visibility visibleTo(Authentication user) {
    return visibility(user, true);
  }

  private Visibility visibility(Authentication user, boolean committeeIncluded) {
    if (user == null) {
      return Visibility.ofNothing();
    }
    Set<String> groups = groupsOf(user);
    if (groups.stream().anyMatch(SEE_ALL::contains) || (committeeIncluded && groups.contains(Groups.COMMITTEE))) {
      return Visibility.ofEverything();
    }
    Set<String> services = new HashSet<>();
    groups.forEach(group -> Groups.serviceOf(group).ifPresent(services::add));
    Set<Long> asked = askedToDecide(user.getName(), groups);
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
    Recommendation recommendation = recommendations.findById(id).orElseThrow(() -> ApiException.notFound("recommendation"));
    if (!canRead(user, recommendation)) {
      throw refused(user);
    }
    return recommendation;
  }

  public Recommendation requireEvidenceReadable(Authentication user, Long id) {
    Recommendation recommendation = recommendations.findById(id).orElseThrow(() -> ApiException.notFound("recommendation"));
    if (!canReadEvidence(user, recommendation)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "id", groupsOf(user).contains(Groups.COMMITTEE)
          ? "The evidence files are not open to the Audit Committee: the committee reads the register and its reports."
              + " Ask the audit team if you need to see a file."
          : "This recommendation's evidence is not yours to open: evidence is for internal audit, the service the"
              + " recommendation belongs to, and whoever is asked to decide on it. Ask the audit team if you need it.");
    }
    return recommendation;
  }

  private static ApiException refused(Authentication user) {
    boolean inAService = groupsOf(user).stream().anyMatch(group -> Groups.serviceOf(group).isPresent());
    return ApiException.of(HttpStatus.FORBIDDEN, "id", inAService
        ? "This recommendation is not one you can open: it belongs to another service, and you are not asked to decide on it."
            + " Ask the audit team if you need it."
        : "This recommendation is not one you can open: you are not asked to decide on it."
            + " Ask the audit team if you need it.");
  }

  /**
   * The recommendations this user is asked to decide on (an open task a decision table routes, held by them or
   * offered to them or to one of their groups the tables can name) or has decided. Read as the application,
   * with the user named in the query: the engine would not show a director the process instance a task is in.
   */
  private Set<Long> askedToDecide(String user, Set<String> groups) {
    DecidingGroups.Deciders deciders = decidingGroups.current();
    Set<Long> ids = new HashSet<>();
    if (!deciders.taskKeys().isEmpty()) {
      List<String> theirs = groups.stream().filter(deciders.groups()::contains).toList();
      String[] taskKeys = deciders.taskKeys().toArray(String[]::new);
      Set<String> keys = asApplication.read(() -> {
        Set<String> instances = new HashSet<>();
        taskService.createTaskQuery().taskDefinitionKeyIn(taskKeys).taskInvolvedUser(user).list()
            .forEach(task -> instances.add(task.getProcessInstanceId()));
        if (!theirs.isEmpty()) {
          taskService.createTaskQuery().taskDefinitionKeyIn(taskKeys).taskCandidateGroupIn(theirs).includeAssignedTasks().list()
              .forEach(task -> instances.add(task.getProcessInstanceId()));
        }
        instances.remove(null);
        Set<String> businessKeys = new HashSet<>();
        if (!instances.isEmpty()) {
          runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()
              .forEach(instance -> businessKeys.add(instance.getBusinessKey()));
        }
        businessKeys.remove(null);
        return businessKeys;
      });
      if (!keys.isEmpty()) {
        ids.addAll(recommendations.findIdsByBusinessKeyIn(keys));
      }
    }
    riskDecisions.findByDecidedBy(user).forEach(decision -> ids.add(decision.getRecommendationId()));
    ids.addAll(revisions.findRecommendationIdsDecidedBy(user));
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
}
