package com.rectify.notification;

import com.rectify.common.GroupNames;
import com.rectify.common.PeopleNames;
import com.rectify.common.UkDates;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.revision.TargetDateRevision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The notices the lifecycle sends. Each is queued in the outbox inside the transaction of the step that
 * causes it, under a key naming the event, so a step that rolls back mails nothing and an event is mailed
 * to each person once.
 */
@Component
public class Notifications {

  public static final String TASK_ASSIGNED = "task-assigned";
  public static final String EVIDENCE_SENT_BACK = "evidence-sent-back";
  public static final String CLOSED_IMPLEMENTED = "closed-implemented";
  public static final String CLOSED_RISK_ACCEPTED = "closed-risk-accepted";
  public static final String REVISION_APPROVED = "revision-approved";
  public static final String REVISION_REFUSED = "revision-refused";
  public static final String REMINDER = "reminder";
  public static final String UPDATE_REQUESTED = "update-requested";
  public static final String NO_UPDATE_RECEIVED = "no-update-received";
  public static final String OVERDUE = "overdue";
  public static final String ESCALATION = "escalation";

  private final MailOutbox outbox;
  private final Recipients recipients;
  private final MailLinks links;
  private final PeopleNames names;
  private final GroupNames groupNames;
  private final OverdueRule overdueRule;

  public Notifications(MailOutbox outbox, Recipients recipients, MailLinks links, PeopleNames names, GroupNames groupNames,
      OverdueRule overdueRule) {
    this.overdueRule = overdueRule;
    this.outbox = outbox;
    this.recipients = recipients;
    this.links = links;
    this.names = names;
    this.groupNames = groupNames;
  }

  /** A task is waiting for these people. */
  public void taskAssigned(String taskId, String taskName, Recommendation rec, List<Recipients.Person> people) {
    for (Recipients.Person person : people) {
      outbox.enqueue(TASK_ASSIGNED + ":" + taskId, person.email(), new Notice(TASK_ASSIGNED,
          "Task for you: " + taskName,
          "Dear " + person.name() + ",",
          List.of("A task is waiting for you in Rectify: " + taskName + ".",
              describe(rec)),
          "Open the task in Tasklist", links.taskLink(taskId), rec.getId()));
    }
  }

  public void evidenceSentBack(Recommendation rec, Long reviewDecisionId, String auditor, String reason) {
    for (Recipients.Person person : recipients.officersOf(rec)) {
      outbox.enqueue(EVIDENCE_SENT_BACK + ":" + reviewDecisionId, person.email(), new Notice(EVIDENCE_SENT_BACK,
          "More evidence needed: " + rec.getBusinessKey(),
          "Dear " + person.name() + ",",
          List.of("The evidence submitted for " + rec.getBusinessKey() + " has been sent back by " + names.of(auditor) + ".",
              "The auditor's reason: " + reason,
              "Please add evidence and submit it again from your Implement action task."),
          "Open the recommendation's evidence page", links.recommendationLink(rec.getId()), rec.getId()));
    }
  }

  public void closed(Recommendation rec, String processInstanceId, boolean implemented, String decidedBy) {
    String kind = implemented ? CLOSED_IMPLEMENTED : CLOSED_RISK_ACCEPTED;
    for (Recipients.Person person : recipients.officersOf(rec)) {
      outbox.enqueue(kind + ":" + processInstanceId, person.email(), new Notice(kind,
          (implemented ? "Closed as implemented: " : "Closed, risk accepted: ") + rec.getBusinessKey(),
          "Dear " + person.name() + ",",
          List.of(implemented
                  ? "Internal audit has accepted the evidence and closed " + rec.getBusinessKey() + " as implemented (" + names.of(decidedBy) + ")."
                  : names.of(decidedBy) + " has formally accepted the residual risk of " + rec.getBusinessKey() + ", which is now closed.",
              describe(rec),
              "Nothing more is needed from you."),
          "Open the recommendation", links.recommendationLink(rec.getId()), rec.getId()));
    }
  }

