package com.rectify.demo;

import com.rectify.audit.AuditRepository;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.common.Today;
import com.rectify.evidence.EvidenceUpload;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh embedded database gets one demo user per group (password "demo") and two audits whose
 * recommendations stand at different steps. The audits are driven through the real process, as the
 * demo users would, so their history is genuine.
 */
@Component
class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final String FIRST_AUDIT = "FIN-2025-01";

  private final DemoProperties properties;
  private final IdentityService identityService;
  private final DemoUsers demoUsers;
  private final AuditRepository audits;
  private final AuditService auditService;
  private final RecommendationRepository recommendations;
  private final TaskService taskService;
  private final EvidenceUpload evidenceUpload;
  private final Today today;

  public DemoData(DemoProperties properties, IdentityService identityService, DemoUsers demoUsers, AuditRepository audits,
      AuditService auditService, RecommendationRepository recommendations, TaskService taskService,
      EvidenceUpload evidenceUpload, Today today) {
    this.properties = properties;
    this.identityService = identityService;
    this.demoUsers = demoUsers;
    this.audits = audits;
    this.auditService = auditService;
    this.recommendations = recommendations;
    this.taskService = taskService;
    this.evidenceUpload = evidenceUpload;
    this.today = today;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void load() {
    if (!properties.enabled()) {
      return;
    }
    demoUsers.ensure();
    if (audits.count() > 0) {
      return;
    }
    try {
      createAudits();
    } catch (RuntimeException e) {
      // Nodes of a cluster starting together: the one that stored the first demo audit loads the rest.
      if (audits.existsByReference(FIRST_AUDIT)) {
        log.info("Demo audits are being loaded by another node");
        return;
      }
      throw e;
    }
    log.info("Demo data loaded: two audits; log in to Tasklist as olivia / alice / helen / sarah (password '{}')", DemoUsers.PASSWORD);
  }

  private void createAudits() {
    auditService.create(new NewAudit(FIRST_AUDIT, "Creditors and payments", "finance", today.date().minusMonths(8), List.of(
        new NewRecommendation("1", "<p>Supplier bank detail changes must be verified by a call-back to a known number before payment.</p>",
            "Three changes in the sample were made on the strength of an e-mail alone.", "High", "Olivia Officer", null),
        new NewRecommendation("2", "Duplicate payment checks should run before each BACS run, not monthly.",
            "Two duplicate payments (£4,120) were recovered only after supplier statements arrived.", "Medium", "Olivia Officer", null),
        new NewRecommendation("3", "The creditors procedure notes should be reviewed and re-issued.",
            "Procedure notes were last updated in 2019.", "Low", "Head of Financial Services", null))), "helen");
    auditService.create(new NewAudit("HSG-2025-02", "Housing repairs contract management", "housing", today.date().minusMonths(3), List.of(
        new NewRecommendation("1", "Contractor performance must be reported monthly against the contract KPIs.",
            "No KPI report had been produced for six months.", "Essential", "Hannah Hughes/Olivia Officer", null),
        new NewRecommendation("2", "Variations over £10,000 should be approved by the Head of Housing before work starts.",
            "Four variations totalling £86,000 were approved after completion.", "High", "Hannah Hughes", null))), "helen");

    Recommendation overdue = recommendation("FIN-2025-01/1");
    agree(overdue, "olivia", "Call-back verification added to the bank-detail change procedure.", today.date().minusDays(45));

    Recommendation awaitingReview = recommendation("FIN-2025-01/2");
    agree(awaitingReview, "olivia", "Duplicate check report scheduled before each BACS run.", today.date().plusMonths(2));
    uploadAndSubmit(awaitingReview, "olivia", "duplicate-check-schedule.txt");

    Recommendation closed = recommendation("FIN-2025-01/3");
    agree(closed, "olivia", "Procedure notes rewritten and published on the intranet.", today.date().minusDays(10));
    uploadAndSubmit(closed, "olivia", "creditors-procedure-2025.txt");
    // The job executor then runs Task_CloseAsImplemented, a moment after start-up.
    complete(closed, LifecycleVariables.TASK_REVIEW_EVIDENCE, "helen", Map.of(
        LifecycleVariables.REVIEW_OUTCOME, "IMPLEMENTED",
        LifecycleVariables.REVIEW_COMMENT, "Re-issued procedure seen on the intranet, dated and approved."));

    Recommendation notAgreed = recommendation("HSG-2025-02/2");
    complete(notAgreed, LifecycleVariables.TASK_AGREE_ACTION, "hannah", Map.of(
        LifecycleVariables.AGREEMENT, "NOT_AGREED",
        LifecycleVariables.NOT_AGREED_REASON, "Urgent repairs cannot wait for approval; we accept the risk."));
  }

  private Recommendation recommendation(String businessKey) {
    return recommendations.findByBusinessKey(businessKey).orElseThrow();
  }

  private void agree(Recommendation recommendation, String officer, String action, java.time.LocalDate targetDate) {
    complete(recommendation, LifecycleVariables.TASK_AGREE_ACTION, officer, Map.of(
        LifecycleVariables.AGREEMENT, "AGREED",
        LifecycleVariables.AGREED_ACTION, action,
        LifecycleVariables.TARGET_DATE, targetDate.toString()));
  }

  private void uploadAndSubmit(Recommendation recommendation, String officer, String filename) {
    evidenceUpload.upload(recommendation.getId(), filename,
        ("Evidence for " + recommendation.getBusinessKey() + ": see attached procedure extract.\n").getBytes(StandardCharsets.UTF_8),
        officer);
    complete(recommendation, LifecycleVariables.TASK_IMPLEMENT_ACTION, officer, Map.of(
        LifecycleVariables.IMPLEMENTATION_STEP, "EVIDENCE_SUBMITTED",
        LifecycleVariables.EVIDENCE_NOTE, "Evidence uploaded."));
  }

  private void complete(Recommendation recommendation, String taskKey, String user, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
        .taskDefinitionKey(taskKey).singleResult();
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
