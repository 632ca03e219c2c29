package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.GRADE;
import static com.rectify.common.LifecycleVariables.RISK_ACCEPTOR_GROUP;

import com.rectify.common.AsApplication;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_DetermineRiskAcceptor (end): the group the decision table named decides the risk only if someone in it may;
 * a lead officer may not accept the risk of their own recommendation. When every member of the group leads this
 * recommendation (or the group is empty), the table's next tier is asked, and so on while the table names one.
 */
@Component("chooseRiskAcceptor")
class ChooseRiskAcceptor implements ExecutionListener {

  static final String TIER = "riskAcceptorTier";
  private static final String DECISION = "RiskAcceptor";

  private final RecommendationLookup lookup;
  private final IdentityService identities;
  private final RepositoryService repository;
  private final DecisionService decisions;
  private final AsApplication asApplication;

  ChooseRiskAcceptor(RecommendationLookup lookup, IdentityService identities, RepositoryService repository,
      DecisionService decisions, AsApplication asApplication) {
    this.lookup = lookup;
    this.identities = identities;
    this.repository = repository;
    this.decisions = decisions;
    this.asApplication = asApplication;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    String group = (String) execution.getVariable(RISK_ACCEPTOR_GROUP);
    int tier = ((Number) execution.getVariable(TIER)).intValue();
    String chosen = asApplication.read(() -> {
      String current = group;
      for (int next = tier + 1; current != null && !anyoneMayDecide(current, recommendation); next++) {
        String higher = nextTier(execution, next);
        if (higher == null) {
          break;
        }
        current = higher;
      }
      return current;
    });
    if (!chosen.equals(group)) {
      execution.setVariable(RISK_ACCEPTOR_GROUP, chosen);
    }
  }

  private boolean anyoneMayDecide(String group, Recommendation recommendation) {
    return identities.createUserQuery().memberOfGroup(group).list().stream()
        .anyMatch(user -> !recommendation.isLeadOfficer(user.getId()));
  }

  /** The group the table deployed with this process names for the tier, or null when it names none. */
  private String nextTier(DelegateExecution execution, int tier) {
    String deployment = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
    DecisionDefinition table = repository.createDecisionDefinitionQuery().deploymentId(deployment).decisionDefinitionKey(DECISION)
        .singleResult();
    var result = decisions.evaluateDecisionTableById(table.getId(), Variables.createVariables()
        .putValue(GRADE, execution.getVariable(GRADE)).putValue(TIER, tier));
    return result.isEmpty() ? null : (String) result.getSingleEntry();
  }
}
