package com.rectify.recommendation.risk;

import com.rectify.recommendation.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A senior officer's formal decision on the residual risk, accepted or refused. */
@Entity
@Table(name = "risk_acceptance")
public class RiskAcceptance {

  public enum Decision { ACCEPTED, REFUSED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false)
  private Long recommendationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Decision decision;

  @Column(columnDefinition = "text", nullable = false)
  private String rationale;

  /** The group the decision table named for this grade. */
  @Column(name = "acceptor_group", nullable = false, length = 60)
  private String acceptorGroup;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Grade grade;

  @Column(name = "decided_by", nullable = false, length = 100)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected RiskAcceptance() {}

  public RiskAcceptance(Long recommendationId, Decision decision, String rationale, String acceptorGroup, Grade grade,
      String decidedBy, Instant decidedAt) {
    this.recommendationId = recommendationId;
    this.decision = decision;
    this.rationale = rationale;
    this.acceptorGroup = acceptorGroup;
    this.grade = grade;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public Decision getDecision() { return decision; }
  public String getRationale() { return rationale; }
  public String getAcceptorGroup() { return acceptorGroup; }
  public Grade getGrade() { return grade; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
}
