package com.rectify.lifecycle;

import com.rectify.common.TextSanitizer;
import com.rectify.common.Today;
import com.rectify.cycle.MissedUpdateRepository;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycleRepository;
import com.rectify.common.UkDates;
import com.rectify.evidence.Evidence;
import com.rectify.evidence.EvidenceAdded;
import com.rectify.evidence.EvidenceRepository;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import com.rectify.common.AsApplication;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Prepares each human task for the person who will open it: names it after the recommendation, so
 * Tasklist's list says which one it is; clears the answer given the previous time round, so the form
 * does not open pre-filled with it; and writes the brief, what they need in front of them to decide, as
 * markdown for the task's Camunda Form. The brief lives only as long as the task (a task-local
 * variable); the register stays the source of truth.
 */
@Component("taskBrief")
class TaskBrief implements TaskListener {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Today.LONDON);

  private final RecommendationLookup lookup;
  private final ProgressUpdateRepository updates;
  private final TargetDateRevisionRepository revisions;
  private final EvidenceRepository evidence;
  private final MissedUpdateRepository missedUpdates;
  private final ReportingCycleRepository cycles;
  private final Today today;
  private final TaskService taskService;
  private final AsApplication asApplication;

  public TaskBrief(RecommendationLookup lookup, ProgressUpdateRepository updates, TargetDateRevisionRepository revisions,
      EvidenceRepository evidence, MissedUpdateRepository missedUpdates, ReportingCycleRepository cycles, Today today,
      TaskService taskService, AsApplication asApplication) {
    this.taskService = taskService;
    this.asApplication = asApplication;
    this.lookup = lookup;
    this.updates = updates;
    this.revisions = revisions;
    this.evidence = evidence;
    this.missedUpdates = missedUpdates;
    this.cycles = cycles;
    this.today = today;
  }

  private static final Map<String, String> ANSWER_OF_TASK = Map.of(
      TASK_AGREE_ACTION, AGREEMENT,
      TASK_IMPLEMENT_ACTION, IMPLEMENTATION_STEP,
      TASK_REVIEW_EVIDENCE, REVIEW_OUTCOME,
      TASK_ACCEPT_RESIDUAL_RISK, RISK_DECISION);

  @Override
  public void notify(DelegateTask task) {
    Recommendation recommendation = lookup.of(task);
    task.setName(task.getName() + " · " + recommendation.getBusinessKey());
    String previousAnswer = ANSWER_OF_TASK.get(task.getTaskDefinitionKey());
    if (previousAnswer != null) {
      task.removeVariable(previousAnswer);
    }
    task.setVariableLocal(TASK_BRIEF, compose(recommendation, task.getTaskDefinitionKey()));
  }

  /** A file added while the implementation step is open shows in its brief at once. */
  @EventListener
  public void refresh(EvidenceAdded added) {
    Recommendation recommendation = lookup.byId(added.recommendationId());
    String brief = compose(recommendation, TASK_IMPLEMENT_ACTION);
    asApplication.run(() -> taskService.setVariableLocal(added.implementationTaskId(), TASK_BRIEF, brief));
  }

  public String compose(Recommendation rec, String taskDefinitionKey) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(escape(rec.getBusinessKey())).append(" — ").append(escape(rec.getAudit().getTitle())).append("\n\n");
    md.append("**Grade:** ").append(rec.getGrade().label())
        .append(" · **Lead officer:** ").append(escape(rec.getLeadOfficer()))
        .append(" · **Status:** ").append(rec.getStatus().label()).append("\n\n");
    md.append("**Original target date:** ").append(rec.getOriginalTargetDate() == null ? "not agreed" : UkDates.display(rec.getOriginalTargetDate()))
        .append(" · **Current target date:** ").append(rec.getAgreedAction() == null && rec.getCurrentTargetDate() == null ? "not agreed" : UkDates.display(rec.getCurrentTargetDate()));
    OverdueRule.Standing standing = OverdueRule.standing(rec, today.date());
    if (standing.overdue()) {
      md.append(" · **Overdue by ").append(standing.days()).append(" days** (").append(escape(standing.band().label())).append(")");
    }
    md.append("\n\n**Recommendation**\n\n").append(escape(TextSanitizer.plain(rec.getText()))).append("\n\n");
    if (rec.getFinding() != null) {
      md.append("**Finding**\n\n").append(escape(TextSanitizer.plain(rec.getFinding()))).append("\n\n");
    }
    if (rec.getAgreedAction() != null) {
      md.append("**Agreed action**\n\n").append(escape(rec.getAgreedAction())).append("\n\n");
    }
    if (rec.getNotAgreedReason() != null) {
      md.append("**Management did not agree, because**\n\n").append(escape(rec.getNotAgreedReason())).append("\n\n");
    }
    updates.findFirstByRecommendationIdOrderByPostedAtDescIdDesc(rec.getId()).ifPresent(update -> md
        .append("**Latest update** (").append(escape(update.getAuthor())).append(", ").append(STAMP.format(update.getPostedAt()))
        .append(")\n\n").append(escape(update.getText())).append("\n\n"));
    List<String> missedCycles = missedUpdates.findByRecommendationIdOrderByIdAsc(rec.getId()).stream()
        .map(missed -> cycles.findById(missed.getReportingCycleId()).map(ReportingCycle::getName).orElse("?")).toList();
    if (!missedCycles.isEmpty()) {
      md.append("**No update received** in reporting cycle ").append(escape(String.join(", ", missedCycles))).append(".\n\n");
    }
    appendRevisions(md, rec, taskDefinitionKey);
    appendEvidence(md, rec);
    return md.toString();
  }

  private void appendRevisions(StringBuilder md, Recommendation rec, String taskDefinitionKey) {
    List<TargetDateRevision> all = revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId());
    if (all.isEmpty()) {
      return;
    }
    md.append("**Revised target dates**\n\n");
    for (TargetDateRevision r : all) {
      md.append("- Revision ").append(r.getRevisionNumber()).append(": ").append(UkDates.display(r.getPreviousDate()))
          .append(" → ").append(UkDates.display(r.getRequestedDate())).append(", asked by ").append(escape(r.getRequestedBy()))
          .append(" — ").append(r.getDecision().name().toLowerCase())
          .append(r.getDecidedBy() == null ? "" : " by " + escape(r.getDecidedBy()))
          .append(". Reason: ").append(escape(r.getReason())).append("\n");
    }
    md.append("\n");
    if (TASK_APPROVE_REVISED_DATE.equals(taskDefinitionKey)) {
      all.stream().filter(r -> r.getDecision() == RevisionDecision.PENDING).findFirst().ifPresent(r -> md
          .append("**You are asked to decide revision ").append(r.getRevisionNumber()).append(":** from ")
          .append(UkDates.display(r.getPreviousDate())).append(" to ").append(UkDates.display(r.getRequestedDate()))
          .append(".\n\n"));
    }
  }

  private void appendEvidence(StringBuilder md, Recommendation rec) {
    List<Evidence> items = evidence.findByRecommendationIdOrderByIdAsc(rec.getId());
    md.append("**Evidence**\n\n");
    if (items.isEmpty()) {
      md.append("No evidence uploaded yet.\n\n");
    }
    for (Evidence item : items) {
      md.append("- ").append(escape(item.getOriginalFilename())).append(" (").append(Math.max(1, item.getSizeBytes() / 1024))
          .append(" KB, uploaded by ").append(escape(item.getUploadedBy())).append(" on ").append(STAMP.format(item.getUploadedAt()))
          .append(") — ").append(item.getState().name().toLowerCase()).append("\n");
    }
    md.append("\n[Open the evidence page](/recommendations/").append(rec.getId()).append("/evidence) to upload or read files.\n");
  }

  /** Officers' and auditors' words are shown as written, never as markup. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>~])", "\\\\$1");
  }
}