  public void revisionDecided(Recommendation rec, TargetDateRevision revision, boolean approved, String decidedBy, String comment) {
    String kind = approved ? REVISION_APPROVED : REVISION_REFUSED;
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(approved
        ? "Your request to move the target date of " + rec.getBusinessKey() + " from " + UkDates.display(revision.getPreviousDate())
            + " to " + UkDates.display(revision.getRequestedDate()) + " was approved by " + names.of(decidedBy) + "."
        : "Your request to move the target date of " + rec.getBusinessKey() + " to " + UkDates.display(revision.getRequestedDate())
            + " was refused by " + names.of(decidedBy) + ". The target date stays " + UkDates.display(revision.getPreviousDate()) + ".");
    if (comment != null && !comment.isBlank()) {
      paragraphs.add((approved ? "Comment: " : "Reason: ") + comment);
    }
    for (Recipients.Person person : recipients.user(revision.getRequestedBy())) {
      outbox.enqueue(kind + ":" + revision.getId(), person.email(), new Notice(kind,
          (approved ? "Revised target date approved: " : "Revised target date refused: ") + rec.getBusinessKey(),
          "Dear " + person.name() + ",", paragraphs,
          "Open the recommendation", links.recommendationLink(rec.getId()), rec.getId()));
    }
  }

  /** Before the target date: once per target date, whichever timer fires. */
  public void reminder(Recommendation rec, String processInstanceId) {
    LocalDate target = rec.getCurrentTargetDate();
    for (Recipients.Person person : recipients.officersOf(rec)) {
      outbox.enqueue(REMINDER + ":" + processInstanceId + ":" + target, person.email(), new Notice(REMINDER,
          "Reminder: " + rec.getBusinessKey() + " is due on " + UkDates.display(target),
          "Dear " + person.name() + ",",
          List.of("The agreed action for " + rec.getBusinessKey() + " is due on " + UkDates.display(target) + ".",
              describe(rec),
              "Post a progress update, ask for a revised target date, or submit your evidence from your Implement action task."),
          "Open the recommendation's evidence page", links.recommendationLink(rec.getId()), rec.getId()));
    }
  }

  /** Overdue: the officer is told, and the escalation groups hear of it; once per day it fires. */
  public void overdue(Recommendation rec, String processInstanceId, LocalDate today, List<String> escalationGroups) {
    OverdueRule.Standing standing = overdueRule.standing(rec, today);
    if (!standing.overdue()) {
      return;
    }
    LocalDate target = OverdueRule.dateThatApplies(rec);
    long days = standing.days();
    String howLate = howLate(rec, standing, target);
    String event = processInstanceId + ":" + target + ":" + today;
    for (Recipients.Person person : recipients.officersOf(rec)) {
      outbox.enqueue(OVERDUE + ":" + event, person.email(), new Notice(OVERDUE,
          "Overdue: " + rec.getBusinessKey() + " was due on " + UkDates.display(target),
          "Dear " + person.name() + ",",
          List.of("The agreed action for " + rec.getBusinessKey() + howLate + " Your managers have been told.",
              describe(rec),
              "Post a progress update, ask for a revised target date, or submit your evidence."),
          "Open the recommendation's evidence page", links.recommendationLink(rec.getId()), rec.getId()));
    }
    for (Recipients.Person person : recipients.escalation(rec, escalationGroups)) {
      outbox.enqueue(ESCALATION + ":" + event, person.email(), new Notice(ESCALATION,
          "Escalation: " + rec.getBusinessKey() + " is " + days + " days overdue",
          "Dear " + person.name() + ",",
          List.of("The agreed action for " + rec.getBusinessKey() + " (lead officer " + rec.getLeadOfficer() + ")" + howLate,
              describe(rec),
              "You receive this as a member of: " + String.join(", ", escalationGroups.stream().map(groupNames::of).toList()) + "."),
          "Open the recommendation", links.recommendationLink(rec.getId()), rec.getId()));
    }
  }

  /**
   * " was due on 31/03/2025 and is 40 days overdue.", saying where the count starts when that is not the date
   * that applies now (a revised date, or one revised to TBC).
   */
  private static String howLate(Recommendation rec, OverdueRule.Standing standing, LocalDate target) {
    String due = " was due on " + UkDates.display(target)
        + (rec.getCurrentTargetDate() == null ? " (its revised date is still to be confirmed)" : "");
    String from = standing.countedFrom().equals(target) ? ""
        : ", counted from its original target date of " + UkDates.display(standing.countedFrom());
    return due + " and is " + standing.days() + " days overdue" + from + ".";
  }

