package com.rectify.recommendation.revision;

import com.rectify.cycle.ReportingCycle;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A request to move the target date, kept whatever its outcome: councillors ask for every one. */
@Entity
@Table(name = "target_date_revision", indexes = @Index(name = "ix_target_date_revision_rec", columnList = "recommendation_id"))
public class TargetDateRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false)
  private Long recommendationId;

  /** 1 for the first revision ever requested for this recommendation. */
  @Column(name = "revision_number", nullable = false)
  private int revisionNumber;

  @Column(name = "previous_date")
  private LocalDate previousDate;

  /** Null when the officer asked for "TBC". */
  @Column(name = "requested_date")
  private LocalDate requestedDate;

  @Column(columnDefinition = "text", nullable = false)
  private String reason;

  @Column(name = "requested_by", nullable = false, length = 100)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "approver_group", length = 60)
  private String approverGroup;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RevisionDecision decision = RevisionDecision.PENDING;

  @Column(name = "decided_by", length = 100)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(columnDefinition = "text", name = "decision_comment")
  private String decisionComment;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "reporting_cycle_id")
  private ReportingCycle reportingCycle;

  /** The reporting cycle as an imported sheet names it, where no cycle of Rectify's own holds the revision. */
  @Column(name = "cycle_as_written", length = 200)
  private String cycleAsWritten;

  /** Where a revision read from an imported sheet's text was read ("the text of row 12 of annex.csv"); null otherwise. */
  @Column(name = "read_from", length = 400)
  private String readFrom;

  protected TargetDateRevision() {}

  /** A revision the sheet's text records as already made: approved when the sheet was written. */
  public static TargetDateRevision readFromSheet(Long recommendationId, int revisionNumber, LocalDate previousDate,
      LocalDate newDate, String words, String cycleAsWritten, String readFrom, String importedBy, Instant at) {
    TargetDateRevision revision = new TargetDateRevision(recommendationId, revisionNumber, previousDate, newDate,
        "Read from the sheet's text: \u201c" + words + "\u201d", importedBy, at, null);
    revision.cycleAsWritten = cycleAsWritten;
    revision.readFrom = readFrom;
    revision.decide(RevisionDecision.APPROVED, importedBy, at, "Recorded as agreed in the imported sheet.");
    return revision;
  }

  public TargetDateRevision(Long recommendationId, int revisionNumber, LocalDate previousDate, LocalDate requestedDate,
      String reason, String requestedBy, Instant requestedAt, ReportingCycle cycle) {
    this.recommendationId = recommendationId;
    this.revisionNumber = revisionNumber;
    this.previousDate = previousDate;
    this.requestedDate = requestedDate;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.reportingCycle = cycle;
  }

  public void routeTo(String approverGroup) {
    this.approverGroup = approverGroup;
  }

  public void decide(RevisionDecision decision, String decidedBy, Instant decidedAt, String comment) {
    this.decision = decision;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
    this.decisionComment = comment;
  }

  public Long getId() { return id; }
  public String getCycleAsWritten() { return cycleAsWritten; }
  public String getReadFrom() { return readFrom; }
  /** The reporting cycle's name: Rectify's own cycle, or the one the imported sheet names. */
  public String cycleName() { return reportingCycle != null ? reportingCycle.getName() : cycleAsWritten; }
  public Long getRecommendationId() { return recommendationId; }
  public int getRevisionNumber() { return revisionNumber; }
  public LocalDate getPreviousDate() { return previousDate; }
  public LocalDate getRequestedDate() { return requestedDate; }
  public String getReason() { return reason; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getApproverGroup() { return approverGroup; }
  public RevisionDecision getDecision() { return decision; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getDecisionComment() { return decisionComment; }
  public ReportingCycle getReportingCycle() { return reportingCycle; }
}
