package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.TaskActor;
import com.rectify.common.Today;
import com.rectify.recommendation.ChangeLog;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_ApplyRevisedTargetDate: the approved date becomes current; the original date stays on record. The
 * implementation, if under way, is told (message {@code TargetDateRevised}): it is interrupted and entered
 * again, so its reminder and overdue timers are set afresh from the new date.
 */
@Component("applyRevisedTargetDate")
class ApplyRevisedTargetDate implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final TargetDateRevisionRepository revisions;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  private final ChangeLog changeLog;

  public ApplyRevisedTargetDate(RecommendationLookup lookup, TargetDateRevisionRepository revisions, TaskService taskService,
      RuntimeService runtimeService, ChangeLog changeLog) {
    this.changeLog = changeLog;
    this.lookup = lookup;
    this.revisions = revisions;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    TargetDateRevision revision = revisions.findById(((Number) execution.getVariable(REVISION_ID)).longValue()).orElseThrow();
    if (revision.getDecision() != RevisionDecision.APPROVED) {
      throw new LifecycleRuleViolation(REVISION_DECISION, "Revision " + revision.getRevisionNumber()
          + " has not been approved by its tier and cannot be applied.");
    }
    recommendation.reviseTargetDate(revision.getRequestedDate());
    changeLog.sync(recommendation, revision.getDecidedBy() == null ? TaskActor.SYSTEM : revision.getDecidedBy(),
        execution.getCurrentActivityId());
    Date due = revision.getRequestedDate() == null ? null : Today.endOfDay(revision.getRequestedDate());
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_IMPLEMENT_ACTION).list()) {
      task.setDueDate(due);
      taskService.saveTask(task);
    }
    runtimeService.createMessageCorrelation(MESSAGE_TARGET_DATE_REVISED)
        .processInstanceId(execution.getProcessInstanceId()).correlateAll();
  }
}
