package com.rectify.recommendation;

import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Finds the recommendation a process step works on: the one whose reference is the lifecycle's business
 * key. The business key is set when Rectify starts the lifecycle and nobody can change it afterwards, so a
 * step never acts on another recommendation because of a variable someone wrote.
 */
@Component
public class RecommendationLookup {

  private final RecommendationRepository recommendations;
  private final EntityManager entityManager;

  public RecommendationLookup(RecommendationRepository recommendations, EntityManager entityManager) {
    this.recommendations = recommendations;
    this.entityManager = entityManager;
  }

  public Recommendation of(VariableScope scope) {
    String businessKey = businessKeyOf(scope);
    if (businessKey == null) {
      throw new IllegalStateException("This process has no business key, so it names no recommendation");
    }
    // By its natural id: one the transaction has loaded already (by id, by key, or just written) is found without a query.
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Recommendation.class).loadOptional(businessKey)
        .orElseThrow(() -> new IllegalStateException("No recommendation has the reference " + businessKey));
  }

  public Recommendation byId(Long id) {
    return recommendations.findById(id)
        .orElseThrow(() -> new IllegalStateException("Recommendation " + id + " does not exist"));
  }

  private static String businessKeyOf(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    }
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessBusinessKey();
    }
    throw new IllegalArgumentException("A recommendation is found from a task or an execution, not " + scope.getClass().getName());
  }
}
