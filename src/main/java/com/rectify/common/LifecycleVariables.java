package com.rectify.common;

/** Names shared by the BPMN files and the code: process keys, variables, messages, task ids. */
public final class LifecycleVariables {

  public static final String LIFECYCLE_PROCESS = "recommendation-lifecycle";
  public static final String AUDIT_FOLLOW_UP_PROCESS = "audit-follow-up";
  public static final String MESSAGE_SUPERSEDED = "RecommendationSuperseded";
  /** An approved revised target date interrupts and re-enters the implementation, so its timers follow the new date. */
  public static final String MESSAGE_TARGET_DATE_REVISED = "TargetDateRevised";
  public static final String REPORTING_CYCLE_PROCESS = "reporting-cycle";
  /** Opening a reporting cycle asks each open recommendation for an update (local variable reportingCycleId). */
  public static final String MESSAGE_REPORTING_CYCLE_OPENED = "ReportingCycleOpened";
  public static final String REPORTING_CYCLE_ID = "reportingCycleId";
  /**
   * Where a reporting cycle's chunks start: comma-separated recommendation ids, chunk i taking the open ones after
   * the i-th id up to the next (the last chunk has no upper end).
   */
  public static final String CYCLE_CHUNK_STARTS = "cycleChunkStarts";
  public static final String CYCLE_CHUNK_COUNT = "cycleChunkCount";
  /** A cycle of reporting-cycle 1.0.0: where its asking had got to, and whether all were asked. */
  public static final String CYCLE_CURSOR_OF_VERSION_1 = "cycleCursor";
  public static final String ALL_ASKED_OF_VERSION_1 = "allAsked";
  /** The multi-instance counter the engine gives each chunk of Task_RequestCycleUpdates. */
  public static final String LOOP_COUNTER = "loopCounter";

  public static final String RECOMMENDATION_ID = "recommendationId";
  public static final String AUDIT_ID = "auditId";
  public static final String GRADE = "grade";
  public static final String AGREEMENT = "agreement";
  public static final String IMPLEMENTATION_STEP = "implementationStep";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String RISK_DECISION = "riskDecision";
  public static final String RISK_ACCEPTOR_GROUP = "riskAcceptorGroup";
  public static final String REVISION_ID = "revisionId";
  public static final String REVISION_NUMBER = "revisionNumber";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String REVISION_DECISION = "revisionDecision";
  public static final String SUPERSEDED_BY = "supersededBy";
  public static final String TASK_BRIEF = "taskBrief";

  /** Form fields whose text is moved into the register and then removed from the engine. */
  public static final String AGREED_ACTION = "agreedAction";
  public static final String TARGET_DATE = "targetDate";
  public static final String NOT_AGREED_REASON = "notAgreedReason";
  public static final String PROGRESS_UPDATE = "progressUpdate";
  public static final String REQUESTED_TARGET_DATE = "requestedTargetDate";
  public static final String NEW_DATE_TO_BE_CONFIRMED = "newDateToBeConfirmed";
  public static final String REVISION_REASON = "revisionReason";
  public static final String EVIDENCE_NOTE = "evidenceNote";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String DECISION_COMMENT = "decisionComment";
  public static final String RISK_RATIONALE = "riskRationale";

  public static final String TASK_AGREE_ACTION = "Task_AgreeAction";
  public static final String TASK_IMPLEMENT_ACTION = "Task_ImplementAction";
  public static final String TASK_REVIEW_EVIDENCE = "Task_ReviewEvidence";
  public static final String TASK_ACCEPT_RESIDUAL_RISK = "Task_AcceptResidualRisk";
  public static final String TASK_APPROVE_REVISED_DATE = "Task_ApproveRevisedDate";
  public static final String TASK_CLOSE_AS_IMPLEMENTED = "Task_CloseAsImplemented";
  public static final String TASK_CLOSE_AS_RISK_ACCEPTED = "Task_CloseAsRiskAccepted";
  public static final String TASK_CLOSE_AS_SUPERSEDED = "Task_CloseAsSuperseded";
  public static final String TASK_APPLY_REVISED_TARGET_DATE = "Task_ApplyRevisedTargetDate";
  public static final String TASK_SEND_REMINDER = "Task_SendReminder";
  public static final String TASK_PROVIDE_PROGRESS_UPDATE = "Task_ProvideProgressUpdate";
  public static final String TASK_FLAG_NO_UPDATE = "Task_FlagNoUpdate";
  public static final String TASK_DIVIDE_INTO_CHUNKS = "Task_DivideIntoChunks";
  public static final String TASK_REQUEST_CYCLE_UPDATES = "Task_RequestCycleUpdates";
  public static final String TASK_RECORD_ALL_ASKED = "Task_RecordAllAsked";
  public static final String TASK_SEND_UPDATE_REQUESTS = "Task_SendUpdateRequests";
  public static final String TASK_ESCALATE_OVERDUE = "Task_EscalateOverdue";
  public static final String TIMER_REMINDER = "Timer_Reminder";
  public static final String TIMER_OVERDUE = "Timer_Overdue";
  public static final String EVENT_TARGET_DATE_REVISED = "Event_TargetDateRevised";

  private LifecycleVariables() {}

  public enum Agreement { AGREED, NOT_AGREED }

  public enum ImplementationStep { PROGRESS_UPDATE, REVISION_REQUESTED, EVIDENCE_SUBMITTED }

  public enum RiskDecision { ACCEPTED, REFUSED }

  public enum RevisionOutcome { APPROVED, REFUSED }
}
