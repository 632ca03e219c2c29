package com.rectify.lifecycle;

import static com.rectify.recommendation.RecommendationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.evidence.ReviewDecisionRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.risk.RiskAcceptanceRepository;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import java.time.LocalDate;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each rule the process holds, shown by the engine refusing the wrong move and changing nothing. Where
 * Camunda's authorizations already keep the wrong person off the task, the task is then assigned to them
 * (an assignee may work on a task) to show that the rule holds on its own.
 */
class LifecycleRulesTest extends LifecycleTestSupport {

  @Autowired ReviewDecisionRepository reviews;
  @Autowired RiskAcceptanceRepository risks;
  @Autowired TargetDateRevisionRepository revisions;

  private final LocalDate target = LocalDate.now().plusMonths(3);

  @Test
  void evidenceCannotBeSubmittedForReviewWithoutAFile() {
    Recommendation rec = newRecommendation("High");
    agree(rec, target);
    Task before = task(rec, "Task_ImplementAction");

    assertThatThrownBy(() -> complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "EVIDENCE_SUBMITTED"))
        .isInstanceOf(LifecycleRuleViolation.class)
        .hasMessageContaining("Upload at least one evidence file");

    assertThat(task(rec, "Task_ImplementAction").getId()).isEqualTo(before.getId());
    assertThat(statusOf(rec)).isEqualTo(IN_IMPLEMENTATION);
    assertThat(statusTrail(rec)).hasSize(2);
  }

  @Test
  void whoeverSubmittedTheEvidenceCannotReviewIt() {
    Recommendation rec = newRecommendation("High");
    agree(rec, target);
    upload(rec, "alice");
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "EVIDENCE_SUBMITTED");
    Task review = task(rec, "Task_ReviewEvidence");

    assertThatThrownBy(() -> review(rec, "alice", "IMPLEMENTED"))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("four eyes");
    assertThatThrownBy(() -> taskService.setAssignee(review.getId(), "alice"))
        .as("nor be assigned the review").isInstanceOf(LifecycleRuleViolation.class);

    assertThat(task(rec, "Task_ReviewEvidence").getAssignee()).isNull();
    assertThat(reviews.findByRecommendationIdOrderByIdAsc(rec.getId())).isEmpty();
    assertThat(statusOf(rec)).isEqualTo(AWAITING_REVIEW);

    review(rec, "helen", "IMPLEMENTED");
    executeJobs(rec);
    assertThat(statusOf(rec)).isEqualTo(CLOSED_IMPLEMENTED);
  }

  @Test
  void onlyAuditorsReviewEvidence() {
    Recommendation rec = newRecommendation("Low");
    agree(rec, target);
    submitEvidence(rec);

    assertThatThrownBy(() -> review(rec, "sam", "IMPLEMENTED"))
        .as("Camunda's authorizations keep him off an auditors' task").isInstanceOf(AuthorizationException.class);
    assignedByAnAdministrator(rec, "Task_ReviewEvidence", "sam");
    assertThatThrownBy(() -> review(rec, "sam", "IMPLEMENTED"))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("only auditors");
    assertThat(statusOf(rec)).isEqualTo(AWAITING_REVIEW);
  }

  @Test
  void noCompletionByNobodyInParticular() {
    Recommendation rec = newRecommendation("Low");
    agree(rec, target);
    submitEvidence(rec);
    Task review = task(rec, "Task_ReviewEvidence");

    assertThatThrownBy(() -> taskService.complete(review.getId(), java.util.Map.of("reviewOutcome", "IMPLEMENTED")))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("Only a named user");
    assertThat(statusOf(rec)).isEqualTo(AWAITING_REVIEW);
  }

  @Test
  void theLeadOfficerCannotAcceptTheRiskOfTheirOwnRecommendation() {
    // A second S151 officer, so the risk stays with the group Sarah is in (alone, it would go to the next tier).
    org.camunda.bpm.engine.identity.User deputy = identityService.newUser("deputy-s151-" + java.util.UUID.randomUUID().toString().substring(0, 6));
    identityService.saveUser(deputy);
    identityService.createMembership(deputy.getId(), "s151-officer");
    try {
      Recommendation rec = newAudit("Sarah Section151", "High").get(0);
      identityService.setAuthentication("sarah", java.util.List.of("s151-officer", "senior-officers", "service-finance"));
      taskService.complete(task(rec, "Task_AgreeAction").getId(),
          java.util.Map.of("agreement", "NOT_AGREED", "notAgreedReason", "No budget."));
      identityService.clearAuthentication();

      assertThatThrownBy(() -> decideRisk(rec, "sarah", "ACCEPTED"))
          .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("lead officer");
      assertThat(risks.findByRecommendationIdOrderByIdAsc(rec.getId())).isEmpty();
      assertThat(instanceOf(rec)).isWaitingAt("Task_AcceptResidualRisk");
    } finally {
      identityService.deleteUser(deputy.getId());
    }
  }

  @Test
  void riskIsAcceptedOnlyByTheGroupTheDecisionTableNames() {
    Recommendation rec = newRecommendation("High");
    notAgree(rec);

    assertThatThrownBy(() -> decideRisk(rec, "dan", "ACCEPTED")).isInstanceOf(AuthorizationException.class);
    assignedByAnAdministrator(rec, "Task_AcceptResidualRisk", "dan");
    assertThatThrownBy(() -> decideRisk(rec, "dan", "ACCEPTED"))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("belongs to the Section 151 officer")
        .hasMessageNotContaining("s151-officer");
    assertThat(risks.findByRecommendationIdOrderByIdAsc(rec.getId())).isEmpty();
    assertThat(statusOf(rec)).isEqualTo(AWAITING_RISK_ACCEPTANCE);
  }

  @Test
  void aRevisedDateNeedsAReason() {
    Recommendation rec = newRecommendation("High");
    agree(rec, target);

    assertThatThrownBy(() -> complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString()))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("revisionReason");
    assertThat(revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId())).isEmpty();
    assertThat(task(rec, "Task_ApproveRevisedDate")).isNull();
  }

  @Test
  void aSecondRevisionNeedsTheHeadOfAuditNotAnAuditor() {
    Recommendation rec = newRecommendation("High");
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "Staff shortage.");
    complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED");
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(2).toString(), "revisionReason", "Still short.");

    assertThatThrownBy(() -> complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED"))
        .isInstanceOf(AuthorizationException.class);
    assignedByAnAdministrator(rec, "Task_ApproveRevisedDate", "alice");
    assertThatThrownBy(() -> complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED"))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("belongs to the Head of internal audit")
        .hasMessageNotContaining("audit-managers");
    assertThat(reload(rec).getCurrentTargetDate()).isEqualTo(target.plusMonths(1));
  }

  @Test
  void anEssentialRecommendationsThirdRevisionGoesToTheCommitteeChair() {
    Recommendation rec = newRecommendation("Essential");
    agree(rec, target);
    String[] approvers = {"helen", "carol"};
    for (int i = 0; i < 2; i++) {
      complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
          "requestedTargetDate", target.plusMonths(i + 1).toString(), "revisionReason", "Reason " + i);
      complete(rec, "Task_ApproveRevisedDate", approvers[i], "revisionDecision", "APPROVED");
    }
    assertThat(revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId()))
        .extracting(r -> r.getApproverGroup()).containsExactly("audit-managers", "committee-chair");
  }

  @Test
  void onlyOneRevisionWaitsAtATime() {
    Recommendation rec = newRecommendation("Low");
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "One.");
    assertThatThrownBy(() -> complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(2).toString(), "revisionReason", "Two."))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("already waiting");
    assertThat(revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId())).hasSize(1);
  }

  @Test
  void closureWithoutAcceptedEvidenceIsRefusedByTheClosingStepItself() {
    Recommendation rec = newRecommendation("Medium");
    agree(rec, target);
    var instance = instanceOf(rec);
    runtimeService.createProcessInstanceModification(instance.getId())
        .cancelAllForActivity("SubProcess_Implementation")
        .startBeforeActivity("Task_CloseAsImplemented")
        .execute();

    var job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("no evidence was accepted");
    assertThat(statusOf(rec)).isEqualTo(IN_IMPLEMENTATION);
    runtimeService.deleteProcessInstance(instance.getId(), "test done: its failing job must not reach other tests");
  }

  @Test
  void badFormInputNamesTheField() {
    Recommendation rec = newRecommendation("Medium");
    assertThatThrownBy(() -> complete(rec, "Task_AgreeAction", "olivia", "agreement", "AGREED", "agreedAction", "Do it.",
        "targetDate", "31/13/2025"))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("targetDate");
    assertThatThrownBy(() -> complete(rec, "Task_AgreeAction", "olivia", "agreement", "MAYBE"))
        .isInstanceOf(LifecycleRuleViolation.class).hasMessageContaining("agreement");
    assertThat(statusOf(rec)).isEqualTo(AWAITING_AGREEMENT);
    assertThat(reload(rec).getAgreedAction()).isNull();
  }

  /** What an administrator (or anyone Camunda lets assign the task) may do: give the task to this user. */
  private void assignedByAnAdministrator(Recommendation rec, String taskKey, String user) {
    taskService.setAssignee(task(rec, taskKey).getId(), user);
  }
}
