package com.rectify.lifecycle;

import com.rectify.common.LifecycleVariables;
import com.rectify.common.TaskActor;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseAsSuperseded: ends the lifecycle of a recommendation superseded or withdrawn by audit. */
@Component("closeAsSuperseded")
class CloseAsSuperseded implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final StatusHistory history;

  public CloseAsSuperseded(RecommendationLookup lookup, StatusHistory history) {
    this.lookup = lookup;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    Object by = execution.getVariable(LifecycleVariables.SUPERSEDED_BY);
    history.record(recommendation, RecommendationStatus.CLOSED_SUPERSEDED, by == null ? TaskActor.SYSTEM : by.toString(),
        LifecycleVariables.TASK_CLOSE_AS_SUPERSEDED, recommendation.getClosureReason());
  }
}
