package com.rectify.lifecycle;

import com.rectify.common.Today;
import com.rectify.notification.Notifications;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateOverdue (Timer_Overdue, repeating): tells the officer the action is overdue and the
 * policy's escalation groups — the service's managers and, for higher grades, further up — that it is.
 */
@Component("escalateOverdue")
class EscalateOverdue implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final Notifications notifications;
  private final FollowUpTimers timers;
  private final Today today;

  public EscalateOverdue(RecommendationLookup lookup, Notifications notifications, FollowUpTimers timers, Today today) {
    this.lookup = lookup;
    this.notifications = notifications;
    this.timers = timers;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation rec = lookup.of(execution);
    if (!OverdueRule.isOverdue(rec, today.date())) {
      return;
    }
    notifications.overdue(rec, execution.getProcessInstanceId(), today.date(), timers.policy(rec.getGrade().name()).escalationGroups());
  }
}
