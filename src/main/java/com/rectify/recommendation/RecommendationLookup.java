package com.rectify.recommendation;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import static com.rectify.lifecycle.LifecycleVariables.RECOMMENDATION_ID;

/** Finds the recommendation a process step works on. */
@Component
public class RecommendationLookup {

  private final RecommendationRepository recommendations;

  public RecommendationLookup(RecommendationRepository recommendations) {
    this.recommendations = recommendations;
  }

  public Recommendation of(VariableScope scope) {
    Object id = scope.getVariable(RECOMMENDATION_ID);
    if (id == null) {
      throw new IllegalStateException("Process variable '" + RECOMMENDATION_ID + "' is missing");
    }
    return byId(((Number) id).longValue());
  }

  public Recommendation byId(Long id) {
    return recommendations.findById(id)
        .orElseThrow(() -> new IllegalStateException("Recommendation " + id + " does not exist"));
  }
}
