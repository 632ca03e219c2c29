package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * reporting-cycle, the model on its own: the open recommendations are divided into chunks, and every chunk is
 * asked at the same time, each in a job (a transaction) of its own that any thread or node may take. The real
 * steps, with the register behind them, are tested in ReportingCycleTest.
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

  private List<Job> jobs(ProcessInstance cycle) {
    return managementService.createJobQuery().processInstanceId(cycle.getId()).list();
  }

  /** Divides the open recommendations (the cycle's first job) and returns the chunks' jobs, all there at once. */
  private List<Job> divide(ProcessInstance cycle) {
    assertThat(cycle).as("the caller does not wait for the dividing").isWaitingAtExactly(TASK_DIVIDE_INTO_CHUNKS);
    managementService.executeJob(jobs(cycle).get(0).getId());
    return jobs(cycle);
  }

  /** Executes every job the cycle has until it has none, in the order given: last first, as another node might. */
  private void runTheRest(ProcessInstance cycle) {
    for (List<Job> due = jobs(cycle); !due.isEmpty(); due = jobs(cycle)) {
      List<Job> lastFirst = new ArrayList<>(due);
      Collections.reverse(lastFirst);
      for (Job job : lastFirst) {
        managementService.executeJob(job.getId());
      }
    }
  }

  @Test
  void everyChunkIsAskedAtOnceInAJobOfItsOwnThatAnyNodeMayTake() {
    List<ProcessInstance> lifecycles = openLifecycles(5);
    ProcessInstance cycle = openCycle(31L);
    List<Job> chunks = divide(cycle);

    assertThat(chunks).as("2 + 2 + 1, all waiting at once").hasSize(3);
    assertThat(cycle).isWaitingAt(TASK_REQUEST_CYCLE_UPDATES);
    assertThat(chunks).as("not exclusive: the job executors of every node may take them at the same time")
        .allSatisfy(job -> assertThat(((JobEntity) job).isExclusive()).isFalse());
    assertThat(tasks(lifecycles.get(0), TASK_PROVIDE_PROGRESS_UPDATE)).isEmpty();
    runTheRest(cycle);

    assertThat(cycle).isEnded().hasPassed(TASK_RECORD_ALL_ASKED, TASK_SEND_UPDATE_REQUESTS, "EndEvent_AllAsked");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
        .activityId(TASK_REQUEST_CYCLE_UPDATES).count()).isEqualTo(3);
    assertThat(standIns.callsOf("requestCycleUpdates")).containsExactlyInAnyOrder(
        "requestCycleUpdates 31 chunk 0", "requestCycleUpdates 31 chunk 1", "requestCycleUpdates 31 chunk 2");
    assertThat(standIns.callsOf("recordAllAsked")).as("once, after the last chunk").containsExactly("recordAllAsked 31");
    assertThat(standIns.callsOf("sendUpdateRequests")).as("once, when all are asked").containsExactly("sendUpdateRequests 31");
    for (ProcessInstance lifecycle : lifecycles) {
      assertThat(tasks(lifecycle, TASK_PROVIDE_PROGRESS_UPDATE)).as(lifecycle.getBusinessKey()).singleElement()
          .satisfies(task -> assertThat(taskService.getVariable(task.getId(), REPORTING_CYCLE_ID)).isEqualTo(31L));
    }
  }

  @Test
  void aFullLastChunkNeedsNoEmptyOneAfterIt() {
    openLifecycles(4);
    ProcessInstance cycle = openCycle(32L);

    assertThat(divide(cycle)).as("2 + 2").hasSize(2);
    runTheRest(cycle);
    assertThat(cycle).isEnded().hasPassed("EndEvent_AllAsked");
  }

  @Test
  void aRecommendationOpenedWhileTheCycleIsAskedIsAskedByTheLastChunk() {
    openLifecycles(3);
    ProcessInstance cycle = openCycle(34L);
    assertThat(divide(cycle)).hasSize(2);

    ProcessInstance later = openLifecycles(1).get(0);
    runTheRest(cycle);

    assertThat(tasks(later, TASK_PROVIDE_PROGRESS_UPDATE)).as("opened after the dividing").hasSize(1);
  }

  @Test
  void withNothingOpenTheCycleEndsAfterOneLook() {
    ProcessInstance cycle = openCycle(33L);

    assertThat(divide(cycle)).hasSize(1);
    runTheRest(cycle);
    assertThat(cycle).isEnded().hasPassed("EndEvent_AllAsked");
    assertThat(standIns.callsOf("divideIntoChunks")).containsExactly("divideIntoChunks 33");
    assertThat(standIns.callsOf("requestCycleUpdates")).containsExactly("requestCycleUpdates 33 chunk 0");
    assertThat(standIns.callsOf("recordAllAsked")).containsExactly("recordAllAsked 33");
  }

  @Test
  void theChunksStartAfterEverySizethIdSoNoneIsEmptyAndNoneIsMissed() {
    assertThat(DivideIntoChunks.starts(List.of(), 2)).containsExactly(0L);
    assertThat(DivideIntoChunks.starts(List.of(7L), 2)).containsExactly(0L);
    assertThat(DivideIntoChunks.starts(List.of(7L, 9L), 2)).containsExactly(0L);
    assertThat(DivideIntoChunks.starts(List.of(7L, 9L, 12L), 2)).containsExactly(0L, 9L);
    assertThat(DivideIntoChunks.starts(List.of(7L, 9L, 12L, 20L, 21L), 2)).containsExactly(0L, 9L, 20L);
  }

  @Test
  @Order(LAST)
  void everySequenceFlowOfTheReportingCycleIsTaken() {
    ModelEngine.assertEveryFlowTaken(deployment, REPORTING_CYCLE_PROCESS);
  }
}
