package com.rectify.lifecycle;

import static com.rectify.recommendation.RecommendationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.rectify.evidence.EvidenceRepository;
import com.rectify.evidence.EvidenceState;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import com.rectify.recommendation.supersession.Supersession;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of recommendation-lifecycle, on the application's own engine. */
class RecommendationLifecycleProcessTest extends LifecycleTestSupport {

  @Autowired EvidenceRepository evidence;
  @Autowired TargetDateRevisionRepository revisions;
  @Autowired Supersession supersession;

  private final LocalDate target = LocalDate.now().plusMonths(3);

  @Test
  void agreedImplementedAndClosedWithAcceptedEvidence() {
    Recommendation rec = newRecommendation("High");
    ProcessInstance instance = instanceOf(rec);
    assertThat(instance).isWaitingAt("Task_AgreeAction").task().isAssignedTo("olivia");

    agree(rec, target);
    assertThat(instance).isWaitingAt("Task_ImplementAction");
    assertThat(task(rec, "Task_ImplementAction").getDueDate()).isNotNull();

    submitEvidence(rec);
    assertThat(instance).isWaitingAt("Task_ReviewEvidence");
    assertThat(taskService.getIdentityLinksForTask(task(rec, "Task_ReviewEvidence").getId()))
        .extracting(link -> link.getGroupId()).contains("auditors", "audit-managers");

    review(rec, "alice", "IMPLEMENTED");
    assertThat(instance).isWaitingAt("Task_CloseAsImplemented");
    executeJobs(rec);

    assertThat(instance).isEnded().hasPassed("EndEvent_ClosedImplemented");
    assertThat(statusOf(rec)).isEqualTo(CLOSED_IMPLEMENTED);
    assertThat(statusTrail(rec)).containsExactly(AWAITING_AGREEMENT, IN_IMPLEMENTATION, AWAITING_REVIEW, CLOSED_IMPLEMENTED);
    assertThat(evidence.findByRecommendationIdOrderByIdAsc(rec.getId())).extracting(e -> e.getState())
        .containsExactly(EvidenceState.ACCEPTED);
  }

  @Test
  void moreEvidenceNeededSendsTheOfficerBackThenCloses() {
    Recommendation rec = newRecommendation("Medium");
    ProcessInstance instance = instanceOf(rec);
    agree(rec, target);
    submitEvidence(rec);
    review(rec, "alice", "MORE_EVIDENCE");

    assertThat(instance).isWaitingAt("Task_ImplementAction");
    assertThat(statusOf(rec)).isEqualTo(IN_IMPLEMENTATION);
    assertThat(evidence.findByRecommendationIdOrderByIdAsc(rec.getId())).extracting(e -> e.getState())
        .containsExactly(EvidenceState.RETURNED);

    submitEvidence(rec);
    review(rec, "alice", "IMPLEMENTED");
    executeJobs(rec);
    assertThat(instance).isEnded().hasPassed("EndEvent_ClosedImplemented");
    assertThat(statusTrail(rec)).containsExactly(AWAITING_AGREEMENT, IN_IMPLEMENTATION, AWAITING_REVIEW,
        IN_IMPLEMENTATION, AWAITING_REVIEW, CLOSED_IMPLEMENTED);
  }