  /** The deadline of a cycle passed with no update: the officer's service manager hears of it. */
  public void noUpdateReceived(Recommendation rec, com.rectify.cycle.ReportingCycle cycle) {
    for (Recipients.Person person : recipients.escalation(rec, List.of(com.rectify.common.Groups.SERVICE_MANAGERS))) {
      outbox.enqueue(NO_UPDATE_RECEIVED + ":" + cycle.getId() + ":" + rec.getId(), person.email(), new Notice(NO_UPDATE_RECEIVED,
          "No update received this cycle: " + rec.getBusinessKey() + " (" + cycle.getName() + ")",
          "Dear " + person.name() + ",",
          List.of("No progress update was received for " + rec.getBusinessKey() + " (lead officer " + rec.getLeadOfficer()
                  + ") by the " + cycle.getName() + " deadline, " + UkDates.display(cycle.getUpdateDeadline()) + ".",
              describe(rec),
              "The committee report will say \"no update received this cycle\"."),
          "Open the recommendation", links.recommendationLink(rec.getId()), rec.getId()));
    }
  }

  /**
   * A person is given a reporting cycle's update task after the cycle asked (someone else's, reassigned): the
   * task-assigned notice, worded for the cycle.
   */
  public void updateRequested(String taskId, Recommendation rec, com.rectify.cycle.ReportingCycle cycle, List<Recipients.Person> people) {
    for (Recipients.Person person : people) {
      outbox.enqueue(TASK_ASSIGNED + ":" + taskId, person.email(), new Notice(UPDATE_REQUESTED,
          "Update requested for " + cycle.getName() + ": " + rec.getBusinessKey(),
          "Dear " + person.name() + ",",
          List.of("Internal audit asks for a progress update on " + rec.getBusinessKey() + " for the " + cycle.getName()
                  + " report (as at " + UkDates.display(cycle.getAsAt()) + ").",
              "Please give it by " + UkDates.display(cycle.getUpdateDeadline()) + "; after that the report will say no update was received.",
              describe(rec)),
          "Open the task in Tasklist", links.taskLink(taskId), rec.getId()));
    }
  }

  /** One of a person's recommendations a reporting cycle asks for an update, and the task that asks. */
  public record AskedUpdate(String taskId, Recommendation recommendation) {}

  /**
   * A reporting cycle has asked all its recommendations: one mail to one person for all of theirs, naming up to
   * {@code listed} of them, each with its task's link. Sent once per person per cycle.
   */
  public void updatesRequested(com.rectify.cycle.ReportingCycle cycle, Recipients.Person person, List<AskedUpdate> asked,
      int listed) {
    if (asked.isEmpty()) {
      return;
    }
    boolean one = asked.size() == 1;
    Recommendation first = asked.get(0).recommendation();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Internal audit asks for a progress update on " + (one ? first.getBusinessKey() : asked.size() + " recommendations")
        + " for the " + cycle.getName() + " report (as at " + UkDates.display(cycle.getAsAt()) + ").");
    paragraphs.add("Please give " + (one ? "it" : "each") + " by " + UkDates.display(cycle.getUpdateDeadline())
        + "; after that the report will say no update was received.");
    if (asked.size() > listed) {
      paragraphs.add("The first " + listed + " are listed here; Tasklist lists all " + asked.size() + ".");
    }
    List<Notice.Item> items = asked.stream().limit(listed)
        .map(a -> new Notice.Item(describe(a.recommendation()), links.taskLink(a.taskId()))).toList();
    outbox.enqueue(UPDATE_REQUESTED + ":cycle-" + cycle.getId(), person.email(), new Notice(UPDATE_REQUESTED,
        one ? "Update requested for " + cycle.getName() + ": " + first.getBusinessKey()
            : "Updates requested for " + cycle.getName() + ": " + asked.size() + " recommendations",
        "Dear " + person.name() + ",", paragraphs, items,
        one ? "Open the task in Tasklist" : "Open your tasks in Tasklist",
        one ? links.taskLink(asked.get(0).taskId()) : links.tasklist(), one ? first.getId() : null));
  }

  private static String describe(Recommendation rec) {
    return rec.getBusinessKey() + " (" + rec.getGrade().label() + ") — " + rec.getAudit().getTitle()
        + (rec.getCurrentTargetDate() == null ? "" : ", target date " + UkDates.display(rec.getCurrentTargetDate())) + ".";
  }
}
