package com.rectify.recommendation;

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
import org.hibernate.annotations.Immutable;

/** One line of the append-only status history, from which any as-at-date picture can be rebuilt. */
@Entity
@Immutable
@Table(name = "status_change", indexes = @Index(name = "ix_status_change_rec", columnList = "recommendation_id"))
public class StatusChange {

  /** How a change came about when a council\'s sheet was imported. */
  public static final String VIA_IMPORT = "import";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false, updatable = false)
  private Long recommendationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 30, updatable = false)
  private RecommendationStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, length = 30, updatable = false)
  private RecommendationStatus toStatus;

  @Column(name = "changed_by", nullable = false, length = 100, updatable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant changedAt;

  /** The BPMN step or channel that made the change (Task_ReviewEvidence, api, import). */
  @Column(nullable = false, length = 80, updatable = false)
  private String via;

  @Column(length = 2000, updatable = false)
  private String note;

  protected StatusChange() {}

  StatusChange(Long recommendationId, RecommendationStatus from, RecommendationStatus to, String changedBy,
      Instant changedAt, String via, String note) {
    this.recommendationId = recommendationId;
    this.fromStatus = from;
    this.toStatus = to;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.via = via;
    this.note = note;
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public RecommendationStatus getFromStatus() { return fromStatus; }
  public RecommendationStatus getToStatus() { return toStatus; }
  public String getChangedBy() { return changedBy; }
  public Instant getChangedAt() { return changedAt; }
  public String getVia() { return via; }
  public String getNote() { return note; }
}
