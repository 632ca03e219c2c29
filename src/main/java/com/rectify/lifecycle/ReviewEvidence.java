package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.TaskActor;
import com.rectify.common.Today;
import com.rectify.evidence.EvidenceSubmission;
import com.rectify.evidence.ReviewDecision;
import com.rectify.evidence.ReviewDecisionRepository;
import com.rectify.evidence.ReviewOutcome;
import com.rectify.notification.Notifications;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import com.rectify.common.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_ReviewEvidence: an auditor closes the recommendation as implemented, sends it back for more
 * evidence, or proposes risk acceptance for a partial implementation. Four eyes: whoever uploaded or
 * submitted the evidence can neither be assigned the review nor complete it.
 */
@Component("reviewEvidence")
class ReviewEvidence implements TaskListener {

  private final RecommendationLookup lookup;
  private final StatusHistory history;
  private final TaskActor actors;
  private final EvidenceSubmission evidence;
  private final ReviewDecisionRepository decisions;
  private final Today today;
  private final Notifications notifications;

  public ReviewEvidence(RecommendationLookup lookup, StatusHistory history, TaskActor actors, EvidenceSubmission evidence,
      ReviewDecisionRepository decisions, Today today, Notifications notifications) {
    this.lookup = lookup;
    this.history = history;
    this.actors = actors;
    this.evidence = evidence;
    this.decisions = decisions;
    this.today = today;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    Recommendation recommendation = lookup.of(task);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      refuseSubmitter(recommendation, task.getAssignee());
      return;
    }
    String reviewer = actors.required(task, "review evidence");
    if (!actors.isMember(reviewer, Groups.AUDITORS) && !actors.isMember(reviewer, Groups.AUDIT_MANAGERS)) {
      throw new LifecycleRuleViolation("assignee", actors.nameOf(reviewer)
          + " may not review evidence: only auditors may. Leave the task for the audit team.");
    }
    refuseSubmitter(recommendation, reviewer);
    FormInput input = new FormInput(task);
    ReviewOutcome outcome = input.choice(REVIEW_OUTCOME, ReviewOutcome.class);
    String comment = outcome == ReviewOutcome.IMPLEMENTED
        ? input.optionalText(REVIEW_COMMENT)
        : input.requiredText(REVIEW_COMMENT, "A reason for the officer");
    if (evidence.underReview(recommendation.getId()).isEmpty()) {
      throw new LifecycleRuleViolation(REVIEW_OUTCOME, "There is no submitted evidence to review.");
    }
    ReviewDecision decision = decisions.save(new ReviewDecision(recommendation.getId(), outcome,
        comment == null ? "" : comment, reviewer, today.now().toInstant()));
    evidence.recordReview(recommendation.getId(), decision);
    switch (outcome) {
      case MORE_EVIDENCE -> {
        history.record(recommendation, RecommendationStatus.IN_IMPLEMENTATION, reviewer, TASK_REVIEW_EVIDENCE, comment);
        notifications.evidenceSentBack(recommendation, decision.getId(), reviewer, comment);
      }
      case PARTIALLY_IMPLEMENTED ->
          history.record(recommendation, RecommendationStatus.AWAITING_RISK_ACCEPTANCE, reviewer, TASK_REVIEW_EVIDENCE, comment);
      case IMPLEMENTED -> { /* Task_CloseAsImplemented closes it, once this decision has committed. */ }
    }
  }

  private void refuseSubmitter(Recommendation recommendation, String user) {
    if (user != null && evidence.submittersUnderReview(recommendation.getId()).contains(user)) {
      throw new LifecycleRuleViolation("assignee", actors.nameOf(user)
          + " uploaded or submitted this evidence and cannot review it (four eyes): leave the review to another auditor.");
    }
  }
}
