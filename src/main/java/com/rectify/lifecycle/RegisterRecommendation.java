package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterRecommendation: gives the engine the little it routes on (the grade), once per
 * recommendation: a closed recommendation is not reopened, and one that is already followed up is not
 * followed up twice, however the second start came about.
 */
@Component("registerRecommendation")
class RegisterRecommendation implements JavaDelegate {

  private final RecommendationLookup lookup;

  public RegisterRecommendation(RecommendationLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    if (recommendation.getStatus().isClosed()) {
      throw new LifecycleRuleViolation("recommendation", "Recommendation " + recommendation.getBusinessKey()
          + " is closed (" + recommendation.getStatus().label().toLowerCase() + "); it is not followed up again.");
    }
    boolean another = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LifecycleVariables.LIFECYCLE_PROCESS)
        .processInstanceBusinessKey(recommendation.getBusinessKey()).list().stream()
        .anyMatch(instance -> !instance.getId().equals(execution.getProcessInstanceId()));
    if (another) {
      throw new LifecycleRuleViolation("recommendation", "Recommendation " + recommendation.getBusinessKey()
          + " is already being followed up; it has one lifecycle only.");
    }
    execution.setVariable(LifecycleVariables.GRADE, recommendation.getGrade().name());
  }
}
