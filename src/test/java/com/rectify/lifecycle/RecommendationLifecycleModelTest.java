package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * recommendation-lifecycle, the model on its own: every gateway's branches, the boundary timers and
 * message, the three event sub-processes, and the routing the decision tables give. The real steps are
 * tested in RecommendationLifecycleProcessTest.
 */
class RecommendationLifecycleModelTest extends ModelTestSupport {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ModelEngine.extension();

  /** The scopes a waiting task sits in, which the engine reports as waiting too. */
  static final String IMPLEMENTATION = "SubProcess_Implementation";
  static final String REVISION = "SubProcess_ReviseTargetDate";
  static final String CYCLE_UPDATE = "SubProcess_CycleUpdate";

  private final LocalDate target = TODAY.plusMonths(3);

  @Test
  void anAgreedActionIsImplementedReviewedAndClosed() {
    ProcessInstance instance = startLifecycle("HIGH");
    assertThat(instance).isWaitingAtExactly(TASK_AGREE_ACTION).hasPassed("Task_RegisterRecommendation");
    assertThat(instance).variables().containsEntry(GRADE, "HIGH");
    Task agree = task(instance, TASK_AGREE_ACTION);
    assertThat(agree).isAssignedTo(ModelStandIns.OFFICER);
    assertThat(candidateGroups(agree)).containsExactly(ModelStandIns.OFFICERS_GROUP);
    assertThat(candidateUsers(agree)).containsExactly(ModelStandIns.OFFICER);
    assertThat(agree.getDueDate()).as("no target date yet").isNull();
    assertThat(taskService.getVariableLocal(agree.getId(), TASK_BRIEF)).isNotNull();

    agree(instance, target);
    assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    Task implement = task(instance, TASK_IMPLEMENT_ACTION);
    assertThat(implement).isAssignedTo(ModelStandIns.OFFICER);
    assertThat(implement.getDueDate()).isEqualTo(endOfDay(target));
    assertThat(timers(instance, TIMER_REMINDER)).extracting(Job::getDuedate)
        .containsExactly(ModelStandIns.at(target.minusDays(ModelStandIns.REMINDER_LEAD_DAYS), LocalTime.of(9, 0)));
    assertThat(timers(instance, TIMER_OVERDUE)).extracting(Job::getDuedate)
        .containsExactly(ModelStandIns.at(target.plusDays(1), LocalTime.of(9, 0)));

    submitEvidence(instance);
    assertThat(instance).isWaitingAtExactly(TASK_REVIEW_EVIDENCE).hasPassed("EndEvent_EvidenceSubmitted");
    assertThat(task(instance, TASK_REVIEW_EVIDENCE)).isNotAssigned().hasCandidateGroup("auditors")
        .hasCandidateGroup("audit-managers");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
        .as("the implementation's timers end with it").isZero();

    review(instance, "IMPLEMENTED");
    assertThat(instance).as("closed in a transaction of its own, after the review has committed")
        .isWaitingAtExactly(TASK_CLOSE_AS_IMPLEMENTED);
    assertThat(standIns.callsOf("closeAsImplemented")).isEmpty();
    executeDueJobs(instance);

    assertThat(instance).isEnded().hasPassedInOrder(TASK_AGREE_ACTION, TASK_IMPLEMENT_ACTION, TASK_REVIEW_EVIDENCE,
        TASK_CLOSE_AS_IMPLEMENTED, "EndEvent_ClosedImplemented");
    assertThat(standIns.callsOf("closeAsImplemented")).hasSize(1);
  }

