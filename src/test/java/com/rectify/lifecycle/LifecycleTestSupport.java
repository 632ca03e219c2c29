package com.rectify.lifecycle;

import com.rectify.RectifyApplicationTest;
import com.rectify.TaskCompletion;
import com.rectify.audit.Audit;
import com.rectify.common.LifecycleVariables;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.demo.DemoUsers;
import com.rectify.evidence.EvidenceUpload;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusChangeRepository;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Runs the real engine of the application on H2, with the demo users, and drives tasks as people would. */
@RectifyApplicationTest
public abstract class LifecycleTestSupport {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected AuditService auditService;
  @Autowired protected RecommendationRepository recommendations;
  @Autowired protected StatusChangeRepository statusChanges;
  @Autowired protected EvidenceUpload evidenceUpload;
  @Autowired protected DemoUsers demoUsers;

  @BeforeEach
  void initEngineAssertions() {
    BpmnAwareTests.init(processEngine);
    demoUsers.ensure();
  }

  @AfterEach
  void forgetUser() {
    identityService.clearAuthentication();
  }

  /** A new audit in the finance service whose recommendations are graded as given; returns them in order. */
  protected List<Recommendation> newAudit(String leadOfficer, String... grades) {
    String reference = "T-" + UUID.randomUUID().toString().substring(0, 8);
    List<NewRecommendation> items = new java.util.ArrayList<>();
    for (int i = 0; i < grades.length; i++) {
      items.add(new NewRecommendation(String.valueOf(i + 1), "Recommendation " + (i + 1) + " of " + reference,
          "Finding " + (i + 1), grades[i], leadOfficer, null));
    }
    Audit audit = auditService.create(new NewAudit(reference, "Test audit " + reference, "finance", LocalDate.now(), items), "helen");
    return recommendations.findByAuditIdOrderByIdAsc(audit.getId());
  }

  protected Recommendation newRecommendation(String grade) {
    return newAudit("Olivia Officer", grade).get(0);
  }

  protected ProcessInstance instanceOf(Recommendation recommendation) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(recommendation.getBusinessKey()).singleResult();
  }

  protected Task task(Recommendation recommendation, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
        .taskDefinitionKey(taskKey).singleResult();
  }

  protected void complete(Recommendation recommendation, String taskKey, String user, Object... keyValues) {
    new TaskCompletion(taskService, identityService).complete(recommendation.getBusinessKey(), taskKey, user, keyValues);
  }

  protected void agree(Recommendation recommendation, LocalDate targetDate) {
    complete(recommendation, LifecycleVariables.TASK_AGREE_ACTION, "olivia",
        "agreement", "AGREED", "agreedAction", "We will do it.", "targetDate", targetDate.toString());
  }

  protected void notAgree(Recommendation recommendation) {
    complete(recommendation, LifecycleVariables.TASK_AGREE_ACTION, "olivia",
        "agreement", "NOT_AGREED", "notAgreedReason", "Too costly for the benefit.");
  }

  protected void upload(Recommendation recommendation, String user) {
    evidenceUpload.upload(recommendation.getId(), "evidence.txt",
        "Signed procedure, version 2.".getBytes(StandardCharsets.UTF_8), user);
  }

  protected void submitEvidence(Recommendation recommendation) {
    upload(recommendation, "olivia");
    complete(recommendation, LifecycleVariables.TASK_IMPLEMENT_ACTION, "olivia",
        "implementationStep", "EVIDENCE_SUBMITTED", "evidenceNote", "Procedure signed off.");
  }

  protected void review(Recommendation recommendation, String auditor, String outcome) {
    complete(recommendation, LifecycleVariables.TASK_REVIEW_EVIDENCE, auditor,
        "reviewOutcome", outcome, "reviewComment", "Reviewed: " + outcome);
  }

  protected void decideRisk(Recommendation recommendation, String user, String decision) {
    complete(recommendation, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK, user,
        "riskDecision", decision, "riskRationale", "Considered by " + user);
  }

  protected void executeJobs(Recommendation recommendation) {
    ProcessInstance instance = instanceOf(recommendation);
    if (instance == null) {
      return;
    }
    for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
      managementService.executeJob(job.getId());
    }
  }

  protected RecommendationStatus statusOf(Recommendation recommendation) {
    return recommendations.findById(recommendation.getId()).orElseThrow().getStatus();
  }

  protected Recommendation reload(Recommendation recommendation) {
    return recommendations.findById(recommendation.getId()).orElseThrow();
  }

  protected List<RecommendationStatus> statusTrail(Recommendation recommendation) {
    return statusChanges.findByRecommendationIdOrderByIdAsc(recommendation.getId()).stream()
        .map(c -> c.getToStatus()).toList();
  }

  protected static List<RecommendationStatus> trail(RecommendationStatus... statuses) {
    return Arrays.asList(statuses);
  }
}
