package com.rectify.lifecycle;

import static com.rectify.recommendation.RecommendationStatus.AWAITING_AGREEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

/**
 * The engine and the register share one DataSource and one transaction: when a step fails after the
 * officer's completion wrote its rows, the task, the flow and the rows are all as they were.
 */
class TransactionRollbackTest extends LifecycleTestSupport {

  @Test
  void aFailureLaterInTheStepUndoesTheEngineAndTheRegister() {
    Recommendation rec = newRecommendation("Medium");
    // The risk-acceptor table has no row for this grade, so the step after the officer's decision fails.
    runtimeService.setVariable(instanceOf(rec).getId(), LifecycleVariables.GRADE, "UNGRADED");
    long changesBefore = statusChanges.count();
    String taskBefore = task(rec, "Task_AgreeAction").getId();

    assertThatThrownBy(() -> notAgree(rec)).isNotNull();

    assertThat(task(rec, "Task_AgreeAction").getId()).isEqualTo(taskBefore);
    assertThat(instanceOf(rec)).isWaitingAt("Task_AgreeAction");
    assertThat(statusOf(rec)).isEqualTo(AWAITING_AGREEMENT);
    assertThat(reload(rec).getNotAgreedReason()).isNull();
    assertThat(statusChanges.count()).isEqualTo(changesBefore);
    assertThat(runtimeService.getVariable(instanceOf(rec).getId(), LifecycleVariables.AGREEMENT)).isNull();
  }
}
