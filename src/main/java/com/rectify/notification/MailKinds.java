package com.rectify.notification;

import java.util.Map;

/** What each kind of mail is, in words, as the mail pages show it. */
final class MailKinds {

  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry(Notifications.TASK_ASSIGNED, "Task offered"),
      Map.entry(Notifications.EVIDENCE_SENT_BACK, "Evidence sent back"),
      Map.entry(Notifications.CLOSED_IMPLEMENTED, "Closed as implemented"),
      Map.entry(Notifications.CLOSED_RISK_ACCEPTED, "Closed, risk accepted"),
      Map.entry(Notifications.REVISION_APPROVED, "Revised date approved"),
      Map.entry(Notifications.REVISION_REFUSED, "Revised date refused"),
      Map.entry(Notifications.REMINDER, "Reminder"),
      Map.entry(Notifications.UPDATE_REQUESTED, "Update requested"),
      Map.entry(Notifications.NO_UPDATE_RECEIVED, "No update received"),
      Map.entry(Notifications.OVERDUE, "Overdue"),
      Map.entry(Notifications.ESCALATION, "Escalation"));

  private MailKinds() {}

  /** The words for a kind; a kind written by a later release and not known here reads with its hyphens as spaces. */
  static String label(String kind) {
    return kind == null ? "" : LABELS.getOrDefault(kind, kind.replace('-', ' '));
  }
}
