package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.*;

import com.rectify.common.Today;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the beans the BPMN files name, for the model tests: each does only what the model needs
 * of it (sets the variables the real step sets for the gateways and decision tables, answers fixed groups
 * and dates) and notes that it was called. The real steps, with the register behind them, are tested on the
 * application's engine (RecommendationLifecycleProcessTest and others); here the subject is the model.
 *
 * <p>The "register" is a few maps by recommendation id that a test fills in: grade, target date,
 * recommendations of an audit, open recommendations for a reporting cycle.
 */
public final class ModelStandIns {

  /** The officer the routing names; the service's officers' group; the reminder and overdue policy. */
  public static final String OFFICER = "olivia";
  public static final String OFFICERS_GROUP = "finance-officers";
  public static final int REMINDER_LEAD_DAYS = 14;
  public static final String REPEAT_INTERVAL = "P7D";
  static final LocalTime SEND_AT = LocalTime.of(9, 0);
  static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

  final Map<Long, String> grades = new HashMap<>();
  final Map<Long, LocalDate> targetDates = new HashMap<>();
  final Map<Long, LocalDate> requestedDates = new HashMap<>();
  final Map<Long, Integer> revisionCounts = new HashMap<>();
  final Map<Long, List<Long>> recommendationsOfAudit = new HashMap<>();
  final Map<Long, LocalDate> cycleDeadlines = new HashMap<>();
  /** Business keys of the open recommendations a reporting cycle asks, in the order it asks them. */
  final List<String> openRecommendations = new ArrayList<>();
  int cycleChunkSize = 2;
  /** "bean recommendationId" (or "bean cycleId"), in the order the model called them. */
  final List<String> calls = new ArrayList<>();

  /** Registers every stand-in under the name the BPMN uses (for this thread, which also executes the jobs). */
  ModelStandIns register() {
    Mocks.register("taskRouting", new TaskRouting());
    Mocks.register("followUpTimers", new FollowUpTimers());
    Mocks.register("reportingCycles", new ReportingCycles());
    Mocks.register("auditFollowUp", new AuditFollowUp());

    Mocks.register("registerRecommendation", (JavaDelegate) execution -> {
      called("registerRecommendation", execution);
      execution.setVariable(GRADE, grades.get(recommendationId(execution)));
    });
    Mocks.register("prepareRevisionApproval", (JavaDelegate) execution -> {
      called("prepareRevisionApproval", execution);
      int number = revisionCounts.getOrDefault(recommendationId(execution), 0);
      execution.setVariableLocal(REVISION_ID, (long) number);
      execution.setVariableLocal(REVISION_NUMBER, number);
      execution.setVariableLocal(APPROVER_GROUP, null);
      execution.setVariableLocal(REVISION_DECISION, null);
    });
    Mocks.register("applyRevisedTargetDate", (JavaDelegate) execution -> {
      called("applyRevisedTargetDate", execution);
      Long id = recommendationId(execution);
      targetDates.put(id, requestedDates.remove(id));
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE_TARGET_DATE_REVISED)
          .processInstanceId(execution.getProcessInstanceId()).correlateAll();
    });
    Mocks.register("divideIntoChunks", (JavaDelegate) this::divideIntoChunks);
    Mocks.register("requestCycleUpdates", (JavaDelegate) this::requestCycleUpdates);
    Mocks.register("recordAllAsked", (JavaDelegate) execution -> calls.add("recordAllAsked " + execution.getVariable(REPORTING_CYCLE_ID)));
    Mocks.register("sendUpdateRequests", (JavaDelegate) execution -> calls.add("sendUpdateRequests " + execution.getVariable(REPORTING_CYCLE_ID)));
    for (String step : List.of("sendReminder", "escalateOverdue", "closeAsImplemented", "closeAsRiskAccepted",
        "closeAsSuperseded")) {
      Mocks.register(step, (JavaDelegate) execution -> called(step, execution));
    }
    Mocks.register("flagNoUpdate", (JavaDelegate) execution -> calls.add("flagNoUpdate " + execution.getVariable(RECOMMENDATION_ID)
        + " for cycle " + execution.getVariable(REPORTING_CYCLE_ID)));
    Mocks.register("provideProgressUpdate", (TaskListener) task -> calls.add("provideProgressUpdate "
        + task.getVariable(RECOMMENDATION_ID) + " for cycle " + task.getVariable(REPORTING_CYCLE_ID)));
    Mocks.register("closeAudit", (JavaDelegate) execution -> calls.add("closeAudit " + execution.getVariable(AUDIT_ID)));

