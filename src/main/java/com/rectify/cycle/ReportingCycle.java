package com.rectify.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A committee reporting round ("January 2025"): an as-at date and a deadline for officers' updates. */
@Entity
@Table(name = "reporting_cycle")
public class ReportingCycle {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 80)
  private String name;

  @Column(name = "as_at", nullable = false)
  private LocalDate asAt;

  @Column(name = "update_deadline", nullable = false)
  private LocalDate updateDeadline;

  @Column(name = "opened_by", nullable = false, length = 100)
  private String openedBy;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  /** Recommendations in implementation asked for their update; null for a cycle opened before they were counted. */
  @Column(name = "asked_count")
  private Integer askedCount;

  /** Open recommendations not asked, because nothing was theirs to do: not agreed, under review, awaiting a risk decision. */
  @Column(name = "not_asked_count")
  private Integer notAskedCount;

  @Column(name = "all_asked_at")
  private Instant allAskedAt;

  protected ReportingCycle() {}

  public ReportingCycle(String name, LocalDate asAt, LocalDate updateDeadline, String openedBy, Instant openedAt) {
    this.name = name;
    this.asAt = asAt;
    this.updateDeadline = updateDeadline;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
    this.askedCount = 0;
    this.notAskedCount = 0;
  }

  public Long getId() { return id; }
  public String getName() { return name; }
  public LocalDate getAsAt() { return asAt; }
  public LocalDate getUpdateDeadline() { return updateDeadline; }
  public String getOpenedBy() { return openedBy; }
  public Instant getOpenedAt() { return openedAt; }
  public Integer getAskedCount() { return askedCount; }
  public Integer getNotAskedCount() { return notAskedCount; }
  public Instant getAllAskedAt() { return allAskedAt; }
}
