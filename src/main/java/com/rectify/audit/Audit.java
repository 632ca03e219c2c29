package com.rectify.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An audit engagement; its report raised the recommendations that follow it. */
@Entity
@Table(name = "audit")
public class Audit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 60)
  private String reference;

  @Column(nullable = false, length = 300)
  private String title;

  /** The service audited, e.g. "finance"; owns the recommendations unless they say otherwise. */
  @Column(nullable = false, length = 60)
  private String service;

  @Column(name = "report_issued_on")
  private LocalDate reportIssuedOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AuditStatus status = AuditStatus.FOLLOW_UP_OPEN;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt = Instant.now();

  protected Audit() {}

  public Audit(String reference, String title, String service, LocalDate reportIssuedOn, String createdBy) {
    this.reference = reference;
    this.title = title;
    this.service = service;
    this.reportIssuedOn = reportIssuedOn;
    this.createdBy = createdBy;
  }

  public void close() {
    this.status = AuditStatus.CLOSED;
  }

  public Long getId() { return id; }
  public String getReference() { return reference; }
  public String getTitle() { return title; }
  public String getService() { return service; }
  public LocalDate getReportIssuedOn() { return reportIssuedOn; }
  public AuditStatus getStatus() { return status; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
}
