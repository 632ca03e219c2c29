package com.rectify.lifecycle;

import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterRecommendation: gives the engine the little it routes on (the grade). */
@Component("registerRecommendation")
public class RegisterRecommendation implements JavaDelegate {

  private final RecommendationLookup lookup;

  public RegisterRecommendation(RecommendationLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    execution.setVariable(LifecycleVariables.GRADE, recommendation.getGrade().name());
  }
}
