package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.REPORTING_CYCLE_ID;
import static com.rectify.common.LifecycleVariables.TASK_SEND_UPDATE_REQUESTS;

import com.rectify.cycle.ReportingCycles;
import com.rectify.notification.UpdateRequestDigest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAllAsked (process {@code reporting-cycle}): every chunk is asked, and the cycle says so from now. A
 * cycle of version 2.0.0, still asking when a later version came, has no Task_SendUpdateRequests after this step,
 * while its last chunks' tasks were made without a mail of their own: this step sends their people the mail.
 */
@Component("recordAllAsked")
class RecordAllAsked implements JavaDelegate {

  private final ReportingCycles cycles;
  private final UpdateRequestDigest digest;

  public RecordAllAsked(ReportingCycles cycles, UpdateRequestDigest digest) {
    this.cycles = cycles;
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long cycleId = ((Number) execution.getVariable(REPORTING_CYCLE_ID)).longValue();
    cycles.recordAllAsked(cycleId);
    if (execution.getBpmnModelInstance().getModelElementById(TASK_SEND_UPDATE_REQUESTS) == null) {
      digest.send(cycleId);
    }
  }
}
