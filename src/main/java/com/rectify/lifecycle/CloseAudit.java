package com.rectify.lifecycle;

import com.rectify.audit.AuditRepository;
import com.rectify.common.LifecycleVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseAudit: every recommendation of the audit is closed, so its follow-up is done. */
@Component("closeAudit")
class CloseAudit implements JavaDelegate {

  private final AuditRepository audits;

  public CloseAudit(AuditRepository audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long auditId = ((Number) execution.getVariable(LifecycleVariables.AUDIT_ID)).longValue();
    audits.findById(auditId).orElseThrow(() -> new IllegalStateException("Audit " + auditId + " does not exist")).close();
  }
}
