package com.rectify.recommendation.progress;

import com.rectify.cycle.ReportingCycle;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "progress_update", indexes = @Index(name = "ix_progress_update_rec", columnList = "recommendation_id"))
public class ProgressUpdate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false)
  private Long recommendationId;

  @Column(columnDefinition = "text", nullable = false)
  private String text;

  @Column(nullable = false, length = 100)
  private String author;

  @Column(name = "posted_at", nullable = false)
  private Instant postedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "reporting_cycle_id")
  private ReportingCycle reportingCycle;

  protected ProgressUpdate() {}

  public ProgressUpdate(Long recommendationId, String text, String author, Instant postedAt, ReportingCycle cycle) {
    this.recommendationId = recommendationId;
    this.text = text;
    this.author = author;
    this.postedAt = postedAt;
    this.reportingCycle = cycle;
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public String getText() { return text; }
  public String getAuthor() { return author; }
  public Instant getPostedAt() { return postedAt; }
  public ReportingCycle getReportingCycle() { return reportingCycle; }
}
