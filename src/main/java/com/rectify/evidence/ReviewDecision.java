package com.rectify.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An auditor's verdict on the evidence submitted in one round. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false)
  private Long recommendationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ReviewOutcome outcome;

  @Column(columnDefinition = "text", name = "review_comment", nullable = false)
  private String comment;

  @Column(nullable = false, length = 100)
  private String reviewer;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected ReviewDecision() {}

  public ReviewDecision(Long recommendationId, ReviewOutcome outcome, String comment, String reviewer, Instant decidedAt) {
    this.recommendationId = recommendationId;
    this.outcome = outcome;
    this.comment = comment;
    this.reviewer = reviewer;
    this.decidedAt = decidedAt;
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public ReviewOutcome getOutcome() { return outcome; }
  public String getComment() { return comment; }
  public String getReviewer() { return reviewer; }
  public Instant getDecidedAt() { return decidedAt; }
}
