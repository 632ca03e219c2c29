package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * audit-follow-up, the model on its own: a lifecycle per recommendation, all at once (call activity,
 * parallel multi-instance), and the audit closed when the last of them ends, however it ends. The real
 * steps are tested in AuditFollowUpProcessTest.
 */
class AuditFollowUpModelTest extends ModelTestSupport {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ModelEngine.extension();

  private ProcessInstance issue(Long auditId, int recommendations) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < recommendations; i++) {
      long id = newId();
      standIns.grades.put(id, List.of("ESSENTIAL", "HIGH", "MEDIUM", "LOW").get(i % 4));
      ids.add(id);
    }
    standIns.recommendationsOfAudit.put(auditId, ids);
    return runtimeService.startProcessInstanceByKey(AUDIT_FOLLOW_UP_PROCESS, "AUDIT-" + auditId, Map.of(AUDIT_ID, auditId));
  }

  private List<ProcessInstance> lifecyclesOf(ProcessInstance followUp) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(followUp.getId()).orderByBusinessKey().asc().list();
  }

  @Test
  void eachRecommendationIsFollowedUpAtOnceAndTheAuditClosesWhenTheLastIsClosed() {
    ProcessInstance followUp = issue(11L, 3);
    List<Long> ids = standIns.recommendationsOfAudit.get(11L);

    assertThat(followUp).isWaitingAt("CallActivity_RecommendationLifecycle");
    List<ProcessInstance> lifecycles = lifecyclesOf(followUp);
    assertThat(lifecycles).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(ids.stream().map(ModelStandIns::businessKeyOf).toList());
    for (ProcessInstance lifecycle : lifecycles) {
      assertThat(lifecycle).isWaitingAtExactly(TASK_AGREE_ACTION)
          .variables().containsEntry(RECOMMENDATION_ID, recommendationIdOf(lifecycle))
          .doesNotContainKey(AUDIT_ID);
    }

    ProcessInstance implemented = lifecycles.get(0);
    agree(implemented, TODAY.plusMonths(2));
    submitEvidence(implemented);
    review(implemented, "IMPLEMENTED");
    executeDueJobs(implemented);
    assertThat(implemented).isEnded();

    ProcessInstance riskAccepted = lifecycles.get(1);
    notAgree(riskAccepted);
    decideRisk(riskAccepted, "ACCEPTED");
    executeDueJobs(riskAccepted);
    assertThat(riskAccepted).isEnded();

    assertThat(followUp).as("one recommendation is still open").isWaitingAt("CallActivity_RecommendationLifecycle")
        .hasNotPassed("Task_CloseAudit");
    assertThat(standIns.callsOf("closeAudit")).isEmpty();

    runtimeService.createMessageCorrelation(MESSAGE_SUPERSEDED).processInstanceBusinessKey(lifecycles.get(2).getBusinessKey())
        .correlate();

    assertThat(followUp).isEnded().hasPassed("CallActivity_RecommendationLifecycle", "Task_CloseAudit", "EndEvent_AuditClosed");
    assertThat(standIns.callsOf("closeAudit")).containsExactly("closeAudit 11");
  }

  /** Nothing to follow up: the multi-instance has no instance and the audit closes at once. */
  @Test
  void anAuditWithoutRecommendationsClosesAtOnce() {
    ProcessInstance followUp = issue(13L, 0);

    assertThat(followUp).isEnded().hasPassed("Task_CloseAudit", "EndEvent_AuditClosed");
    assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(followUp.getId()).count()).isZero();
  }

  @Test
  @Order(LAST)
  void everySequenceFlowOfTheAuditFollowUpIsTaken() {
    ModelEngine.assertEveryFlowTaken(deployment, AUDIT_FOLLOW_UP_PROCESS);
  }
}
