package com.rectify.lifecycle;

import com.rectify.notification.Notifications;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendReminder: the target date is near (Timer_Reminder); the officer is reminded once per target date. */
@Component("sendReminder")
public class SendReminder implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final Notifications notifications;

  public SendReminder(RecommendationLookup lookup, Notifications notifications) {
    this.lookup = lookup;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.reminder(lookup.of(execution), execution.getProcessInstanceId());
  }
}
