package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.REPORTING_CYCLE_ID;

import com.rectify.notification.UpdateRequestDigest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendUpdateRequests (process {@code reporting-cycle}, asynchronous): every chunk is asked, so each person the
 * cycle's update tasks are offered to gets one mail naming all theirs, not one a task.
 */
@Component("sendUpdateRequests")
class SendUpdateRequests implements JavaDelegate {

  private final UpdateRequestDigest digest;

  public SendUpdateRequests(UpdateRequestDigest digest) {
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    digest.send(((Number) execution.getVariable(REPORTING_CYCLE_ID)).longValue());
  }
}
