package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.LifecycleVariables;
import com.rectify.evidence.EvidenceSubmission;
import com.rectify.evidence.ReviewDecision;
import com.rectify.evidence.ReviewDecisionRepository;
import com.rectify.evidence.ReviewOutcome;
import com.rectify.notification.Notifications;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseAsImplemented: only with evidence that an auditor reviewed and accepted. */
@Component("closeAsImplemented")
class CloseAsImplemented implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final StatusHistory history;
  private final ReviewDecisionRepository decisions;
  private final EvidenceSubmission evidence;
  private final Notifications notifications;

  public CloseAsImplemented(RecommendationLookup lookup, StatusHistory history, ReviewDecisionRepository decisions,
      EvidenceSubmission evidence, Notifications notifications) {
    this.lookup = lookup;
    this.history = history;
    this.decisions = decisions;
    this.evidence = evidence;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    ReviewDecision decision = decisions.findFirstByRecommendationIdOrderByIdDesc(recommendation.getId())
        .filter(latest -> latest.getOutcome() == ReviewOutcome.IMPLEMENTED)
        .filter(latest -> evidence.hasAcceptedEvidence(recommendation.getId(), latest.getId()))
        .orElseThrow(() -> new LifecycleRuleViolation(LifecycleVariables.REVIEW_OUTCOME, "Recommendation "
            + recommendation.getBusinessKey() + " cannot close as implemented: no evidence was accepted by an auditor."));
    history.record(recommendation, RecommendationStatus.CLOSED_IMPLEMENTED, decision.getReviewer(),
        LifecycleVariables.TASK_CLOSE_AS_IMPLEMENTED, decision.getComment());
    notifications.closed(recommendation, execution.getProcessInstanceId(), true, decision.getReviewer());
  }
}
