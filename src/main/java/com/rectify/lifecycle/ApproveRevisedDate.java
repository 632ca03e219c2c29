package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.TaskActor;
import com.rectify.common.Today;
import com.rectify.common.LifecycleVariables.RevisionOutcome;
import com.rectify.notification.Notifications;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_ApproveRevisedDate: a member of the tier the decision table named approves or refuses; the
 * decision is recorded on the revision either way.
 */
@Component("approveRevisedDate")
class ApproveRevisedDate implements TaskListener {

  private final TargetDateRevisionRepository revisions;
  private final TaskActor actors;
  private final Today today;
  private final RecommendationLookup lookup;
  private final Notifications notifications;

  public ApproveRevisedDate(TargetDateRevisionRepository revisions, TaskActor actors, Today today,
      RecommendationLookup lookup, Notifications notifications) {
    this.revisions = revisions;
    this.actors = actors;
    this.today = today;
    this.lookup = lookup;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    String approver = actors.required(task, "decide on a revised target date");
    String approverGroup = (String) task.getVariable(APPROVER_GROUP);
    TargetDateRevision revision = revisions.findById(((Number) task.getVariable(REVISION_ID)).longValue()).orElseThrow();
    actors.requireMembership(approver, approverGroup, "decide on revision " + revision.getRevisionNumber() + " of this target date");
    if (approver.equals(revision.getRequestedBy())) {
      throw new LifecycleRuleViolation("assignee", actors.nameOf(approver)
          + " asked for this revised date and cannot decide on it (four eyes): another member of the approving group must.");
    }
    FormInput input = new FormInput(task);
    RevisionOutcome outcome = input.choice(REVISION_DECISION, RevisionOutcome.class);
    String comment = outcome == RevisionOutcome.REFUSED
        ? input.requiredText(DECISION_COMMENT, "A reason for refusing")
        : input.optionalText(DECISION_COMMENT);
    revision.routeTo(approverGroup);
    revision.decide(RevisionDecision.valueOf(outcome.name()), approver, today.now().toInstant(), comment);
    notifications.revisionDecided(lookup.of(task), revision, outcome == RevisionOutcome.APPROVED, approver, comment);
  }
}
