package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.TaskActor;
import com.rectify.common.Today;
import com.rectify.common.LifecycleVariables.Agreement;
import com.rectify.common.LifecycleVariables.RiskDecision;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.risk.RiskAcceptance;
import com.rectify.recommendation.risk.RiskAcceptanceRepository;
import com.rectify.recommendation.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_AcceptResidualRisk: a member of the group the decision table names for the grade accepts the risk
 * formally, or refuses and sends the recommendation back. A lead officer cannot accept their own risk.
 */
@Component("acceptResidualRisk")
class AcceptResidualRisk implements TaskListener {

  private final RecommendationLookup lookup;
  private final StatusHistory history;
  private final TaskActor actors;
  private final RiskAcceptanceRepository acceptances;
  private final Today today;

  public AcceptResidualRisk(RecommendationLookup lookup, StatusHistory history, TaskActor actors,
      RiskAcceptanceRepository acceptances, Today today) {
    this.lookup = lookup;
    this.history = history;
    this.actors = actors;
    this.acceptances = acceptances;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    String decider = actors.required(task, "decide on the residual risk");
    Recommendation recommendation = lookup.of(task);
    String acceptorGroup = (String) task.getVariable(RISK_ACCEPTOR_GROUP);
    actors.requireMembership(decider, acceptorGroup, "decide on the risk of a " + recommendation.getGrade().label() + " recommendation");
    if (recommendation.isLeadOfficer(decider)) {
      throw new LifecycleRuleViolation("assignee", actors.nameOf(decider)
          + " is a lead officer for this recommendation and cannot accept its risk (four eyes): another member of the"
          + " deciding group must.");
    }
    FormInput input = new FormInput(task);
    RiskDecision decision = input.choice(RISK_DECISION, RiskDecision.class);
    String rationale = input.requiredText(RISK_RATIONALE, "The rationale");
    acceptances.save(new RiskAcceptance(recommendation.getId(), RiskAcceptance.Decision.valueOf(decision.name()),
        rationale, acceptorGroup, recommendation.getGrade(), decider, today.now().toInstant()));
    if (decision == RiskDecision.REFUSED) {
      boolean agreed = Agreement.AGREED.name().equals(task.getVariable(AGREEMENT));
      history.record(recommendation,
          agreed ? RecommendationStatus.IN_IMPLEMENTATION : RecommendationStatus.AWAITING_AGREEMENT,
          decider, TASK_ACCEPT_RESIDUAL_RISK, "Risk not accepted: " + rationale);
    }
  }
}
