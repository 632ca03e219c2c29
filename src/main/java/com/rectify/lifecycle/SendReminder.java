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
 * Task_SendReminder: the target date is near (Timer_Reminder); the officer is reminded once per target
 * date. A date already passed gets overdue notices instead (Timer_Overdue), not a reminder.
 */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final Notifications notifications;
  private final Today today;

  public SendReminder(RecommendationLookup lookup, Notifications notifications, Today today) {
    this.lookup = lookup;
    this.notifications = notifications;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation rec = lookup.of(execution);
    if (rec.getCurrentTargetDate() == null || OverdueRule.isOverdue(rec, today.date())) {
      return;
    }
    notifications.reminder(rec, execution.getProcessInstanceId());
  }
}