  @Test
  void progressUpdatesKeepTheOfficerInImplementation() {
    Recommendation rec = newRecommendation("Low");
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "PROGRESS_UPDATE",
        "progressUpdate", "Draft procedure with the S151 officer.");
    assertThat(instanceOf(rec)).isWaitingAt("Task_ImplementAction");
    assertThat(runtimeService.getVariable(instanceOf(rec).getId(), "progressUpdate"))
        .as("the update's text lives in the register, not in the engine").isNull();
  }

  @Test
  void notAgreedGoesToTheRiskAcceptorTheDecisionTableNamesAndCloses() {
    Recommendation rec = newRecommendation("Essential");
    ProcessInstance instance = instanceOf(rec);
    notAgree(rec);

    assertThat(instance).isWaitingAt("Task_AcceptResidualRisk");
    assertThat(taskService.getIdentityLinksForTask(task(rec, "Task_AcceptResidualRisk").getId()))
        .extracting(link -> link.getGroupId()).containsExactly("s151-officer");
    decideRisk(rec, "sarah", "ACCEPTED");
    executeJobs(rec);

    assertThat(instance).isEnded().hasPassed("EndEvent_RiskAccepted");
    assertThat(statusTrail(rec)).containsExactly(AWAITING_AGREEMENT, AWAITING_RISK_ACCEPTANCE, CLOSED_RISK_ACCEPTED);
  }

  @Test
  void aRiskWhoseOnlyAcceptorLeadsTheRecommendationGoesToTheTablesNextTier() {
    // Harry is the only head of service; a Low risk is theirs to accept, but not of a recommendation Harry leads.
    assertThat(identityService.createUserQuery().memberOfGroup("heads-of-service").list())
        .extracting(user -> user.getId()).containsExactly("harry");
    Recommendation rec = newAudit("Harry Head-of-Service", "Low").get(0);
    ProcessInstance instance = instanceOf(rec);
    complete(rec, "Task_AgreeAction", "harry", "agreement", "NOT_AGREED", "notAgreedReason", "Too costly for the benefit.");

    assertThat(taskService.getIdentityLinksForTask(task(rec, "Task_AcceptResidualRisk").getId()))
        .as("the directors, the decision table's next tier for Low").extracting(link -> link.getGroupId())
        .containsExactly("directors");
    decideRisk(rec, "dan", "ACCEPTED");
    executeJobs(rec);
    assertThat(instance).isEnded().hasPassed("EndEvent_RiskAccepted");
  }

  @Test
  void riskRefusedWhenNothingWasAgreedGoesBackToAgreement() {
    Recommendation rec = newRecommendation("Medium");
    notAgree(rec);
    assertThat(taskService.getIdentityLinksForTask(task(rec, "Task_AcceptResidualRisk").getId()))
        .extracting(link -> link.getGroupId()).containsExactly("directors");
    decideRisk(rec, "dan", "REFUSED");

    assertThat(instanceOf(rec)).isWaitingAt("Task_AgreeAction");
    assertThat(statusOf(rec)).isEqualTo(AWAITING_AGREEMENT);
  }

  @Test
  void partialImplementationGoesToRiskAcceptanceAndRefusalReturnsToImplementation() {
    Recommendation rec = newRecommendation("Low");
    ProcessInstance instance = instanceOf(rec);
    agree(rec, target);
    submitEvidence(rec);
    review(rec, "alice", "PARTIALLY_IMPLEMENTED");

    assertThat(instance).isWaitingAt("Task_AcceptResidualRisk");
    assertThat(statusOf(rec)).isEqualTo(AWAITING_RISK_ACCEPTANCE);
    decideRisk(rec, "harry", "REFUSED");

    assertThat(instance).isWaitingAt("Task_ImplementAction");
    assertThat(statusOf(rec)).isEqualTo(IN_IMPLEMENTATION);
  }

  @Test
  void firstRevisedDateIsApprovedByAnAuditorAndKeptBesideTheOriginal() {
    Recommendation rec = newRecommendation("High");
    ProcessInstance instance = instanceOf(rec);
    agree(rec, target);
    LocalDate later = target.plusMonths(2);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", later.toString(), "revisionReason", "Supplier delayed the system upgrade.");

    assertThat(instance).isWaitingAt("Task_ImplementAction", "Task_ApproveRevisedDate");
    Task approval = task(rec, "Task_ApproveRevisedDate");
    assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(l -> l.getGroupId()).containsExactly("auditors");

    complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED");
    assertThat(instance).isWaitingAt("Task_ImplementAction").hasPassed("EndEvent_RevisionApproved");

    Recommendation after = reload(rec);
    assertThat(after.getOriginalTargetDate()).isEqualTo(target);
    assertThat(after.getCurrentTargetDate()).isEqualTo(later);
    assertThat(task(rec, "Task_ImplementAction").getDueDate()).isAfter(java.sql.Date.valueOf(target));
    TargetDateRevision revision = revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId()).get(0);
    assertThat(revision.getDecision()).isEqualTo(RevisionDecision.APPROVED);
    assertThat(revision.getPreviousDate()).isEqualTo(target);
    assertThat(revision.getRequestedBy()).isEqualTo("olivia");
    assertThat(revision.getDecidedBy()).isEqualTo("alice");
    assertThat(revision.getApproverGroup()).isEqualTo("auditors");
  }

  @Test
  void refusedRevisionLeavesTheDateAndSecondRevisionGoesToTheHeadOfAudit() {
    Recommendation rec = newRecommendation("Medium");
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "newDateToBeConfirmed", true, "revisionReason", "Depends on the restructure.");
    complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "REFUSED", "decisionComment", "Set a date.");
    assertThat(instanceOf(rec)).hasPassed("EndEvent_RevisionRefused");
    assertThat(reload(rec).getCurrentTargetDate()).isEqualTo(target);

    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "Restructure confirmed for next month.");
    assertThat(taskService.getIdentityLinksForTask(task(rec, "Task_ApproveRevisedDate").getId()))
        .extracting(l -> l.getGroupId()).containsExactly("audit-managers");
    complete(rec, "Task_ApproveRevisedDate", "helen", "revisionDecision", "APPROVED");

    List<TargetDateRevision> all = revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId());
    assertThat(all).extracting(TargetDateRevision::getDecision).containsExactly(RevisionDecision.REFUSED, RevisionDecision.APPROVED);
    assertThat(all.get(0).getRequestedDate()).as("TBC is kept as no date").isNull();
    assertThat(reload(rec).getCurrentTargetDate()).isEqualTo(target.plusMonths(1));
  }

  @Test
  void supersededAtAnyTimeEndsInItsOwnState() {
    Recommendation rec = newRecommendation("High");
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "Waiting on IT.");
    ProcessInstance instance = instanceOf(rec);

    supersession.supersede(rec.getId(), Supersession.Kind.SUPERSEDED, "Replaced by the 2026 payroll audit, rec 4.", "helen");

    assertThat(instance).isEnded().hasPassed("EndEvent_Superseded");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(statusOf(rec)).isEqualTo(CLOSED_SUPERSEDED);
    assertThat(statusChanges.findByRecommendationIdOrderByIdAsc(rec.getId())).last()
        .satisfies(change -> {
          assertThat(change.getChangedBy()).isEqualTo("helen");
          assertThat(change.getNote()).contains("Replaced by the 2026 payroll audit");
        });
  }

  @Test
  void formTextIsMovedIntoTheRegisterAndNotKeptAsProcessVariables() {
    Recommendation rec = newRecommendation("High");
    agree(rec, target);
    assertThat(reload(rec).getAgreedAction()).isEqualTo("We will do it.");
    List<String> live = runtimeService.getVariables(instanceOf(rec).getId()).keySet().stream().sorted().toList();
    assertThat(live).doesNotContain("agreedAction", "targetDate").contains("recommendationId", "grade", "agreement");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instanceOf(rec).getId())
        .variableName("agreedAction").includeDeleted().list()).extracting(HistoricVariableInstance::getState).containsOnly("DELETED");
  }

  private org.camunda.bpm.engine.HistoryService historyService() {
    return processEngine.getHistoryService();
  }
}
