package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.LifecycleVariables;
import com.rectify.notification.Notifications;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.risk.RiskAcceptance;
import com.rectify.recommendation.risk.RiskAcceptanceRepository;
import com.rectify.recommendation.StatusHistory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseAsRiskAccepted: closes on the strength of the latest, accepting, risk decision. */
@Component("closeAsRiskAccepted")
class CloseAsRiskAccepted implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final StatusHistory history;
  private final RiskAcceptanceRepository acceptances;
  private final Notifications notifications;

  public CloseAsRiskAccepted(RecommendationLookup lookup, StatusHistory history, RiskAcceptanceRepository acceptances,
      Notifications notifications) {
    this.lookup = lookup;
    this.history = history;
    this.acceptances = acceptances;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation recommendation = lookup.of(execution);
    List<RiskAcceptance> decisions = acceptances.findByRecommendationIdOrderByIdAsc(recommendation.getId());
    RiskAcceptance latest = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    if (latest == null || latest.getDecision() != RiskAcceptance.Decision.ACCEPTED) {
      throw new LifecycleRuleViolation(LifecycleVariables.RISK_DECISION, "Recommendation "
          + recommendation.getBusinessKey() + " cannot close as risk accepted: no senior officer has accepted the risk.");
    }
    history.record(recommendation, RecommendationStatus.CLOSED_RISK_ACCEPTED, latest.getDecidedBy(),
        LifecycleVariables.TASK_CLOSE_AS_RISK_ACCEPTED, latest.getRationale());
    notifications.closed(recommendation, execution.getProcessInstanceId(), false, latest.getDecidedBy());
  }
}
