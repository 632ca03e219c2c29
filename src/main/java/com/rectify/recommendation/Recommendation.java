package com.rectify.recommendation;

import com.rectify.audit.Audit;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.NaturalId;

@Entity
@Table(
    name = "recommendation",
    indexes = {
      @Index(name = "ix_recommendation_status", columnList = "status"),
      @Index(name = "ix_recommendation_audit", columnList = "audit_id")
    })
public class Recommendation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "audit_id")
  private Audit audit;

  /** The reference as the audit report writes it ("3", "R2.1"). */
  @Column(nullable = false, length = 40)
  private String reference;

  /**
   * Unique across the register; the business key of the lifecycle instance. It never changes, so a step that finds
   * its recommendation by it ({@link RecommendationLookup}) finds one already loaded without asking the database.
   */
  @NaturalId
  @Column(name = "business_key", nullable = false, unique = true, length = 120)
  private String businessKey;

  @Column(columnDefinition = "text", nullable = false)
  private String text;

  @Column(columnDefinition = "text")
  private String finding;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Grade grade;

  /** The grade as the source wrote it ("Requires Attention"), kept for the record. */
  @Column(name = "grade_as_written", length = 60)
  private String gradeAsWritten;

  /** Lead officer(s) as written: "Mandy Beever/Nikki Kelly", "Head of Financial Services". */
  @Column(name = "lead_officer", nullable = false, length = 400)
  private String leadOfficer;

  /** Comma-separated logins of the lead officers who have one; empty when none does. */
  @Column(name = "lead_officer_logins", nullable = false, length = 400)
  private String leadOfficerLogins = "";

  /** The service that owns the action; its officers' group gets the task when no lead officer has a login. */
  @Column(nullable = false, length = 60)
  private String service;

  @Column(columnDefinition = "text", name = "agreed_action")
  private String agreedAction;

  @Column(columnDefinition = "text", name = "not_agreed_reason")
  private String notAgreedReason;

  @Column(name = "original_target_date")
  private LocalDate originalTargetDate;

  /** Null while the target date is "TBC". */
  @Column(name = "current_target_date")
  private LocalDate currentTargetDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private RecommendationStatus status = RecommendationStatus.AWAITING_AGREEMENT;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(columnDefinition = "text", name = "closure_reason")
  private String closureReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.now();

  @Version private long version;

  protected Recommendation() {}

  public Recommendation(Audit audit, String reference, String text, Grade grade, String leadOfficer, String service) {
    this.audit = audit;
    this.reference = reference;
    this.businessKey = audit.getReference() + "/" + reference;
    this.text = text;
    this.grade = grade;
    this.leadOfficer = leadOfficer;
    this.service = service;
  }

  public List<String> leadOfficerLoginList() {
    return leadOfficerLogins.isBlank() ? List.of() : Arrays.asList(leadOfficerLogins.split(","));
  }

  public boolean isLeadOfficer(String userId) {
    return userId != null && leadOfficerLoginList().contains(userId);
  }

  public void agreeAction(String action, LocalDate targetDate) {
    this.agreedAction = action;
    this.notAgreedReason = null;
    if (originalTargetDate == null) {
      this.originalTargetDate = targetDate;
    }
    this.currentTargetDate = targetDate;
  }

  public void recordNotAgreed(String reason) {
    this.notAgreedReason = reason;
  }

  public void reviseTargetDate(LocalDate newDate) {
    this.currentTargetDate = newDate;
  }

  void moveTo(RecommendationStatus next, LocalDate today) {
    this.status = next;
    this.closedOn = next.isClosed() ? today : null;
  }

  public void setClosureReason(String closureReason) {
    this.closureReason = closureReason;
  }

  public void setFinding(String finding) {
    this.finding = finding;
  }

  public void setGradeAsWritten(String gradeAsWritten) {
    this.gradeAsWritten = gradeAsWritten;
  }

  public void setLeadOfficerLogins(List<String> logins) {
    this.leadOfficerLogins = String.join(",", logins);
  }

  public Long getId() { return id; }
  public Audit getAudit() { return audit; }
  public String getReference() { return reference; }
  public String getBusinessKey() { return businessKey; }
  public String getText() { return text; }
  public String getFinding() { return finding; }
  public Grade getGrade() { return grade; }
  public String getGradeAsWritten() { return gradeAsWritten; }
  public String getLeadOfficer() { return leadOfficer; }
  public String getLeadOfficerLogins() { return leadOfficerLogins; }
  public String getService() { return service; }
  public String getAgreedAction() { return agreedAction; }
  public String getNotAgreedReason() { return notAgreedReason; }
  public LocalDate getOriginalTargetDate() { return originalTargetDate; }
  public LocalDate getCurrentTargetDate() { return currentTargetDate; }
  public RecommendationStatus getStatus() { return status; }
  public LocalDate getClosedOn() { return closedOn; }
  public String getClosureReason() { return closureReason; }
  public Instant getCreatedAt() { return createdAt; }
}
