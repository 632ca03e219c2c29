package com.rectify.recommendation.api;

import com.rectify.evidence.EvidenceView;
import com.rectify.evidence.ReviewDecision;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusChange;
import com.rectify.recommendation.progress.ProgressUpdate;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.risk.RiskAcceptance;
import java.util.List;

/** One recommendation with everything that happened to it. */
public record RecommendationDetail(
    RecommendationSummary summary,
    String finding,
    String gradeAsWritten,
    String agreedAction,
    String notAgreedReason,
    String closureReason,
    List<String> leadOfficerLogins,
    List<ProgressUpdateView> updates,
    List<RevisionView> revisions,
    List<EvidenceView> evidence,
    List<ReviewView> reviews,
    List<RiskView> riskDecisions,
    List<StatusChangeView> statusHistory,
    List<MissedUpdateView> noUpdateReceived,
    List<OpenTaskView> openTasks) {

  /** A reporting cycle whose deadline passed without an update from the officer. */
  public record MissedUpdateView(String reportingCycle, java.time.LocalDate updateDeadline, java.time.Instant flaggedAt) {}

  public record ProgressUpdateView(String text, String author, java.time.Instant postedAt, String reportingCycle) {
    static ProgressUpdateView of(ProgressUpdate u) {
      return new ProgressUpdateView(u.getText(), u.getAuthor(), u.getPostedAt(),
          u.getReportingCycle() == null ? null : u.getReportingCycle().getName());
    }
  }

  public record RevisionView(int revisionNumber, java.time.LocalDate previousDate, java.time.LocalDate requestedDate,
      boolean toBeConfirmed, String reason, String requestedBy, java.time.Instant requestedAt, RevisionDecision decision,
      String approverGroup, String decidedBy, java.time.Instant decidedAt, String decisionComment, String reportingCycle,
      String readFrom) {
    static RevisionView of(TargetDateRevision r) {
      return new RevisionView(r.getRevisionNumber(), r.getPreviousDate(), r.getRequestedDate(), r.getRequestedDate() == null,
          r.getReason(), r.getRequestedBy(), r.getRequestedAt(), r.getDecision(), r.getApproverGroup(), r.getDecidedBy(),
          r.getDecidedAt(), r.getDecisionComment(), r.cycleName(), r.getReadFrom());
    }
  }

  public record ReviewView(String outcome, String comment, String reviewer, java.time.Instant decidedAt) {
    static ReviewView of(ReviewDecision d) {
      return new ReviewView(d.getOutcome().name(), d.getComment(), d.getReviewer(), d.getDecidedAt());
    }
  }

  public record RiskView(String decision, String rationale, String acceptorGroup, String decidedBy, java.time.Instant decidedAt) {
    static RiskView of(RiskAcceptance a) {
      return new RiskView(a.getDecision().name(), a.getRationale(), a.getAcceptorGroup(), a.getDecidedBy(), a.getDecidedAt());
    }
  }

  public record StatusChangeView(RecommendationStatus from, RecommendationStatus to, String changedBy,
      java.time.Instant changedAt, String via, String note) {
    static StatusChangeView of(StatusChange c) {
      return new StatusChangeView(c.getFromStatus(), c.getToStatus(), c.getChangedBy(), c.getChangedAt(), c.getVia(), c.getNote());
    }
  }

  public record OpenTaskView(String taskId, String name, String assignee, java.util.Date due, String tasklistUrl) {}
}
