package com.rectify.lifecycle;

import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_PrepareRevisionApproval: gives this approval its own variables (which revision, which number),
 * local to the event sub-process so that approvals never see each other's.
 */
@Component("prepareRevisionApproval")
class PrepareRevisionApproval implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final TargetDateRevisionRepository revisions;

  public PrepareRevisionApproval(RecommendationLookup lookup, TargetDateRevisionRepository revisions) {
    this.lookup = lookup;
    this.revisions = revisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    TargetDateRevision revision = revisions
        .findFirstByRecommendationIdAndDecision(recommendation.getId(), RevisionDecision.PENDING)
        .orElseThrow(() -> new IllegalStateException(
            "No pending revised target date for " + recommendation.getBusinessKey()));
    execution.setVariableLocal(REVISION_ID, revision.getId());
    execution.setVariableLocal(REVISION_NUMBER, revision.getRevisionNumber());
    execution.setVariableLocal(APPROVER_GROUP, null);
    execution.setVariableLocal(REVISION_DECISION, null);
  }
}
