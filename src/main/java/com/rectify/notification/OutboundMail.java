package com.rectify.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One mail to one recipient, written in the same transaction as the event that causes it and sent after
 * that transaction commits. The idempotency key names the event and the recipient, so one event never
 * yields two mails.
 */
@Entity
@Table(name = "outbound_mail", indexes = @Index(name = "ix_outbound_mail_due", columnList = "state, next_attempt_at"))
public class OutboundMail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 300)
  private String idempotencyKey;

  @Column(nullable = false, length = 40)
  private String kind;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 300)
  private String subject;

  @Column(name = "text_body", columnDefinition = "text", nullable = false)
  private String textBody;

  @Column(name = "html_body", columnDefinition = "text", nullable = false)
  private String htmlBody;

  @Column(nullable = false, length = 500)
  private String link;

  @Column(name = "recommendation_id")
  private Long recommendationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private MailState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_by", length = 100)
  private String claimedBy;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version
  private long version;

  protected OutboundMail() {}

  public OutboundMail(String idempotencyKey, String kind, String recipient, String subject, String textBody,
      String htmlBody, String link, Long recommendationId, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.kind = kind;
    this.recipient = recipient;
    this.subject = subject;
    this.textBody = textBody;
    this.htmlBody = htmlBody;
    this.link = link;
    this.recommendationId = recommendationId;
    this.state = MailState.PENDING;
    this.createdAt = createdAt;
    this.nextAttemptAt = createdAt;
  }

  public Long getId() { return id; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public String getKind() { return kind; }
  public String getRecipient() { return recipient; }
  public String getSubject() { return subject; }
  public String getTextBody() { return textBody; }
  public String getHtmlBody() { return htmlBody; }
  public String getLink() { return link; }
  public Long getRecommendationId() { return recommendationId; }
  public MailState getState() { return state; }
  public int getAttempts() { return attempts; }
  public String getLastError() { return lastError; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public String getClaimedBy() { return claimedBy; }
  public Instant getSentAt() { return sentAt; }

  /** Failing: waiting to be tried again after an error. */
  public boolean isRetrying() {
    return state != MailState.SENT && attempts > 0;
  }
}
