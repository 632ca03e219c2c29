package com.rectify.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** "No update received this cycle": a recommendation whose officer posted nothing by the cycle's deadline. */
@Entity
@Table(name = "missed_update", uniqueConstraints = @UniqueConstraint(columnNames = {"recommendation_id", "reporting_cycle_id"}))
public class MissedUpdate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false)
  private Long recommendationId;

  @Column(name = "reporting_cycle_id", nullable = false)
  private Long reportingCycleId;

  @Column(name = "flagged_at", nullable = false)
  private Instant flaggedAt;

  protected MissedUpdate() {}

  public MissedUpdate(Long recommendationId, Long reportingCycleId, Instant flaggedAt) {
    this.recommendationId = recommendationId;
    this.reportingCycleId = reportingCycleId;
    this.flaggedAt = flaggedAt;
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public Long getReportingCycleId() { return reportingCycleId; }
  public Instant getFlaggedAt() { return flaggedAt; }
}
