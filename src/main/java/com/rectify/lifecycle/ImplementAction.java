package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.TaskActor;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.cycle.CurrentCycle;
import com.rectify.evidence.EvidenceSubmission;
import com.rectify.common.LifecycleVariables.ImplementationStep;
import com.rectify.recommendation.progress.ProgressUpdate;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.StatusHistory;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import java.time.LocalDate;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_ImplementAction: the officer posts a progress update, asks for a revised target date (which the
 * process sends for approval), or submits the uploaded evidence for audit review.
 */
@Component("implementAction")
class ImplementAction implements TaskListener {

  private final RecommendationLookup lookup;
  private final StatusHistory history;
  private final TaskActor actors;
  private final ProgressUpdateRepository updates;
  private final TargetDateRevisionRepository revisions;
  private final EvidenceSubmission evidence;
  private final CurrentCycle currentCycle;
  private final Today today;

  public ImplementAction(RecommendationLookup lookup, StatusHistory history, TaskActor actors,
      ProgressUpdateRepository updates, TargetDateRevisionRepository revisions, EvidenceSubmission evidence,
      CurrentCycle currentCycle, Today today) {
    this.lookup = lookup;
    this.history = history;
    this.actors = actors;
    this.updates = updates;
    this.revisions = revisions;
    this.evidence = evidence;
    this.currentCycle = currentCycle;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actors.required(task, "act on the recommendation");
    Recommendation recommendation = lookup.of(task);
    FormInput input = new FormInput(task);
    switch (input.choice(IMPLEMENTATION_STEP, ImplementationStep.class)) {
      case PROGRESS_UPDATE -> postUpdate(recommendation, input, actor);
      case REVISION_REQUESTED -> requestRevision(recommendation, input, actor);
      case EVIDENCE_SUBMITTED -> submitEvidence(recommendation, input, actor);
    }
    for (String leftover : new String[] {PROGRESS_UPDATE, REVISION_REASON, EVIDENCE_NOTE}) {
      input.optionalText(leftover);
    }
    task.removeVariable(REQUESTED_TARGET_DATE);
    task.removeVariable(NEW_DATE_TO_BE_CONFIRMED);
  }

  private void postUpdate(Recommendation recommendation, FormInput input, String actor) {
    String text = input.requiredText(PROGRESS_UPDATE, "The progress update");
    updates.save(new ProgressUpdate(recommendation.getId(), text, actor, today.now().toInstant(), currentCycle.orNull()));
  }

  private void requestRevision(Recommendation recommendation, FormInput input, String actor) {
    if (revisions.findFirstByRecommendationIdAndDecision(recommendation.getId(), RevisionDecision.PENDING).isPresent()) {
      throw new LifecycleRuleViolation(IMPLEMENTATION_STEP,
          "A revised target date is already waiting for approval; wait for that decision before asking again.");
    }
    String reason = input.requiredText(REVISION_REASON, "The reason for the revised target date");
    boolean toBeConfirmed = input.flag(NEW_DATE_TO_BE_CONFIRMED);
    LocalDate requested = toBeConfirmed ? null : input.requiredDate(REQUESTED_TARGET_DATE, "The requested target date");
    if (requested != null && requested.isBefore(today.date())) {
      throw new LifecycleRuleViolation(REQUESTED_TARGET_DATE,
          "The requested date " + UkDates.display(requested) + " has already passed; ask for a date from today on.");
    }
    if (requested != null && Objects.equals(requested, recommendation.getCurrentTargetDate())) {
      throw new LifecycleRuleViolation(REQUESTED_TARGET_DATE,
          "The requested date is the current target date (" + UkDates.display(requested) + "); nothing to revise.");
    }
    int number = revisions.countByRecommendationId(recommendation.getId()) + 1;
    revisions.save(new TargetDateRevision(recommendation.getId(), number, recommendation.getCurrentTargetDate(), requested,
        reason, actor, today.now().toInstant(), currentCycle.orNull()));
  }

  private void submitEvidence(Recommendation recommendation, FormInput input, String actor) {
    int submitted = evidence.submitUploaded(recommendation.getId(), actor);
    if (submitted == 0) {
      throw new LifecycleRuleViolation(IMPLEMENTATION_STEP,
          "Upload at least one evidence file before submitting for review (evidence page: /recommendations/"
              + recommendation.getId() + "/evidence).");
    }
    String note = input.optionalText(EVIDENCE_NOTE);
    if (note != null) {
      updates.save(new ProgressUpdate(recommendation.getId(), "Evidence submitted: " + note, actor,
          today.now().toInstant(), currentCycle.orNull()));
    }
    history.record(recommendation, RecommendationStatus.AWAITING_REVIEW, actor, TASK_IMPLEMENT_ACTION,
        submitted + " evidence file(s) submitted");
  }
}
