package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.REPORTING_CYCLE_ID;

import com.rectify.cycle.ReportingCycles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAllAsked (process {@code reporting-cycle}): every chunk is asked, and the cycle says so from now. */
@Component("recordAllAsked")
class RecordAllAsked implements JavaDelegate {

  private final ReportingCycles cycles;

  public RecordAllAsked(ReportingCycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cycles.recordAllAsked(((Number) execution.getVariable(REPORTING_CYCLE_ID)).longValue());
  }
}
