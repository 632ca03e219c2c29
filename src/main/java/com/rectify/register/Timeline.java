package com.rectify.register;

import com.rectify.common.TextSanitizer;
import com.rectify.common.UkDates;
import com.rectify.recommendation.api.RecommendationDetail;
import com.rectify.evidence.EvidenceState;
import com.rectify.evidence.EvidenceView;
import com.rectify.recommendation.api.RecommendationDetail.MissedUpdateView;
import com.rectify.recommendation.api.RecommendationDetail.ProgressUpdateView;
import com.rectify.recommendation.api.RecommendationDetail.ReviewView;
import com.rectify.recommendation.api.RecommendationDetail.RevisionView;
import com.rectify.recommendation.api.RecommendationDetail.RiskView;
import com.rectify.recommendation.api.RecommendationDetail.StatusChangeView;
import com.rectify.recommendation.revision.RevisionDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Everything that happened to a recommendation, in the order it happened. */
final class Timeline {

  /** One event: when, what kind (status, update, revision, evidence, decision, missed), a title, its text, who, and a link. */
  public record Entry(Instant when, String kind, String title, String text, String who, String link) {
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** When, as the council's clock read it. */
    public String whenShown() {
      return when == null ? "" : SHOWN.format(when.atZone(com.rectify.common.Today.LONDON));
    }
  }

  private Timeline() {}

  /**
   * {@code steps} names a lifecycle step from its id, or nothing; a step without a name is left out. {@code groups}
   * names a group from its id ("Section 151 officer").
   */
  public static List<Entry> of(RecommendationDetail detail, Long recommendationId, Function<String, Optional<String>> steps,
      Function<String, String> groups) {
    List<Entry> entries = new ArrayList<>();
    for (StatusChangeView change : detail.statusHistory()) {
      String title = change.from() == null ? "Raised: " + change.to().label() : change.from().label() + " → " + change.to().label();
      entries.add(new Entry(change.changedAt(), "status", title, join(change.note(), via(change.via(), steps)),
          change.changedBy(), null));
    }
    for (ProgressUpdateView update : detail.updates()) {
      entries.add(new Entry(update.postedAt(), "update",
          update.reportingCycle() == null ? "Progress update" : "Progress update for " + update.reportingCycle(),
          TextSanitizer.plain(update.text()), update.author(), null));
    }
    for (RevisionView revision : detail.revisions()) {
      String to = revision.toBeConfirmed() ? "TBC" : UkDates.display(revision.requestedDate());
      if (revision.readFrom() != null) {
        entries.add(new Entry(revision.decidedAt(), "revision", "Target date revised"
            + (revision.reportingCycle() == null ? "" : " in " + revision.reportingCycle()) + ": "
            + UkDates.display(revision.previousDate()) + " → " + to + " (read from " + revision.readFrom() + ")",
            TextSanitizer.plain(revision.reason()), revision.requestedBy(), null));
        continue;
      }
      entries.add(new Entry(revision.requestedAt(), "revision", "Revision " + revision.revisionNumber() + " asked: "
          + UkDates.display(revision.previousDate()) + " → " + to, TextSanitizer.plain(revision.reason()), revision.requestedBy(), null));
      if (revision.decision() != RevisionDecision.PENDING && revision.decidedAt() != null) {
        entries.add(new Entry(revision.decidedAt(), "decision", "Revision " + revision.revisionNumber() + " "
            + revision.decision().name().toLowerCase(Locale.UK) + byGroup(revision.approverGroup(), groups),
            TextSanitizer.plain(revision.decisionComment()), revision.decidedBy(), null));
      }
    }
    for (EvidenceView evidence : detail.evidence()) {
      entries.add(new Entry(evidence.uploadedAt(), "evidence", "Evidence uploaded: " + evidence.filename(),
          EvidenceState.valueOf(evidence.state()).label(), evidence.uploadedBy(),
          "/recommendations/" + recommendationId + "/evidence/" + evidence.id()));
    }
    for (ReviewView review : detail.reviews()) {
      entries.add(new Entry(review.decidedAt(), "decision", "Evidence reviewed: " + review.outcome().toLowerCase(Locale.UK).replace('_', ' '),
          TextSanitizer.plain(review.comment()), review.reviewer(), null));
    }
    for (RiskView risk : detail.riskDecisions()) {
      entries.add(new Entry(risk.decidedAt(), "decision", "Residual risk " + risk.decision().toLowerCase(Locale.UK).replace('_', ' ')
          + byGroup(risk.acceptorGroup(), groups), TextSanitizer.plain(risk.rationale()), risk.decidedBy(), null));
    }
    for (MissedUpdateView missed : detail.noUpdateReceived()) {
      entries.add(new Entry(missed.flaggedAt(), "missed", "No update received in " + missed.reportingCycle(),
          "The deadline was " + UkDates.display(missed.updateDeadline()) + ".", null, null));
    }
    entries.sort(Comparator.comparing(Entry::when, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  /** " (Section 151 officer)": the group a decision belonged to, in words; nothing when none is recorded. */
  private static String byGroup(String group, Function<String, String> groups) {
    return group == null || group.isBlank() ? "" : " (" + groups.apply(group) + ")";
  }

  private static String via(String via, Function<String, Optional<String>> steps) {
    if (via == null || via.isBlank()) {
      return null;
    }
    return steps.apply(via).map(name -> "at the step “" + name + "”").orElse(null);
  }

  private static String join(String first, String second) {
    if (first == null || first.isBlank()) {
      return second;
    }
    return second == null ? first : first + " · " + second;
  }
}
