package com.rectify.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** Metadata of one evidence file; the bytes live in {@link EvidenceStorage} under a generated name. */
@Entity
@Table(name = "evidence", indexes = @Index(name = "ix_evidence_rec", columnList = "recommendation_id"))
public class Evidence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false)
  private Long recommendationId;

  @Column(name = "original_filename", nullable = false, length = 255)
  private String originalFilename;

  @Column(name = "stored_name", nullable = false, unique = true, length = 80)
  private String storedName;

  /** As detected from the content, not as the browser claimed. */
  @Column(name = "content_type", nullable = false, length = 120)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 100)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "submitted_by", length = 100)
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private EvidenceState state = EvidenceState.UPLOADED;

  @Column(name = "review_decision_id")
  private Long reviewDecisionId;

  protected Evidence() {}

  public Evidence(Long recommendationId, String originalFilename, String storedName, String contentType, long sizeBytes,
      String sha256, String uploadedBy, Instant uploadedAt) {
    this.recommendationId = recommendationId;
    this.originalFilename = originalFilename;
    this.storedName = storedName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  void submit(String by, Instant at) {
    this.state = EvidenceState.SUBMITTED;
    this.submittedBy = by;
    this.submittedAt = at;
  }

  void review(boolean accepted, Long decisionId) {
    this.state = accepted ? EvidenceState.ACCEPTED : EvidenceState.RETURNED;
    this.reviewDecisionId = decisionId;
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public String getOriginalFilename() { return originalFilename; }
  public String getStoredName() { return storedName; }
  public String getContentType() { return contentType; }
  public long getSizeBytes() { return sizeBytes; }
  public String getSha256() { return sha256; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getUploadedAt() { return uploadedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
  public EvidenceState getState() { return state; }
  public Long getReviewDecisionId() { return reviewDecisionId; }
}
