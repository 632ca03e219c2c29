package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * reporting-cycle, the model on its own: the open recommendations are asked a chunk at a time, each chunk in
 * a job (a transaction) of its own, until a chunk comes back short. The real step, with the register behind
 * it, is tested in ReportingCycleTest.
 */
class ReportingCycleModelTest extends ModelTestSupport {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ModelEngine.extension();

  private List<ProcessInstance> openLifecycles(int count) {
    List<ProcessInstance> lifecycles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ProcessInstance lifecycle = startLifecycle("MEDIUM");
      standIns.openRecommendations.add(lifecycle.getBusinessKey());
      lifecycles.add(lifecycle);
    }
    return lifecycles;
  }

  private ProcessInstance openCycle(Long cycleId) {
    standIns.cycleDeadlines.put(cycleId, TODAY.plusDays(21));
    return runtimeService.startProcessInstanceByKey(REPORTING_CYCLE_PROCESS, "cycle-" + cycleId, Map.of(REPORTING_CYCLE_ID, cycleId));
  }

  /** Executes the cycle's jobs one at a time, checking each leaves the next chunk to a job of its own. */
  private int runChunks(ProcessInstance cycle) {
    int chunks = 0;
    for (Job job = job(cycle); job != null; job = job(cycle)) {
      assertThat(cycle).as("chunk " + (chunks + 1) + " waits for a job of its own").isWaitingAtExactly(TASK_REQUEST_CYCLE_UPDATES);
      managementService.executeJob(job.getId());
      chunks++;
    }
    return chunks;
  }

  private Job job(ProcessInstance cycle) {
    return managementService.createJobQuery().processInstanceId(cycle.getId()).singleResult();
  }

  @Test
  void everyOpenRecommendationIsAskedAChunkAtATime() {
    List<ProcessInstance> lifecycles = openLifecycles(5);
    ProcessInstance cycle = openCycle(31L);
    assertThat(cycle).as("the caller does not wait for the asking").isWaitingAtExactly(TASK_REQUEST_CYCLE_UPDATES);
    assertThat(tasks(lifecycles.get(0), TASK_PROVIDE_PROGRESS_UPDATE)).isEmpty();

    assertThat(runChunks(cycle)).as("2 + 2 + 1").isEqualTo(3);

    assertThat(cycle).isEnded().hasPassed("EndEvent_AllAsked");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId(TASK_REQUEST_CYCLE_UPDATES).count()).isEqualTo(3);
    for (ProcessInstance lifecycle : lifecycles) {
      assertThat(tasks(lifecycle, TASK_PROVIDE_PROGRESS_UPDATE)).as(lifecycle.getBusinessKey()).singleElement()
          .satisfies(task -> assertThat(taskService.getVariable(task.getId(), REPORTING_CYCLE_ID)).isEqualTo(31L));
    }
  }

  @Test
  void aFullLastChunkIsFollowedByAnEmptyOne() {
    openLifecycles(4);
    ProcessInstance cycle = openCycle(32L);

    assertThat(runChunks(cycle)).as("2 + 2 + 0: a full chunk cannot tell that nothing follows").isEqualTo(3);
    assertThat(cycle).isEnded().hasPassed("EndEvent_AllAsked");
  }

  @Test
  void withNothingOpenTheCycleEndsAfterOneLook() {
    ProcessInstance cycle = openCycle(33L);

    assertThat(runChunks(cycle)).isEqualTo(1);
    assertThat(cycle).isEnded().hasPassed("EndEvent_AllAsked");
    assertThat(standIns.callsOf("requestCycleUpdates")).containsExactly("requestCycleUpdates 33");
  }

  @Test
  @Order(LAST)
  void everySequenceFlowOfTheReportingCycleIsTaken() {
    ModelEngine.assertEveryFlowTaken(deployment, REPORTING_CYCLE_PROCESS);
  }
}
