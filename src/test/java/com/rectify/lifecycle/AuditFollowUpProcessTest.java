package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.rectify.audit.AuditRepository;
import com.rectify.audit.AuditStatus;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.supersession.Supersession;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** audit-follow-up: one lifecycle per recommendation as children, ending when the last one closes. */
class AuditFollowUpProcessTest extends LifecycleTestSupport {

  @Autowired AuditRepository audits;
  @Autowired Supersession supersession;

  @Test
  void startsALifecyclePerRecommendationAndEndsWhenAllAreClosed() {
    List<Recommendation> recs = newAudit("Olivia Officer", "High", "Medium", "Low");
    Recommendation first = recs.get(0);
    String auditReference = first.getBusinessKey().substring(0, first.getBusinessKey().indexOf('/'));
    ProcessInstance followUp = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("audit-follow-up").processInstanceBusinessKey(auditReference).singleResult();

    assertThat(followUp).isWaitingAt("CallActivity_RecommendationLifecycle");
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(followUp.getId()).list())
        .extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(recs.stream().map(Recommendation::getBusinessKey).toArray(String[]::new));

    agree(recs.get(0), LocalDate.now().plusMonths(1));
    submitEvidence(recs.get(0));
    review(recs.get(0), "alice", "IMPLEMENTED");
    executeJobs(recs.get(0));
    notAgree(recs.get(1));
    decideRisk(recs.get(1), "dan", "ACCEPTED");
    executeJobs(recs.get(1));
    assertThat(followUp).isActive();

    supersession.supersede(recs.get(2).getId(), Supersession.Kind.WITHDRAWN, "Service outsourced.", "helen");

    assertThat(followUp).isEnded().hasPassed("Task_CloseAudit", "EndEvent_AuditClosed");
    assertThat(audits.findByReference(auditReference).orElseThrow().getStatus()).isEqualTo(AuditStatus.CLOSED);
  }
}