    Mocks.register("taskBrief", (TaskListener) this::taskBrief);
    Mocks.register("agreeAction", (TaskListener) this::agreeAction);
    Mocks.register("implementAction", (TaskListener) this::implementAction);
    for (String listener : List.of("taskAssignedNotice", "reviewEvidence", "acceptResidualRisk", "approveRevisedDate")) {
      Mocks.register(listener, (TaskListener) task -> called(listener, task));
    }
    // Who of the named group may decide depends on its members: the real step is tested with them.
    Mocks.register("chooseRiskAcceptor", (ExecutionListener) execution -> called("chooseRiskAcceptor", execution));
    return this;
  }

  static void unregister() {
    Mocks.reset();
  }

  List<String> callsOf(String bean) {
    return calls.stream().filter(call -> call.startsWith(bean + " ")).toList();
  }

  /** As the real brief does: the answer given the previous time round is cleared when a task is opened again. */
  private void taskBrief(DelegateTask task) {
    called("taskBrief", task);
    String previousAnswer = Map.of(TASK_AGREE_ACTION, AGREEMENT, TASK_IMPLEMENT_ACTION, IMPLEMENTATION_STEP,
        TASK_REVIEW_EVIDENCE, REVIEW_OUTCOME, TASK_ACCEPT_RESIDUAL_RISK, RISK_DECISION).get(task.getTaskDefinitionKey());
    if (previousAnswer != null) {
      task.removeVariable(previousAnswer);
    }
    task.setVariableLocal(TASK_BRIEF, "Brief for " + task.getTaskDefinitionKey());
  }

  /** The agreed target date goes into the register, where the timers read it. */
  private void agreeAction(DelegateTask task) {
    called("agreeAction", task);
    if (Agreement.AGREED.name().equals(task.getVariable(AGREEMENT))) {
      targetDates.put(recommendationId(task), LocalDate.parse((String) task.getVariable(TARGET_DATE)));
    }
  }

  /** A revised date asked for becomes the recommendation's next revision, pending approval. */
  private void implementAction(DelegateTask task) {
    called("implementAction", task);
    if (ImplementationStep.REVISION_REQUESTED.name().equals(task.getVariable(IMPLEMENTATION_STEP))) {
      Long id = recommendationId(task);
      revisionCounts.merge(id, 1, Integer::sum);
      requestedDates.put(id, LocalDate.parse((String) task.getVariable(REQUESTED_TARGET_DATE)));
      task.removeVariable(REQUESTED_TARGET_DATE);
    }
  }

  /** The open recommendations divided as the real step divides them, their places in the list standing for ids. */
  private void divideIntoChunks(DelegateExecution execution) {
    calls.add("divideIntoChunks " + execution.getVariable(REPORTING_CYCLE_ID));
    List<Long> starts = DivideIntoChunks.starts(LongStream.rangeClosed(1, openRecommendations.size()).boxed().toList(), cycleChunkSize);
    execution.setVariable(CYCLE_CHUNK_STARTS, starts.stream().map(String::valueOf).collect(Collectors.joining(",")));
    execution.setVariable(CYCLE_CHUNK_COUNT, starts.size());
  }

  /**
   * One chunk of open recommendations is asked for its update. The cycle id goes to the scope the message starts
   * (the event sub-process), so that cycles open at once each keep their own: a variable set local to the
   * correlation would land on the process instance, where the next cycle overwrites it.
   */
  private void requestCycleUpdates(DelegateExecution execution) {
    Long cycleId = (Long) execution.getVariable(REPORTING_CYCLE_ID);
    int chunk = (Integer) execution.getVariable(LOOP_COUNTER);
    calls.add("requestCycleUpdates " + cycleId + " chunk " + chunk);
    String[] starts = ((String) execution.getVariable(CYCLE_CHUNK_STARTS)).split(",");
    int after = Integer.parseInt(starts[chunk]);
    int upTo = chunk + 1 < starts.length ? Integer.parseInt(starts[chunk + 1]) : openRecommendations.size();
    for (String businessKey : List.copyOf(openRecommendations.subList(after, Math.min(upTo, openRecommendations.size())))) {
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MESSAGE_REPORTING_CYCLE_OPENED)
          .processInstanceBusinessKey(businessKey).setVariableToTriggeredScope(REPORTING_CYCLE_ID, cycleId).correlateAll();
    }
  }

  private void called(String bean, VariableScope scope) {
    calls.add(bean + " " + scope.getVariable(RECOMMENDATION_ID));
  }

  private static Long recommendationId(VariableScope scope) {
    return (Long) scope.getVariable(RECOMMENDATION_ID);
  }

  static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(Today.LONDON).toInstant());
  }

  /** ${taskRouting...}: the one lead officer with a login, and the service's officers. */
  public final class TaskRouting {
    public String assignee(Long recommendationId) {
      return OFFICER;
    }

    public List<String> candidateUsers(Long recommendationId) {
      return List.of(OFFICER);
    }

    public String candidateGroups(Long recommendationId) {
      return OFFICERS_GROUP;
    }

    public Date dueDate(Long recommendationId) {
      LocalDate target = targetDates.get(recommendationId);
      return target == null ? null : Today.endOfDay(target);
    }
  }

  /** ${followUpTimers...}: reminded a fixed lead time before the target date, overdue from the day after, weekly. */
  public final class FollowUpTimers {
    public Date reminderAt(Long recommendationId) {
      LocalDate target = targetDates.get(recommendationId);
      return at(target == null ? NO_DATE : target.minusDays(REMINDER_LEAD_DAYS), SEND_AT);
    }

    public String overdueCycle(Long recommendationId) {
      LocalDate target = targetDates.get(recommendationId);
      Date first = at(target == null ? NO_DATE : target.plusDays(1), SEND_AT);
      return "R/" + DateTimeFormatter.ISO_INSTANT.format(first.toInstant()) + "/" + REPEAT_INTERVAL;
    }
  }

  /** ${reportingCycles.deadlineOf(reportingCycleId)}: the end of the cycle's deadline day. */
  public final class ReportingCycles {
    public Date deadlineOf(Long reportingCycleId) {
      return Today.endOfDay(cycleDeadlines.get(reportingCycleId));
    }
  }

  /** ${auditFollowUp...}: the audit's recommendations, and each one's business key. */
  public final class AuditFollowUp {
    public List<Long> recommendationIds(Long auditId) {
      return recommendationsOfAudit.getOrDefault(auditId, List.of());
    }

    public String businessKey(Long recommendationId) {
      return businessKeyOf(recommendationId);
    }
  }

  static String businessKeyOf(Long recommendationId) {
    return "REC-" + recommendationId;
  }
}