  @Test
  void progressUpdatesKeepTheOfficerInTheSameImplementation() {
    ProcessInstance instance = startLifecycle("LOW");
    agree(instance, target);
    List<Job> timersBefore = managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();

    for (int i = 0; i < 2; i++) {
      complete(instance, TASK_IMPLEMENT_ACTION, "implementationStep", "PROGRESS_UPDATE", "progressUpdate", "Update " + i);
      assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    }
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list())
        .as("the implementation was not left: its timers stand").extracting(Job::getId)
        .containsExactlyInAnyOrderElementsOf(timersBefore.stream().map(Job::getId).toList());
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(TASK_IMPLEMENT_ACTION).count()).isEqualTo(3);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("StartEvent_ImplementationStarted").count()).isEqualTo(1);
  }

  @Test
  void moreEvidenceNeededEntersTheImplementationAgain() {
    ProcessInstance instance = startLifecycle("MEDIUM");
    agree(instance, target);
    submitEvidence(instance);
    review(instance, "MORE_EVIDENCE");

    assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    assertThat(timers(instance, TIMER_REMINDER)).as("timers set afresh").hasSize(1);
    assertThat(timers(instance, TIMER_OVERDUE)).hasSize(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("StartEvent_ImplementationStarted").count()).isEqualTo(2);

    submitEvidence(instance);
    review(instance, "IMPLEMENTED");
    executeDueJobs(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_ClosedImplemented");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"ESSENTIAL, s151-officer", "HIGH, s151-officer", "MEDIUM, directors", "LOW, heads-of-service"})
  void anActionNotAgreedGoesToTheRiskAcceptorTheTableNamesAndCloses(String grade, String acceptors) {
    ProcessInstance instance = startLifecycle(grade);
    notAgree(instance);

    assertThat(instance).isWaitingAtExactly(TASK_ACCEPT_RESIDUAL_RISK).hasPassed("Task_DetermineRiskAcceptor")
        .hasNotPassed(TASK_IMPLEMENT_ACTION);
    assertThat(candidateGroups(task(instance, TASK_ACCEPT_RESIDUAL_RISK))).containsExactly(acceptors);

    decideRisk(instance, "ACCEPTED");
    assertThat(instance).isWaitingAtExactly(TASK_CLOSE_AS_RISK_ACCEPTED);
    executeDueJobs(instance);
    assertThat(instance).isEnded().hasPassed(TASK_CLOSE_AS_RISK_ACCEPTED, "EndEvent_RiskAccepted");
    assertThat(standIns.callsOf("closeAsRiskAccepted")).hasSize(1);
  }

  @Test
  void riskRefusedWhenNothingWasAgreedGoesBackToAgreement() {
    ProcessInstance instance = startLifecycle("MEDIUM");
    notAgree(instance);
    decideRisk(instance, "REFUSED");

    assertThat(instance).isWaitingAtExactly(TASK_AGREE_ACTION);
    assertThat(instance).variables().as("the previous answer is cleared for the new task").doesNotContainKey(AGREEMENT);
    agree(instance, target);
    assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
  }

  @Test
  void partialImplementationGoesToRiskAcceptanceAndRefusalReturnsToImplementation() {
    ProcessInstance instance = startLifecycle("LOW");
    agree(instance, target);
    submitEvidence(instance);
    review(instance, "PARTIALLY_IMPLEMENTED");

    assertThat(instance).isWaitingAtExactly(TASK_ACCEPT_RESIDUAL_RISK);
    assertThat(candidateGroups(task(instance, TASK_ACCEPT_RESIDUAL_RISK))).containsExactly("heads-of-service");
    decideRisk(instance, "REFUSED");

    assertThat(instance).as("the action was agreed: back to implementing it, not to agreeing it")
        .isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    assertThat(timers(instance, TIMER_OVERDUE)).hasSize(1);
  }

  @Test
  void partialImplementationWithTheRiskAcceptedCloses() {
    ProcessInstance instance = startLifecycle("HIGH");
    agree(instance, target);
    submitEvidence(instance);
    review(instance, "PARTIALLY_IMPLEMENTED");
    assertThat(candidateGroups(task(instance, TASK_ACCEPT_RESIDUAL_RISK))).containsExactly("s151-officer");
    decideRisk(instance, "ACCEPTED");
    executeDueJobs(instance);

    assertThat(instance).isEnded().hasPassed("EndEvent_RiskAccepted").hasNotPassed("EndEvent_ClosedImplemented");
  }

  /** Each request goes to the tier the table names for the grade and the revision's number; refused, the date stands. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"ESSENTIAL, 'audit-managers,committee-chair,committee-chair'",
      "HIGH, 'auditors,audit-managers,committee-chair'",
      "LOW, 'auditors,audit-managers,committee-chair'"})
  void aRevisedDateGoesToTheTierTheTableNamesAndARefusalLeavesTheDate(String grade, String tiers) {
    ProcessInstance instance = startLifecycle(grade);
    agree(instance, target);
    Task implement = task(instance, TASK_IMPLEMENT_ACTION);
    List<String> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .map(Job::getId).toList();

    for (String tier : tiers.split(",")) {
      complete(instance, TASK_IMPLEMENT_ACTION, "implementationStep", "REVISION_REQUESTED",
          "requestedTargetDate", target.plusMonths(2).toString(), "revisionReason", "Supplier late.");
      assertThat(instance).as("the officer carries on while the approver decides")
          .isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION, REVISION, TASK_APPROVE_REVISED_DATE);
      Task approval = task(instance, TASK_APPROVE_REVISED_DATE);
      assertThat(candidateGroups(approval)).containsExactly(tier);
      assertThat(taskService.getVariable(approval.getId(), APPROVER_GROUP)).isEqualTo(tier);
      assertThat(runtimeService.getVariable(instance.getId(), APPROVER_GROUP))
          .as("the tier is the approval's own, not the instance's").isNull();

      complete(approval, REVISION_DECISION, "REFUSED", "decisionComment", "Not justified.");
      assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION).hasPassed("EndEvent_RevisionRefused");
    }
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list())
        .as("refusals leave the implementation and its timers alone").extracting(Job::getId)
        .containsExactlyInAnyOrderElementsOf(timers);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("StartEvent_ImplementationStarted").count()).isEqualTo(1);
    assertThat(task(instance, TASK_IMPLEMENT_ACTION).getId()).isNotEqualTo(implement.getId());
    assertThat(standIns.callsOf("applyRevisedTargetDate")).isEmpty();
  }

  @Test
  void anApprovedRevisedDateEntersTheImplementationAgainWithTimersFromTheNewDate() {
    ProcessInstance instance = startLifecycle("MEDIUM");
    agree(instance, target);
    LocalDate revised = target.plusMonths(2);
    complete(instance, TASK_IMPLEMENT_ACTION, "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", revised.toString(), "revisionReason", "Supplier late.");
    Task before = task(instance, TASK_IMPLEMENT_ACTION);
    assertThat(candidateGroups(task(instance, TASK_APPROVE_REVISED_DATE))).containsExactly("auditors");

    complete(instance, TASK_APPROVE_REVISED_DATE, REVISION_DECISION, "APPROVED");

    assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION)
        .hasPassed(TASK_APPLY_REVISED_TARGET_DATE, "EndEvent_RevisionApproved", EVENT_TARGET_DATE_REVISED);
    Task after = task(instance, TASK_IMPLEMENT_ACTION);
    assertThat(after.getId()).as("the officer's task is opened afresh").isNotEqualTo(before.getId());
    assertThat(after.getDueDate()).isEqualTo(endOfDay(revised));
    assertThat(timers(instance, TIMER_REMINDER)).extracting(Job::getDuedate)
        .containsExactly(ModelStandIns.at(revised.minusDays(ModelStandIns.REMINDER_LEAD_DAYS), LocalTime.of(9, 0)));
    assertThat(timers(instance, TIMER_OVERDUE)).extracting(Job::getDuedate)
        .containsExactly(ModelStandIns.at(revised.plusDays(1), LocalTime.of(9, 0)));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("StartEvent_ImplementationStarted").count()).isEqualTo(2);
  }

  @Test
  void aRevisedDateApprovedAfterTheEvidenceWentInLeavesTheReviewAlone() {
    ProcessInstance instance = startLifecycle("HIGH");
    agree(instance, target);
    complete(instance, TASK_IMPLEMENT_ACTION, "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "More time.");
    submitEvidence(instance);
    assertThat(instance).as("the approval outlives the implementation")
        .isWaitingAtExactly(TASK_REVIEW_EVIDENCE, REVISION, TASK_APPROVE_REVISED_DATE);

    Task review = task(instance, TASK_REVIEW_EVIDENCE);
    complete(instance, TASK_APPROVE_REVISED_DATE, REVISION_DECISION, "APPROVED");

    assertThat(instance).isWaitingAtExactly(TASK_REVIEW_EVIDENCE).hasPassed(TASK_APPLY_REVISED_TARGET_DATE)
        .hasNotPassed(EVENT_TARGET_DATE_REVISED);
    assertThat(task(instance, TASK_REVIEW_EVIDENCE).getId()).isEqualTo(review.getId());
    assertThat(standIns.targetDates).containsEntry(recommendationIdOf(instance), target.plusMonths(1));
  }

  @Test
  void theOfficerIsRemindedOnceBeforeTheTargetDateAndCarriesOn() {
    ProcessInstance instance = startLifecycle("LOW");
    agree(instance, target);
    Task implement = task(instance, TASK_IMPLEMENT_ACTION);
    LocalDate reminderDay = target.minusDays(ModelStandIns.REMINDER_LEAD_DAYS);

    moveClockTo(reminderDay, LocalTime.of(8, 59));
    assertThat(executeDueJobs(instance)).isZero();
    moveClockTo(reminderDay, LocalTime.of(9, 0));
    assertThat(executeDueJobs(instance)).isEqualTo(1);

    assertThat(instance).hasPassed(TASK_SEND_REMINDER, "EndEvent_Reminded").isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    assertThat(task(instance, TASK_IMPLEMENT_ACTION).getId()).as("not interrupted").isEqualTo(implement.getId());
    assertThat(timers(instance, TIMER_REMINDER)).as("once only").isEmpty();
    assertThat(timers(instance, TIMER_OVERDUE)).hasSize(1);
    assertThat(standIns.callsOf("sendReminder")).hasSize(1);
  }

  @Test
  void anOverdueActionIsEscalatedAtEveryIntervalUntilTheEvidenceIsIn() {
    ProcessInstance instance = startLifecycle("HIGH");
    agree(instance, target);
    Task implement = task(instance, TASK_IMPLEMENT_ACTION);
    moveClockTo(target.minusDays(ModelStandIns.REMINDER_LEAD_DAYS), LocalTime.of(9, 0));
    executeDueJobs(instance);

    moveClockTo(target.plusDays(1), LocalTime.of(9, 0));
    assertThat(executeDueJobs(instance)).isEqualTo(1);
    assertThat(instance).hasPassed(TASK_ESCALATE_OVERDUE, "EndEvent_Escalated").isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    assertThat(timers(instance, TIMER_OVERDUE)).extracting(Job::getDuedate)
        .containsExactly(ModelStandIns.at(target.plusDays(8), LocalTime.of(9, 0)));

    moveClockTo(target.plusDays(8), LocalTime.of(9, 0));
    assertThat(executeDueJobs(instance)).isEqualTo(1);
    assertThat(standIns.callsOf("escalateOverdue")).hasSize(2);
    assertThat(task(instance, TASK_IMPLEMENT_ACTION).getId()).isEqualTo(implement.getId());

    submitEvidence(instance);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
  }

  /** A superseded or withdrawn recommendation is closed wherever its lifecycle is, with nothing left open. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"agreement", "implementation with a revision awaiting approval", "review",
      "risk acceptance", "a reporting cycle's update"})
  void aSupersededRecommendationIsClosedWhereverItIs(String where) {
    ProcessInstance instance = startLifecycle("MEDIUM");
    Consumer<ProcessInstance> bringTo = switch (where) {
      case "agreement" -> i -> { };
      case "implementation with a revision awaiting approval" -> i -> {
        agree(i, target);
        complete(i, TASK_IMPLEMENT_ACTION, "implementationStep", "REVISION_REQUESTED",
            "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "More time.");
      };
      case "review" -> i -> {
        agree(i, target);
        submitEvidence(i);
      };
      case "risk acceptance" -> this::notAgree;
      case "a reporting cycle's update" -> i -> {
        agree(i, target);
        openCycle(i, 1L, TODAY.plusDays(14));
      };
      default -> throw new IllegalArgumentException(where);
    };
    bringTo.accept(instance);

    runtimeService.createMessageCorrelation(MESSAGE_SUPERSEDED).processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable(SUPERSEDED_BY, "REC-0").correlate();

    assertThat(instance).isEnded().hasPassed(TASK_CLOSE_AS_SUPERSEDED, "EndEvent_Superseded");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(standIns.callsOf("closeAsSuperseded")).hasSize(1);
  }

  @Test
  void aReportingCycleAsksTheOfficerForAnUpdateAlongsideTheirWork() {
    ProcessInstance instance = startLifecycle("HIGH");
    agree(instance, target);
    Task implement = task(instance, TASK_IMPLEMENT_ACTION);
    LocalDate deadline = TODAY.plusDays(14);
    openCycle(instance, 7L, deadline);

    assertThat(instance).isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION, CYCLE_UPDATE, TASK_PROVIDE_PROGRESS_UPDATE);
    Task update = task(instance, TASK_PROVIDE_PROGRESS_UPDATE);
    assertThat(update).isAssignedTo(ModelStandIns.OFFICER);
    assertThat(candidateGroups(update)).containsExactly(ModelStandIns.OFFICERS_GROUP);
    assertThat(update.getDueDate()).isEqualTo(endOfDay(deadline));
    assertThat(taskService.getVariable(update.getId(), REPORTING_CYCLE_ID)).isEqualTo(7L);
    assertThat(timers(instance, "Timer_UpdateDeadline")).extracting(Job::getDuedate).containsExactly(endOfDay(deadline));

    complete(update, PROGRESS_UPDATE, "On track.");
    assertThat(standIns.callsOf("provideProgressUpdate")).containsExactly("provideProgressUpdate " + recommendationIdOf(instance) + " for cycle 7");
    assertThat(instance).hasPassed("EndEvent_UpdateProvided").isWaitingAtExactly(IMPLEMENTATION, TASK_IMPLEMENT_ACTION);
    assertThat(task(instance, TASK_IMPLEMENT_ACTION).getId()).isEqualTo(implement.getId());
    assertThat(timers(instance, "Timer_UpdateDeadline")).isEmpty();
  }

  @Test
  void anUpdateNotGivenByTheDeadlineIsFlagged() {
    ProcessInstance instance = startLifecycle("LOW");
    LocalDate deadline = TODAY.plusDays(14);
    openCycle(instance, 8L, deadline);
    assertThat(instance).as("asked at agreement too").isWaitingAtExactly(TASK_AGREE_ACTION, CYCLE_UPDATE, TASK_PROVIDE_PROGRESS_UPDATE);

    moveClockTo(deadline, LocalTime.of(23, 59, 58));
    assertThat(executeDueJobs(instance)).isZero();
    moveClockTo(deadline.plusDays(1), LocalTime.of(0, 0));
    assertThat(executeDueJobs(instance)).isEqualTo(1);

    assertThat(instance).hasPassed(TASK_FLAG_NO_UPDATE, "EndEvent_NoUpdate").isWaitingAtExactly(TASK_AGREE_ACTION);
    assertThat(tasks(instance, TASK_PROVIDE_PROGRESS_UPDATE)).isEmpty();
    assertThat(standIns.callsOf("flagNoUpdate")).hasSize(1);
  }

  @Test
  void twoCyclesOpenAtOnceEachKeepTheirOwnUpdateAndDeadline() {
    ProcessInstance instance = startLifecycle("MEDIUM");
    agree(instance, target);
    openCycle(instance, 21L, TODAY.plusDays(10));
    openCycle(instance, 22L, TODAY.plusDays(20));

    List<Task> updates = tasks(instance, TASK_PROVIDE_PROGRESS_UPDATE);
    assertThat(updates).extracting(t -> taskService.getVariable(t.getId(), REPORTING_CYCLE_ID))
        .containsExactlyInAnyOrder(21L, 22L);
    assertThat(updates).extracting(Task::getDueDate)
        .containsExactlyInAnyOrder(endOfDay(TODAY.plusDays(10)), endOfDay(TODAY.plusDays(20)));

    assertThat(runtimeService.getVariableLocal(instance.getId(), REPORTING_CYCLE_ID)).as("not the instance's").isNull();

    moveClockTo(TODAY.plusDays(11), LocalTime.of(9, 0));
    executeDueJobs(instance);
    assertThat(tasks(instance, TASK_PROVIDE_PROGRESS_UPDATE)).extracting(t -> taskService.getVariable(t.getId(), REPORTING_CYCLE_ID))
        .as("only the first cycle's deadline has passed").containsExactly(22L);
    assertThat(standIns.callsOf("flagNoUpdate")).as("flagged for the first cycle").containsExactly("flagNoUpdate " + recommendationIdOf(instance) + " for cycle 21");
  }

  @Test
  void anAnswerTheModelDoesNotKnowIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance instance = startLifecycle("LOW");
    Task agree = task(instance, TASK_AGREE_ACTION);
    assertThatThrownBy(() -> complete(agree, "agreement", "MAYBE")).isInstanceOf(ProcessEngineException.class);
    assertThat(task(instance, TASK_AGREE_ACTION).getId()).isEqualTo(agree.getId());
  }

  @Test
  @Order(LAST)
  void everySequenceFlowOfTheLifecycleIsTaken() {
    ModelEngine.assertEveryFlowTaken(deployment, LIFECYCLE_PROCESS);
  }

  /**
   * What the reporting-cycle process does for each open recommendation (see ReportingCycleModelTest): the cycle
   * id is given to the event sub-process the message starts, as each update needs its own.
   */
  private void openCycle(ProcessInstance instance, Long cycleId, LocalDate deadline) {
    standIns.cycleDeadlines.put(cycleId, deadline);
    runtimeService.createMessageCorrelation(MESSAGE_REPORTING_CYCLE_OPENED).processInstanceBusinessKey(instance.getBusinessKey())
        .setVariableToTriggeredScope(REPORTING_CYCLE_ID, cycleId).correlateAll();
  }
}
