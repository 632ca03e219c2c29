package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.common.LifecycleVariables;
import com.rectify.common.Today;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A model test: the BPMN, DMN and form files deployed as the application deploys them, on the bare engine
 * ({@link ModelEngine}), with stand-ins for the beans they name ({@link ModelStandIns}). Each class ends with a
 * test, ordered last, that every sequence flow of its process was taken by the tests before it. Each class
 * registers its own {@code ModelEngine.extension()}: the extension forgets its engine's services after a class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ModelTestSupport {

  /** The order of the test that checks every path was taken: after all the others. */
  static final int LAST = Integer.MAX_VALUE;
  /** The engine's today in every model test, so that timers fall on known days. */
  static final LocalDate TODAY = LocalDate.of(2030, 4, 1);
  static final LocalTime NOW = LocalTime.of(10, 0);

  static Deployment deployment;
  private static long lastId;

  protected ProcessEngine processEngine;
  protected RuntimeService runtimeService;
  protected TaskService taskService;
  protected ManagementService managementService;
  protected HistoryService historyService;
  protected FormService formService;
  protected ModelStandIns standIns;

  @BeforeAll
  static void deployTheModels() {
    ModelEngine.forgetFlowsTaken();
    deployment = ModelEngine.deployTheModels();
  }

  @AfterAll
  static void undeployTheModels() {
    ModelEngine.undeploy(deployment);
    deployment = null;
  }

  @BeforeEach
  void standIns() {
    processEngine = ModelEngine.engine();
    runtimeService = processEngine.getRuntimeService();
    taskService = processEngine.getTaskService();
    managementService = processEngine.getManagementService();
    historyService = processEngine.getHistoryService();
    formService = processEngine.getFormService();
    BpmnAwareTests.init(processEngine);
    standIns = new ModelStandIns().register();
    moveClockTo(TODAY, NOW);
  }

  @AfterEach
  void forgetStandIns() {
    ModelStandIns.unregister();
    ClockUtil.reset();
  }

  /** A recommendation id no other test of this JVM uses. */
  static synchronized long newId() {
    return ++lastId;
  }

  /** Starts a lifecycle, as the audit or an import starts one: business key and recommendation id. */
  protected ProcessInstance startLifecycle(String grade) {
    long id = newId();
    standIns.grades.put(id, grade);
    return runtimeService.startProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS, ModelStandIns.businessKeyOf(id),
        Map.of(LifecycleVariables.RECOMMENDATION_ID, id));
  }

  protected static Long recommendationIdOf(ProcessInstance instance) {
    return Long.valueOf(instance.getBusinessKey().substring("REC-".length()));
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  protected List<Task> tasks(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** Completes the one open task of that kind with the form's answers, after checking its form is deployed. */
  protected void complete(ProcessInstance instance, String taskKey, Object... keyValues) {
    Task task = task(instance, taskKey);
    assertThat(task).as("an open " + taskKey + " in " + instance.getBusinessKey()).isNotNull();
    complete(task, keyValues);
  }

  protected void complete(Task task, Object... keyValues) {
    assertThat(formService.getDeployedTaskForm(task.getId())).as("the deployed form of " + task.getTaskDefinitionKey())
        .isNotNull();
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    taskService.complete(task.getId(), variables);
  }

  protected void agree(ProcessInstance instance, LocalDate targetDate) {
    complete(instance, LifecycleVariables.TASK_AGREE_ACTION, "agreement", "AGREED", "agreedAction", "We will do it.",
        "targetDate", targetDate.toString());
  }

  protected void notAgree(ProcessInstance instance) {
    complete(instance, LifecycleVariables.TASK_AGREE_ACTION, "agreement", "NOT_AGREED", "notAgreedReason", "Too costly.");
  }

  protected void submitEvidence(ProcessInstance instance) {
    complete(instance, LifecycleVariables.TASK_IMPLEMENT_ACTION, "implementationStep", "EVIDENCE_SUBMITTED");
  }

  protected void review(ProcessInstance instance, String outcome) {
    complete(instance, LifecycleVariables.TASK_REVIEW_EVIDENCE, "reviewOutcome", outcome, "reviewComment", "Reviewed.");
  }

  protected void decideRisk(ProcessInstance instance, String decision) {
    complete(instance, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK, "riskDecision", decision, "riskRationale", "Considered.");
  }

  /** Runs every job of the instance that is due now, as the job executor would, until none is left due. */
  protected int executeDueJobs(ProcessInstance instance) {
    int executed = 0;
    for (List<Job> due = dueJobs(instance); !due.isEmpty(); due = dueJobs(instance)) {
      for (Job job : due) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  private List<Job> dueJobs(ProcessInstance instance) {
    Date now = ClockUtil.getCurrentTime();
    return managementService.createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(job -> job.getDuedate() == null || !job.getDuedate().after(now)).toList();
  }

  protected List<Job> timers(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).list();
  }

  protected static void moveClockTo(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(ModelStandIns.at(day, time));
  }

  protected static Date endOfDay(LocalDate day) {
    return Today.endOfDay(day);
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).sorted().toList();
  }

  protected List<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getUserId() != null).map(IdentityLink::getUserId).toList();
  }
}
