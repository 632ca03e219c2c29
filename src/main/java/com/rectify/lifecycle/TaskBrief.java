package com.rectify.lifecycle;

import com.rectify.common.PeopleNames;
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
import java.util.Locale;
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
  /** How much of a revision's reason its line in the brief shows. */
  private static final int REASON_LIMIT = 300;
  /** How many evidence files the brief lists (the latest); the evidence page lists them all. */
  private static final int EVIDENCE_LISTED = 10;

  private final RecommendationLookup lookup;
  private final ProgressUpdateRepository updates;
  private final TargetDateRevisionRepository revisions;
  private final EvidenceRepository evidence;
  private final MissedUpdateRepository missedUpdates;
  private final ReportingCycleRepository cycles;
  private final Today today;
  private final TaskService taskService;
  private final AsApplication asApplication;
  private final PeopleNames names;
  private final OverdueRule overdueRule;

  public TaskBrief(RecommendationLookup lookup, ProgressUpdateRepository updates, TargetDateRevisionRepository revisions,
      EvidenceRepository evidence, MissedUpdateRepository missedUpdates, ReportingCycleRepository cycles, Today today,
      TaskService taskService, AsApplication asApplication, PeopleNames names, OverdueRule overdueRule) {
    this.names = names;
    this.overdueRule = overdueRule;
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
    String page = "/recommendations/" + rec.getId();
    StringBuilder md = new StringBuilder();
    md.append("### ").append(inline(rec.getBusinessKey())).append(" — ").append(inline(rec.getAudit().getTitle())).append("\n\n");
    md.append("**Grade:** ").append(inline(rec.getGrade().label()))
        .append(" · **Lead officer:** ").append(inline(rec.getLeadOfficer()))
        .append(" · **Status:** ").append(rec.getStatus().label()).append("\n\n");
    md.append("**Original target date:** ").append(rec.getOriginalTargetDate() == null ? "not agreed" : UkDates.display(rec.getOriginalTargetDate()))
        .append(" · **Current target date:** ").append(rec.getAgreedAction() == null && rec.getCurrentTargetDate() == null ? "not agreed" : UkDates.display(rec.getCurrentTargetDate()));
    OverdueRule.Standing standing = overdueRule.standing(rec, today.date());
    if (standing.overdue()) {
      md.append(" · **Overdue by ").append(standing.days()).append(" days** (").append(inline(standing.band().label())).append(")");
    }
    md.append("\n\n");
    narrative(md, "**Recommendation**", rec.getText(), page);
    narrative(md, "**Finding**", rec.getFinding(), page);
    narrative(md, "**Agreed action**", rec.getAgreedAction(), page);
    narrative(md, "**Management did not agree, because**", rec.getNotAgreedReason(), page);
    updates.findLatest(rec.getId()).ifPresent(update -> narrative(md,
        "**Latest update** (" + inline(names.of(update.getAuthor())) + ", " + STAMP.format(update.getPostedAt()) + ")",
        update.getText(), page));
    List<String> missedCycles = missedUpdates.findByRecommendationIdOrderByIdAsc(rec.getId()).stream()
        .map(missed -> cycles.findById(missed.getReportingCycleId()).map(ReportingCycle::getName).orElse("?")).toList();
    if (!missedCycles.isEmpty()) {
      md.append("**No update received** in reporting cycle ").append(inline(String.join(", ", missedCycles))).append(".\n\n");
    }
    appendRevisions(md, rec, taskDefinitionKey);
    appendEvidence(md, rec);
    return md.toString();
  }

  /** A heading (markdown) and the narrative under it as words, its first part only when it is long; nothing when it is blank. */
  private static void narrative(StringBuilder md, String heading, String text, String page) {
    String words = BriefText.markdown(text, BriefText.NARRATIVE_LIMIT, page);
    if (!words.isEmpty()) {
      md.append(heading).append("\n\n").append(words).append("\n\n");
    }
  }

  private void appendRevisions(StringBuilder md, Recommendation rec, String taskDefinitionKey) {
    List<TargetDateRevision> all = revisions.findByRecommendationIdOrderByRevisionNumberAsc(rec.getId());
    if (all.isEmpty()) {
      return;
    }
    md.append("**Revised target dates**\n\n");
    for (TargetDateRevision r : all) {
      md.append("- Revision ").append(r.getRevisionNumber()).append(": ").append(UkDates.display(r.getPreviousDate()))
          .append(" → ").append(UkDates.display(r.getRequestedDate())).append(", asked by ").append(inline(names.of(r.getRequestedBy())))
          .append(" — ").append(r.getDecision().name().toLowerCase(Locale.UK))
          .append(r.getDecidedBy() == null ? "" : " by " + inline(names.of(r.getDecidedBy())))
          .append(". Reason: ").append(BriefText.inline(r.getReason(), REASON_LIMIT)).append("\n");
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
    List<Evidence> shown = items.size() <= EVIDENCE_LISTED ? items : items.subList(items.size() - EVIDENCE_LISTED, items.size());
    if (shown.size() < items.size()) {
      md.append("The ").append(EVIDENCE_LISTED).append(" latest of ").append(items.size()).append(" files:\n\n");
    }
    for (Evidence item : shown) {
      md.append("- ").append(inline(item.getOriginalFilename())).append(" (").append(Math.max(1, item.getSizeBytes() / 1024))
          .append(" KB, uploaded by ").append(inline(names.of(item.getUploadedBy()))).append(" on ").append(STAMP.format(item.getUploadedAt()))
          .append(") — ").append(item.getState().label()).append("\n");
    }
    md.append("\n[Open the evidence page](/recommendations/").append(rec.getId()).append("/evidence) to upload or read files.\n");
  }

  private static String inline(String text) {
    return BriefText.inline(text);
  }
}
